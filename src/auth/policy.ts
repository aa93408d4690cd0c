import { forbidden } from '../errors.js';
import { isAdmin, type Principal } from './principal.js';

/** Whether `userId` (an id, an email or `me`) names the caller's own Zoom user. */
export function isSelf(principal: Principal, userId: string): boolean {
  if (userId === 'me') return true;
  const wanted = userId.toLowerCase();
  return wanted === principal.zoomUserId?.toLowerCase() || wanted === principal.email?.toLowerCase();
}

/** `admin` reads and writes account-wide; `user` only itself. */
export function assertCanActFor(principal: Principal, userId: string): void {
  if (isAdmin(principal) || isSelf(principal, userId)) return;
  throw forbidden('The user role may only act on its own Zoom user.');
}

export function assertAdmin(principal: Principal, what: string): void {
  if (!isAdmin(principal)) throw forbidden(`${what} requires the admin role.`);
}

/**
 * An identity the caller puts into a token it hands to a third party (a Video SDK
 * `user_identity`): `admin` may name anyone, `user` only itself (its caller id, Zoom id or email).
 */
export function assertOwnIdentity(principal: Principal, identity: string, what: string): void {
  if (isAdmin(principal) || identity === principal.id || (identity !== 'me' && isSelf(principal, identity))) return;
  throw forbidden(`The user role may name only itself as ${what}.`);
}
