import { tags } from './cacheTags.js';
import { reporting } from './meetings.js';
import { userSegment } from './pathSegment.js';
import type { ZoomUserSettings } from './types.js';
import { ZoomApiError } from './zoomApiError.js';
import { addressOf, type ZoomContext } from './zoomContext.js';
import { ACCOUNT_OWNER } from './cacheTags.js';

/** `GET /users/{userId}/settings` (Medium); null when Zoom says the user does not exist (404/1001). */
export async function getUserSettings(ctx: ZoomContext, userId: string): Promise<ZoomUserSettings | null> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  try {
    const res = await ctx.client.call<ZoomUserSettings>(
      {
        method: 'GET',
        path: `/users/${userSegment(selection.pathUserId)}/settings`,
        route: 'users.settings',
        category: 'medium',
        cacheTags: tags.settings(addressOf(ctx, selection)),
      },
      selection.credential,
    );
    return res.body ?? {};
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 1001) return null;
    throw err;
  }
}

/** `PATCH /users/{userId}/settings` (Medium) → 204: Zoom changes only the fields the body names. */
export async function updateUserSettings(ctx: ZoomContext, userId: string, body: ZoomUserSettings): Promise<void> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  const address = addressOf(ctx, selection);
  const change = address === ACCOUNT_OWNER ? {} : address.includes('@') ? { email: address } : { userId: address };
  await reporting(ctx, { kind: 'user', ...change }, () =>
    ctx.client.call<void>(
      {
        method: 'PATCH',
        path: `/users/${userSegment(selection.pathUserId)}/settings`,
        body,
        route: 'users.updateSettings',
        category: 'medium',
      },
      selection.credential,
    ),
  );
}
