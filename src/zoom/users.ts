import { ZoomApiError } from './zoomApiError.js';
import { userSegment } from './pathSegment.js';
import { tags } from './cacheTags.js';
import { addressOf, type ZoomContext } from './zoomContext.js';
import type { ZoomUser, ZoomUserPage } from './types.js';

export interface ListUsersQuery {
  status: 'active' | 'inactive' | 'pending';
  /** Only users with this role (Zoom's `role_id`). */
  roleId?: string;
  pageSize: number;
  nextPageToken?: string;
}

/** `GET /users` — account-wide, one page. */
export async function listUsers(ctx: ZoomContext, q: ListUsersQuery): Promise<ZoomUserPage> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<ZoomUserPage>(
    {
      method: 'GET',
      path: '/users',
      query: { status: q.status, role_id: q.roleId, page_size: q.pageSize, next_page_token: q.nextPageToken },
      route: 'users.list',
      category: 'medium',
      cacheTags: tags.userLists(),
    },
    credential,
  );
  return { ...res.body, users: Array.isArray(res.body?.users) ? res.body.users : [] };
}

/** `GET /users/{id}` — null when Zoom says the user does not exist (404, code 1001). */
export async function getUser(ctx: ZoomContext, userId: string): Promise<ZoomUser | null> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  const { credential, pathUserId } = selection;
  try {
    const res = await ctx.client.call<ZoomUser>(
      {
        method: 'GET',
        path: `/users/${userSegment(pathUserId)}`,
        route: 'users.get',
        category: 'light',
        cacheTags: tags.user(addressOf(ctx, selection)),
      },
      credential,
    );
    return res.body;
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 1001) return null;
    throw err;
  }
}
