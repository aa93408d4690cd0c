/**
 * Shapes of who is named in configuration and requests: the caller roles, Zoom user ids and email
 * addresses. On the ground floor: config checks GATEWAY_API_KEYS with them at start, auth and the
 * GraphQL inputs use them per request.
 */

/** What a caller may do: `admin` acts for any user of the account, `user` for itself. */
export type Role = 'admin' | 'user';

/** Zoom user ids are base64url-like, e.g. `KDcuGIm1QgePTO8WbOqwIQ` (docs/zoom.md#users). */
const ZOOM_USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * An address as Zoom stores it: a local part without whitespace, quotes or brackets (RFC 5322
 * atext, dots included) and a domain of at least two DNS labels.
 */
const EMAIL =
  /^[^\s@"(),:;<>[\]\\\p{Cc}\p{Cs}]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;
/** RFC 5321's limit on a whole address. */
const MAX_EMAIL_LENGTH = 254;

export const isZoomUserIdShape = (v: string): boolean => ZOOM_USER_ID.test(v);
export const isEmailAddress = (v: string): boolean => v.length <= MAX_EMAIL_LENGTH && EMAIL.test(v);

/**
 * `me` names whoever holds the Zoom token, and over an account token that is the account owner:
 * it is a path keyword, never a caller's identity, in any case.
 */
const isMeKeyword = (v: string): boolean => v.toLowerCase() === 'me';

/** Why `value` cannot be a caller's own Zoom user id; undefined when it can. */
export function zoomUserIdProblem(value: string): string | undefined {
  if (isMeKeyword(value)) return 'must name a Zoom user, not the keyword "me"';
  if (!ZOOM_USER_ID.test(value)) return 'must be a Zoom user id (letters, digits, "_" or "-", at most 64)';
  return undefined;
}

/** Why `value` cannot be a caller's own email; undefined when it can. */
export function emailProblem(value: string): string | undefined {
  return isEmailAddress(value) ? undefined : 'must be an email address';
}
