import { ACCOUNT_OWNER, tags } from './cacheTags.js';
import type { ZoomChange } from './changes.js';
import { reporting } from './meetings.js';
import { userSegment } from './pathSegment.js';
import type { ZoomCreateUserBody, ZoomCreatedUser, ZoomResponse, ZoomUpdateUserBody, ZoomUserSummary } from './types.js';
import { ZoomUnreachableError } from './zoomApiError.js';
import { addressOf, type ZoomContext } from './zoomContext.js';
import type { Selection } from '../tokens/provider.js';

// User administration (docs/zoom.md#user-administration). NOTE: Zoom labels user create, update,
// status and delete Light, and settings, the summary and roles Medium; the email check is Light
// in the 2026 users spec. The client paces each call in its category.

/** The user a call addresses, as a change names it. */
function userChange(ctx: ZoomContext, selection: Selection): ZoomChange {
  const address = addressOf(ctx, selection);
  if (address === ACCOUNT_OWNER) return { kind: 'user' };
  return address.includes('@') ? { kind: 'user', email: address } : { kind: 'user', userId: address };
}

/** `POST /users` → 201 `{id, email, …}`. With `create` the user stays pending until it accepts. */
export async function createUser(ctx: ZoomContext, body: ZoomCreateUserBody): Promise<ZoomCreatedUser> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  let res: ZoomResponse<ZoomCreatedUser>;
  try {
    res = await ctx.client.call<ZoomCreatedUser>(
      { method: 'POST', path: '/users', body, route: 'users.create', category: 'light' },
      credential,
    );
  } catch (err) {
    // An answer lost on the way back may hide a user Zoom created: the lists may have changed.
    if (err instanceof ZoomUnreachableError) await ctx.changes.changed({ kind: 'user', email: body.user_info.email });
    throw err;
  }
  await ctx.changes.changed({ kind: 'user', email: body.user_info.email, ...(res.body?.id ? { userId: res.body.id } : {}) });
  return res.body;
}

/** `PATCH /users/{userId}` → 204 with no body: read the user again for what Zoom now holds. */
export async function updateUser(ctx: ZoomContext, userId: string, body: ZoomUpdateUserBody): Promise<void> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  await reporting(ctx, userChange(ctx, selection), () =>
    ctx.client.call<void>(
      { method: 'PATCH', path: `/users/${userSegment(selection.pathUserId)}`, body, route: 'users.update', category: 'light' },
      selection.credential,
    ),
  );
}

/** `PUT /users/{userId}/status` `{action}` → 204. */
export async function setUserStatus(ctx: ZoomContext, userId: string, action: 'activate' | 'deactivate'): Promise<void> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  await reporting(ctx, userChange(ctx, selection), () =>
    ctx.client.call<void>(
      {
        method: 'PUT',
        path: `/users/${userSegment(selection.pathUserId)}/status`,
        body: { action },
        route: 'users.status',
        category: 'light',
      },
      selection.credential,
    ),
  );
}

export interface UserTransfer {
  email: string;
  meetings: boolean;
  webinars: boolean;
  recordings: boolean;
  whiteboards: boolean;
}

/**
 * `DELETE /users/{userId}?action=…&transfer_email=…` → 204. With a transfer, meetings change
 * hosts: every cached meeting may now name the wrong host, so the change says so.
 */
export async function deleteUser(
  ctx: ZoomContext,
  userId: string,
  action: 'disassociate' | 'delete',
  transfer?: UserTransfer,
): Promise<void> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  const query = {
    action,
    ...(transfer
      ? {
          transfer_email: transfer.email,
          transfer_meeting: String(transfer.meetings),
          transfer_webinar: String(transfer.webinars),
          transfer_recording: String(transfer.recordings),
          transfer_whiteboard: String(transfer.whiteboards),
        }
      : {}),
  };
  const gone = userChange(ctx, selection);
  const moved: ZoomChange | undefined =
    transfer && gone.kind === 'user'
      ? { kind: 'transfer', toEmail: transfer.email, ...definedOnly({ userId: gone.userId, email: gone.email }) }
      : undefined;
  try {
    await reporting(ctx, gone, () =>
      ctx.client.call<void>(
        { method: 'DELETE', path: `/users/${userSegment(selection.pathUserId)}`, query, route: 'users.delete', category: 'light' },
        selection.credential,
      ),
    );
  } catch (err) {
    if (moved && err instanceof ZoomUnreachableError) await ctx.changes.changed(moved);
    throw err;
  }
  if (moved) await ctx.changes.changed(moved);
}

const definedOnly = (o: { userId?: string | undefined; email?: string | undefined }): { userId?: string; email?: string } => ({
  ...(o.userId ? { userId: o.userId } : {}),
  ...(o.email ? { email: o.email } : {}),
});

/** `GET /users/summary`: counts of the account's users by type and status. */
export async function getUserSummary(ctx: ZoomContext): Promise<ZoomUserSummary> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<ZoomUserSummary>(
    { method: 'GET', path: '/users/summary', route: 'users.summary', category: 'medium', cacheTags: tags.userLists() },
    credential,
  );
  return res.body ?? {};
}

/** `GET /users/email?email=` → whether a user of any Zoom account has this email. */
export async function isEmailInUse(ctx: ZoomContext, email: string): Promise<boolean> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<{ existed_email?: boolean }>(
    { method: 'GET', path: '/users/email', query: { email }, route: 'users.email', category: 'light', cacheTags: tags.userLists() },
    credential,
  );
  return res.body?.existed_email === true;
}
