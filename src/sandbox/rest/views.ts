import { toZoomIso } from '../clock.js';
import type { ZoomMeeting } from '../model/meeting.js';
import type { ZoomUser } from '../model/user.js';

// Response shapes per operation. test/sandbox/fidelity.test.ts validates them against the specs.

const USER_LIST_FIELDS = [
  'id',
  'first_name',
  'last_name',
  'display_name',
  'email',
  'type',
  'pmi',
  'timezone',
  'verified',
  'dept',
  'created_at',
  'user_created_at',
  'last_login_time',
  'last_client_version',
  'status',
  'role_id',
  'employee_unique_id',
] as const satisfies readonly (keyof ZoomUser)[];

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}

/** NOTE: the list omits `id` for pending users (SPEC23/USERS26 `GET /users`). */
export function userListItem(user: ZoomUser, includeHostKey: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = pick(user, USER_LIST_FIELDS);
  if (user.status === 'pending') delete out.id;
  if (user.group_ids.length > 0) out.group_ids = user.group_ids;
  if (user.im_group_ids.length > 0) out.im_group_ids = user.im_group_ids;
  if (includeHostKey) out.host_key = user.host_key;
  return out;
}

/** NOTE: for pending users `created_at` is the time of the call (SPEC23 `GET /users/{userId}`). */
export function userDetail(user: ZoomUser, now: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...user };
  delete out.host_key;
  if (user.status === 'pending') out.created_at = toZoomIso(now);
  return out;
}

const MEETING_LIST_FIELDS = [
  'uuid',
  'id',
  'host_id',
  'topic',
  'type',
  'start_time',
  'duration',
  'timezone',
  'agenda',
  'created_at',
  'join_url',
  'pmi',
] as const satisfies readonly (keyof ZoomMeeting)[];

/** NOTE: list items carry the agenda truncated to 250 characters (SPEC23 `GET /users/{userId}/meetings`). */
export function meetingListItem(meeting: ZoomMeeting): Record<string, unknown> {
  const out: Record<string, unknown> = pick(meeting, MEETING_LIST_FIELDS);
  out.agenda = meeting.agenda.slice(0, 250);
  return out;
}

/** NOTE: "Get a meeting" omits `start_time` for instant meetings (SPEC23; docs/zoom.md#meetings). */
export function meetingDetail(meeting: ZoomMeeting): Record<string, unknown> {
  const out = structuredClone(meeting) as unknown as Record<string, unknown>;
  if (meeting.type === 1) delete out.start_time;
  return out;
}

/**
 * NOTE: SPEC23's 201 omits uuid, host_id and status, but old docs and ZSKILLS examples include
 * them, so the fake sends them (UNCONFIRMED on the live API; docs/zoom.md#meetings).
 */
export function meetingCreated(meeting: ZoomMeeting): Record<string, unknown> {
  return structuredClone(meeting) as unknown as Record<string, unknown>;
}
