import type { UserOAuthSource } from './userOAuth.js';
import type { ZakCache } from './zak.js';

/**
 * Drops what the gateway keeps for a Zoom user (by Zoom user id) who can no longer use Zoom in
 * the account or removed the app: its cached ZAKs, and its user OAuth grant with the caller link
 * that grant's install made. Both live in the shared store, so no replica serves them afterwards.
 * Zoom's `user.deactivated`, `user.deleted`, `user.disassociated` and `app_deauthorized` events
 * come here, and so do the gateway's own `setUserStatus(DEACTIVATE)` and `deleteUser`.
 */
export type ForgetUser = (zoomUserId: string) => Promise<void>;

/** `userOAuth` is null when no user OAuth app is configured: there are no grants to purge. */
export function userForgetter(zaks: Pick<ZakCache, 'invalidate'>, userOAuth: Pick<UserOAuthSource, 'purge'> | null): ForgetUser {
  return async (zoomUserId) => {
    await Promise.all([userOAuth?.purge(zoomUserId), zaks.invalidate(zoomUserId)]);
  };
}
