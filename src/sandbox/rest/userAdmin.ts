import { toZoomIso } from '../clock.js';
import { invalidField, REST, zoomError } from '../errors.js';
import { empty, json, type Reply } from '../http.js';
import type { ZoomUser } from '../model/user.js';
import type { Plan } from '../rateLimit.js';
import { revokeGrant } from '../oauth/issue.js';
import { parseJsonObject } from './meetingValidation.js';
import { CREATE_USER_ACTIONS, DELETE_USER_ACTIONS, USER_STATUS_ACTIONS, USER_TYPES } from './params.js';
import type { RestContext } from './restContext.js';
import { isAdmin, resolveSubject } from './subject.js';

type Obj = Record<string, unknown>;

/** NOTE: "Email \"$email\" has already been used." is 409 code 1005 (USERS26 `POST /users`). */
const emailUsed = (email: string): Reply => zoomError(409, 1005, `Email "${email}" has already been used.`);

/** NOTE: `create` (an emailed invitation) is limited per account and day: 50 Free, 1,500 Pro, 10,000 Business+. */
export const INVITES_PER_DAY: Record<Plan, number> = { free: 50, pro: 1500, business: 10_000 };

/** Account administration: S2S (admin scope) or an owner/admin user token; a member's token gets 403. */
export function adminOnly(rc: RestContext): Reply | undefined {
  if (rc.principal.kind !== 'user') return undefined;
  const self = rc.principal.userId ? rc.ctx.state.findUser(rc.principal.userId) : undefined;
  return self && isAdmin(self) ? undefined : REST.forbidden();
}

/** Up to 128 characters with one `@` and a dotted domain: what the fake takes for an address. */
export const isEmail = (v: unknown): v is string => typeof v === 'string' && v.length <= 128 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

/**
 * `POST /users` → 201 `{id, email, first_name, last_name, type}`. `create` invites: the user is
 * pending until it accepts; the other actions create an active user (USERS26).
 */
export function createUser(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  if (!(CREATE_USER_ACTIONS as readonly unknown[]).includes(body.action)) return invalidField('action');
  const info = body.user_info as Obj | undefined;
  if (typeof info !== 'object' || info === null || Array.isArray(info)) return invalidField('user_info');
  if (!isEmail(info.email)) return invalidField('user_info.email');
  if (!(USER_TYPES as readonly unknown[]).includes(info.type)) return invalidField('user_info.type');
  for (const [field, max] of [
    ['first_name', 64],
    ['last_name', 64],
    ['display_name', 128],
  ] as const) {
    const v = info[field];
    if (v !== undefined && !(typeof v === 'string' && v.length <= max)) return invalidField(`user_info.${field}`);
  }
  const { state } = rc.ctx;
  if (state.findUser(info.email)) return emailUsed(info.email);
  const pending = body.action === 'create';
  if (pending) {
    const limit = INVITES_PER_DAY[rc.ctx.rateLimiter.plan];
    if (state.inviteQuota.used(state.accountId) >= limit) {
      return zoomError(
        429,
        429,
        `You have exceeded the daily rate limit (${limit}) of user invite requests permitted for this account. You may resume these requests at GMT 00:00:00.`,
      );
    }
    state.inviteQuota.record(state.accountId);
  }
  const now = toZoomIso(rc.ctx.clock.now());
  const first = typeof info.first_name === 'string' ? info.first_name : '';
  const last = typeof info.last_name === 'string' ? info.last_name : '';
  const user = state.addUser({
    email: info.email,
    type: info.type as ZoomUser['type'],
    first_name: first,
    last_name: last,
    display_name: typeof info.display_name === 'string' ? info.display_name : `${first} ${last}`.trim(),
    status: pending ? 'pending' : 'active',
    verified: pending ? 0 : 1,
    created_at: now,
    user_created_at: now,
    last_login_time: undefined,
    last_client_version: undefined,
  });
  rc.ctx.events.user('user.created', user, rc.ctx.events.operatorOf(rc.principal.userId));
  return json(201, { id: user.id, email: user.email, first_name: user.first_name, last_name: user.last_name, type: user.type });
}

/** Body fields of `PATCH /users/{userId}` the fake applies, with their limits. */
const PROFILE_STRINGS: ReadonlyArray<[keyof ZoomUser, number]> = [
  ['first_name', 64],
  ['last_name', 64],
  ['display_name', 128],
  ['dept', 128],
  ['job_title', 128],
  ['timezone', 64],
  ['language', 16],
];

/** `PATCH /users/{userId}` → 204. A member may change its own profile but not its type. */
export function updateUser(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const user = subject.user;
  const self = rc.principal.kind === 'user' ? user : undefined;
  const edit: Partial<ZoomUser> = {};
  for (const [field, max] of PROFILE_STRINGS) {
    const v = body[field];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length > max) return invalidField(field);
    (edit as Obj)[field] = v;
  }
  if (body.type !== undefined) {
    if (!(USER_TYPES as readonly unknown[]).includes(body.type)) return invalidField('type');
    // A member's own token may not change its plan: 403, as for other admin-only requests here.
    if (self && !isAdmin(self)) return REST.forbidden();
    edit.type = body.type as ZoomUser['type'];
  }
  const before = structuredClone(user);
  Object.assign(user, edit);
  rc.ctx.events.userUpdated(before, user, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}

/**
 * `PUT /users/{userId}/status` `{action}` → 204. Deactivating ends the user's ZAKs.
 * NOTE: owners and admins cannot be (de)activated this way (USERS26, code 200).
 */
export function updateUserStatus(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  if (!(USER_STATUS_ACTIONS as readonly unknown[]).includes(body.action)) return invalidField('action');
  const user = subject.user;
  if (isAdmin(user)) return zoomError(400, 200, "Zoom Room and Admin users' status cannot be activated or deactivated.");
  if (user.status === 'pending') return REST.userNotFound(user.email);
  const status = body.action === 'activate' ? 'active' : 'inactive';
  if (user.status !== status) {
    user.status = status;
    if (status === 'inactive') for (const zak of rc.ctx.state.zaks.values()) if (zak.userId === user.id) zak.invalidated = true;
    rc.ctx.events.user(status === 'inactive' ? 'user.deactivated' : 'user.activated', user, rc.ctx.events.operatorOf(rc.principal.userId));
  }
  return empty(204);
}

const flag = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v === 'true');

/**
 * `DELETE /users/{userId}?action=disassociate|delete&transfer_email=&transfer_meeting=…` → 204.
 * With a transfer, the user's meetings (and, in Zoom, webinars, recordings and whiteboards, which
 * the fake keeps with its meetings) move to the transfer user first.
 */
export function deleteUser(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  const { query } = rc.req;
  const action = query.action ?? 'disassociate';
  if (!(DELETE_USER_ACTIONS as readonly string[]).includes(action)) return invalidField('action');
  for (const name of ['transfer_meeting', 'transfer_webinar', 'transfer_recording', 'transfer_whiteboard']) {
    const v = query[name];
    if (v !== undefined && v !== 'true' && v !== 'false') return invalidField(name);
  }
  const user = subject.user;
  const { state } = rc.ctx;
  // NOTE: Zoom's documented refusals: an admin cannot be disassociated (1117); the owner, who
  // cannot leave its own account, gets code 200 (UNCONFIRMED which sentence Zoom picks for it).
  if (user.role_id === '0') return zoomError(400, 200, 'Cannot delete a user out of your account.');
  if (action === 'disassociate' && user.role_id === '1') return zoomError(400, 1117, 'You can not disassociate an Admin user.');
  const to = query.transfer_email;
  let target: ZoomUser | undefined;
  if (to !== undefined && to !== '') {
    if (to.toLowerCase() === user.email.toLowerCase()) {
      return zoomError(400, 300, "The transfer-to email address cannot be the same as the unlinked or deleted user's email address.");
    }
    target = state.findUser(to);
    if (!target || target.status !== 'active') return invalidField('transfer_email');
  }
  const moveMeetings = target !== undefined && (flag(query.transfer_meeting) ?? false);
  const moveRecordings = target !== undefined && (flag(query.transfer_recording) ?? false);
  for (const m of state.meetings.filter((x) => x.host_id === user.id)) {
    if (moveMeetings && target) {
      m.host_id = target.id;
      m.host_email = target.email;
    } else {
      state.removeMeeting(m);
    }
  }
  for (const p of state.pastMeetings) if (p.host_id === user.id && moveRecordings && target) p.host_id = target.id;
  state.users.splice(state.users.indexOf(user), 1);
  state.userSettings.delete(user.id);
  for (const grant of state.grants.values()) if (grant.userId === user.id) revokeGrant(state, grant);
  rc.ctx.events.user(action === 'delete' ? 'user.deleted' : 'user.disassociated', user, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}

/** `GET /users/summary`: counts by type and status (USERS26). */
export function userSummary(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const users = rc.ctx.state.users;
  const count = (f: (u: ZoomUser) => boolean) => users.filter(f).length;
  return json(200, {
    licensed_users_count: count((u) => u.type === 2 && u.status !== 'pending'),
    basic_users_count: count((u) => u.type === 1 && u.status !== 'pending'),
    on_prem_users_count: 0,
    room_users_count: 0,
    pending_users_count: count((u) => u.status === 'pending'),
    join_only_users_count: count((u) => u.type === 4 && u.status !== 'pending'),
    total_users_count: users.length,
  });
}

/** `GET /users/email?email=` → `{existed_email}`; no email → 400/300 "Email is required." (USERS26). */
export function emailExists(rc: RestContext): Reply {
  const denied = adminOnly(rc);
  if (denied) return denied;
  const email = rc.req.query.email;
  if (!email) return zoomError(400, 300, 'Email is required.');
  return json(200, { existed_email: rc.ctx.state.findUser(email) !== undefined && email.includes('@') });
}
