import { isEmailAddress, isZoomUserIdShape } from '../../identity.js';
import { badUserInput } from '../../errors.js';

/**
 * A `{userId}` argument: `me`, a Zoom user id or an email, checked before any Zoom call. Anything
 * else (a path such as `..`, a query, an over-long value) is bad input, whatever its role.
 */
export function checkUserId(userId: string, argument: string): string {
  if (userId === 'me' || isZoomUserIdShape(userId) || isEmailAddress(userId)) return userId;
  throw badUserInput(`${argument} must be "me", a Zoom user id or an email address.`, argument);
}

/** A role id as Zoom lists them: "0"–"2" for the built-in roles, an id like a user id for custom ones. */
export function checkRoleId(roleId: string): string {
  if (isZoomUserIdShape(roleId)) return roleId;
  throw badUserInput('roleId must be a Zoom role id (letters, digits, "_" or "-", at most 64).', 'roleId');
}
