import { invalidField, REST } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { UserStatus } from '../model/user.js';
import { pageOf, readPage } from './paging.js';
import { USER_STATUSES } from './params.js';
import type { RestContext } from './restContext.js';
import { isAdmin, resolveSubject } from './subject.js';
import { userDetail, userListItem } from './views.js';

/**
 * `GET /users`: account-wide, so S2S (admin scope) or an owner/admin user token only.
 * The fake's simplification: a member's user token gets 403 rather than a scope error.
 */
export function listUsers(rc: RestContext): Reply {
  const { state } = rc.ctx;
  const { query } = rc.req;
  if (rc.principal.kind === 'user') {
    const self = rc.principal.userId ? state.findUser(rc.principal.userId) : undefined;
    if (!self || !isAdmin(self)) return REST.forbidden();
  }
  const status = (query.status ?? 'active') as UserStatus;
  if (!(USER_STATUSES as readonly string[]).includes(status)) return invalidField('status');
  const roleId = query.role_id;
  const scope = `users.list|${status}|${roleId ?? ''}`;
  const page = readPage(state, query, scope);
  if ('status' in page) return page;
  const matching = state.users.filter((u) => u.status === status && (roleId === undefined || u.role_id === roleId));
  const { items, meta } = pageOf(state, matching, page, scope);
  const hostKey = query.include_fields === 'host_key';
  return json(200, { ...meta, users: items.map((u) => userListItem(u, hostKey)) });
}

export function getUser(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  return json(200, userDetail(subject.user, rc.ctx.clock.now()));
}
