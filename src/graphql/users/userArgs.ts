import { badUserInput } from '../../errors.js';

/** Zoom user ids are base64url-like, e.g. `KDcuGIm1QgePTO8WbOqwIQ` (docs/zoom.md#users). */
const ZOOM_USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * An address as Zoom stores it: a local part without whitespace, quotes or brackets (RFC 5322
 * atext, dots included) and a domain of at least two DNS labels.
 */
const EMAIL = /^[^\s@"(),:;<>[\]\\\p{Cc}\p{Cs}]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;
/** RFC 5321's limit on a whole address. */
const MAX_EMAIL_LENGTH = 254;

export const isEmailAddress = (v: string): boolean => v.length <= MAX_EMAIL_LENGTH && EMAIL.test(v);

/**
 * A `{userId}` argument: `me`, a Zoom user id or an email, checked before any Zoom call. Anything
 * else (a path such as `..`, a query, an over-long value) is bad input, whatever its role.
 */
export function checkUserId(userId: string, argument: string): string {
  if (userId === 'me' || ZOOM_USER_ID.test(userId)) return userId;
  if (userId.length <= MAX_EMAIL_LENGTH && EMAIL.test(userId)) return userId;
  throw badUserInput(`${argument} must be "me", a Zoom user id or an email address.`, argument);
}

/** A role id as Zoom lists them: "0"–"2" for the built-in roles, an id like a user id for custom ones. */
export function checkRoleId(roleId: string): string {
  if (ZOOM_USER_ID.test(roleId)) return roleId;
  throw badUserInput('roleId must be a Zoom role id (letters, digits, "_" or "-", at most 64).', 'roleId');
}
