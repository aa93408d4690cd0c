import { toZoomIso } from '../clock.js';
import { invalidField, REST, zoomError } from '../errors.js';
import { json, type Reply } from '../http.js';
import { parseJsonObject } from './meetingValidation.js';
import { pageOf, readPage } from './paging.js';
import { ROLE_TYPES } from './params.js';
import type { RestContext } from './restContext.js';
import { decodeSegment } from './restContext.js';
import { adminOnly } from './userAdmin.js';

/** NOTE: 400 code 1034 "Provided `role_id` does not exist." (SPEC23 roles routes). */
const noSuchRole = (): Reply => zoomError(400, 1034, 'Provided `role_id` does not exist.');
/** At most 30 members per request (SPEC23 `POST /roles/{roleId}/members`, `maxItems`). */
export const ROLE_MEMBERS_MAX = 30;

/** `GET /roles[?type=common|iq]`: the account's roles with their member counts. */
export function listRoles(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const type = rc.req.query.type ?? 'common';
  if (!(ROLE_TYPES as readonly string[]).includes(type)) return invalidField('type');
  const { state } = rc.ctx;
  const roles = state.roles
    .filter((r) => r.type === type)
    .map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      type: r.type,
      total_members: state.users.filter((u) => u.role_id === r.id).length,
    }));
  return json(200, { roles, total_records: roles.length });
}

/** `GET /roles/{roleId}/members`: one page of the role's members. */
export function listRoleMembers(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const { state } = rc.ctx;
  const role = state.findRole(decodeSegment(rc.req.match.param ?? ''));
  if (!role) return noSuchRole();
  const scope = `roles.members|${role.id}`;
  const page = readPage(state, rc.req.query, scope);
  if ('status' in page) return page;
  const members = state.users.filter((u) => u.role_id === role.id && u.status !== 'pending');
  const { items, meta } = pageOf(state, members, page, scope);
  return json(200, {
    ...meta,
    members: items.map((u) => ({
      id: u.id,
      email: u.email,
      first_name: u.first_name,
      last_name: u.last_name,
      type: u.type,
      department: u.dept,
    })),
  });
}

/**
 * `POST /roles/{roleId}/members` `{members: [{id} | {email}]}` → 201 `{ids, add_at}`. Each user
 * takes the role in place of the one it had. NOTE: the owner role and the member role take no
 * members this way (SPEC23, code 300).
 */
export function addRoleMembers(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const { state } = rc.ctx;
  const role = state.findRole(decodeSegment(rc.req.match.param ?? ''));
  if (!role) return noSuchRole();
  if (role.id === '0' || role.id === '2') return zoomError(400, 300, "Can't delete or add members for Normal/Owner roles.");
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const list = body.members;
  if (!Array.isArray(list) || list.length === 0 || list.length > ROLE_MEMBERS_MAX) return invalidField('members');
  const users = [];
  for (const [i, m] of list.entries()) {
    const ref = typeof m === 'object' && m !== null ? (m as { id?: unknown; email?: unknown }) : {};
    // "If both fields are provided, only userId is used." NOTE: an unknown user answers as on
    // the users routes, 404/1001 (UNCONFIRMED: SPEC23 lists no error for it here).
    const key = typeof ref.id === 'string' ? ref.id : typeof ref.email === 'string' ? ref.email : undefined;
    const user = key === undefined ? undefined : state.findUser(key);
    if (!user) return key === undefined ? invalidField(`members[${i}]`) : REST.userNotFound(key);
    users.push(user);
  }
  const operator = rc.ctx.events.operatorOf(rc.principal.userId);
  for (const user of users) {
    if (user.role_id === role.id) continue;
    const before = structuredClone(user);
    Object.assign(user, { role_id: role.id, role_name: role.name });
    rc.ctx.events.userUpdated(before, user, operator);
  }
  return json(201, { ids: users.map((u) => u.id).join(','), add_at: toZoomIso(rc.ctx.clock.now()) });
}
