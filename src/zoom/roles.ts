import { tags } from './cacheTags.js';
import { pathSegment } from './pathSegment.js';
import type { ZoomRole, ZoomRoleMemberPage } from './types.js';
import { ZoomUnreachableError } from './zoomApiError.js';
import type { ZoomContext } from './zoomContext.js';

/** Zoom takes at most this many members per `POST /roles/{roleId}/members`. */
export const ROLE_MEMBERS_MAX = 30;

/** `GET /roles` (Medium). Member counts change with users, so the answer goes stale with them. */
export async function listRoles(ctx: ZoomContext): Promise<ZoomRole[]> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<{ roles?: ZoomRole[] }>(
    { method: 'GET', path: '/roles', route: 'roles.list', category: 'medium', cacheTags: tags.userLists() },
    credential,
  );
  return Array.isArray(res.body?.roles) ? res.body.roles : [];
}

/** `GET /roles/{roleId}/members` (Medium), one page. */
export async function listRoleMembers(
  ctx: ZoomContext,
  roleId: string,
  q: { pageSize: number; nextPageToken?: string },
): Promise<ZoomRoleMemberPage> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<ZoomRoleMemberPage>(
    {
      method: 'GET',
      path: `/roles/${pathSegment(roleId)}/members`,
      query: { page_size: q.pageSize, next_page_token: q.nextPageToken },
      route: 'roles.members',
      category: 'medium',
      cacheTags: tags.userLists(),
    },
    credential,
  );
  return { ...res.body, members: Array.isArray(res.body?.members) ? res.body.members : [] };
}

/** `POST /roles/{roleId}/members` (Medium) → 201; each user named by id, or by email when it has none. */
export async function assignRole(ctx: ZoomContext, roleId: string, userIds: readonly string[]): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const members = userIds.map((u) => (u.includes('@') ? { email: u } : { id: u }));
  const report = () =>
    Promise.all(userIds.map((u) => ctx.changes.changed(u.includes('@') ? { kind: 'user', email: u } : { kind: 'user', userId: u })));
  try {
    await ctx.client.call<unknown>(
      { method: 'POST', path: `/roles/${pathSegment(roleId)}/members`, body: { members }, route: 'roles.addMembers', category: 'medium' },
      credential,
    );
  } catch (err) {
    if (err instanceof ZoomUnreachableError) await report();
    throw err;
  }
  await report();
}
