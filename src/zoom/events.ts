import { createHash } from 'node:crypto';
import { storeKeys } from '../store/keys.js';

/** Events the gateway acts on; any other name is acknowledged and counted as `other`. */
// `recording.completed` names its meeting the same way: its recording (and instance) changed.
const MEETING_EVENTS = [
  'meeting.created',
  'meeting.updated',
  'meeting.deleted',
  'recording.completed',
  'meeting.started',
  'meeting.ended',
  'meeting.participant_joined',
  'meeting.participant_left',
  // A webinar's events have the meeting events' shape (its number in `payload.object.id`).
  'webinar.created',
  'webinar.updated',
  'webinar.deleted',
  'webinar.started',
  'webinar.ended',
  'webinar.participant_joined',
  'webinar.participant_left',
] as const;
/** Events about who is in a meeting: they change nothing a cached read returns. */
const PARTICIPANT_EVENTS = new Set<string>([
  'meeting.participant_joined',
  'meeting.participant_left',
  'webinar.participant_joined',
  'webinar.participant_left',
]);
/** Registrations made outside the gateway (Zoom's registration page, the host in the portal). */
const REGISTRATION_EVENTS = [
  'meeting.registration_created',
  'meeting.registration_approved',
  'meeting.registration_denied',
  'meeting.registration_cancelled',
  'webinar.registration_created',
  'webinar.registration_approved',
  'webinar.registration_denied',
  'webinar.registration_cancelled',
] as const;
const USER_EVENTS = [
  'user.created',
  'user.updated',
  'user.activated',
  'user.deactivated',
  'user.deleted',
  'user.disassociated',
  'user.settings_updated',
] as const;
/** A user who can no longer use Zoom in this account: their ZAKs and grants must go. */
const USER_GONE = new Set<string>(['user.deactivated', 'user.deleted', 'user.disassociated']);
export const URL_VALIDATION = 'endpoint.url_validation';
const APP_DEAUTHORIZED = 'app_deauthorized';

export type MeetingEvent = (typeof MEETING_EVENTS)[number];
type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

/**
 * `payload.object.participant` of `meeting.participant_joined` / `_left` (RIVET
 * `Meetings.MeetingParticipantJoinedEvent` / `…LeftEvent`): `user_name` always; `user_id` (a
 * per-meeting number as a string), `id` (the Zoom user id, absent for guests), `email` (may be
 * empty), `participant_uuid`, `join_time` or `leave_time` and `leave_reason` where Zoom gives them.
 */
export interface ParticipantInfo {
  name: string;
  participantUserId?: string;
  zoomUserId?: string;
  email?: string;
  participantUuid?: string;
  joinTime?: string;
  leaveTime?: string;
  leaveReason?: string;
}
type UserEvent = (typeof USER_EVENTS)[number];

/** The metric label of an event name: one of a closed set, so label values stay bounded. */
export type EventLabel = MeetingEvent | RegistrationEvent | UserEvent | typeof URL_VALIDATION | typeof APP_DEAUTHORIZED | 'other';

export type ZoomEvent =
  | { type: 'url_validation'; plainToken: string }
  | {
      type: 'meeting';
      event: MeetingEvent;
      meetingId: string;
      hostId?: string;
      /** `event_ts`: when Zoom says the event happened (epoch ms). */
      eventTs?: number;
      topic?: string;
      /** `start_time` (`meeting.started`) or `end_time` (`meeting.ended`), as Zoom sent it. */
      at?: string;
      participant?: ParticipantInfo;
    }
  | { type: 'registrants'; event: RegistrationEvent; meetingId: string }
  | { type: 'user'; event: UserEvent; userId?: string; email?: string; gone: boolean; eventTs?: number }
  | { type: 'deauthorized'; userId: string; clientId?: string }
  | { type: 'other'; event: string };

export type Parsed = { ok: true; event: ZoomEvent; label: EventLabel; body: Obj } | { ok: false; label: EventLabel; problem: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const includes = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

const idString = (v: unknown): string | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : str(v));

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** True for the participant events: who is in a meeting, not what the meeting is. */
export const isParticipantEvent = (event: string): boolean => PARTICIPANT_EVENTS.has(event);

export function labelOf(event: string): EventLabel {
  if (includes(MEETING_EVENTS, event) || includes(REGISTRATION_EVENTS, event) || includes(USER_EVENTS, event)) return event;
  return event === URL_VALIDATION || event === APP_DEAUTHORIZED ? event : 'other';
}

/**
 * A verified body → the event it reports. Shapes follow Zoom's event references (RIVET's
 * `Meetings.MeetingUpdatedEvent`, `Users.UserDeactivatedEvent`; the Marketplace events
 * OpenAPI for `app_deauthorized`, docs/zoom.md#user-oauth and #webhooks): ids live in `payload.object`, except
 * `app_deauthorized` (`payload.user_id`) and the validation's `payload.plainToken`.
 */
export function parseEvent(raw: Buffer): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, label: 'other', problem: 'The body is not JSON.' };
  }
  if (!isObj(body) || !str(body.event)) return { ok: false, label: 'other', problem: 'The body names no event.' };
  const name = body.event as string;
  const label = labelOf(name);
  const payload = isObj(body.payload) ? body.payload : {};
  const object = isObj(payload.object) ? payload.object : {};
  const fail = (problem: string): Parsed => ({ ok: false, label, problem });
  const ok = (event: ZoomEvent): Parsed => ({ ok: true, event, label, body });

  if (name === URL_VALIDATION) {
    const plainToken = str(payload.plainToken);
    return plainToken && plainToken.length <= 256 ? ok({ type: 'url_validation', plainToken }) : fail('payload.plainToken is missing.');
  }
  if (includes(MEETING_EVENTS, name) || includes(REGISTRATION_EVENTS, name)) {
    // NOTE: a meeting id is an int64 number in these payloads (RIVET types it `number`).
    const id = typeof object.id === 'number' && Number.isSafeInteger(object.id) ? String(object.id) : str(object.id);
    if (!id || !/^\d{1,20}$/.test(id)) return fail('payload.object.id is not a meeting id.');
    if (includes(REGISTRATION_EVENTS, name)) return ok({ type: 'registrants', event: name, meetingId: id });
    // `meeting.updated` carries only what changed: host_id may be absent.
    const hostId = str(object.host_id);
    const eventTs = typeof body.event_ts === 'number' && Number.isFinite(body.event_ts) ? body.event_ts : undefined;
    const topic = str(object.topic);
    const at = name.endsWith('.started') ? str(object.start_time) : name.endsWith('.ended') ? str(object.end_time) : undefined;
    let participant: ParticipantInfo | undefined;
    if (PARTICIPANT_EVENTS.has(name)) {
      const p = isObj(object.participant) ? object.participant : undefined;
      if (!p || typeof p.user_name !== 'string') return fail('payload.object.participant.user_name is missing.');
      participant = definedOnly({
        name: p.user_name,
        participantUserId: idString(p.user_id),
        zoomUserId: str(p.id),
        email: str(p.email),
        participantUuid: str(p.participant_uuid),
        joinTime: str(p.join_time),
        leaveTime: str(p.leave_time),
        leaveReason: str(p.leave_reason),
      });
    }
    return ok({
      type: 'meeting',
      event: name,
      meetingId: id,
      ...definedOnly({ hostId, eventTs, topic, at }),
      ...(participant ? { participant } : {}),
    });
  }
  if (includes(USER_EVENTS, name)) {
    const userId = str(object.id);
    const email = str(object.email);
    if (!userId && !email) return fail('payload.object names no user.');
    const eventTs = typeof body.event_ts === 'number' && Number.isFinite(body.event_ts) ? body.event_ts : undefined;
    return ok({ type: 'user', event: name, ...definedOnly({ userId, email, eventTs }), gone: USER_GONE.has(name) });
  }
  if (name === APP_DEAUTHORIZED) {
    const userId = str(payload.user_id);
    if (!userId) return fail('payload.user_id is missing.');
    const clientId = str(payload.client_id);
    return ok({ type: 'deauthorized', userId, ...(clientId ? { clientId } : {}) });
  }
  return ok({ type: 'other', event: name });
}

/**
 * Two people may join one meeting within the same millisecond: a participant event's identity
 * includes who joined or left (and when). Empty for every other event, so their keys are unchanged.
 */
function participantIdentity(event: unknown, object: Obj): unknown[] {
  if (typeof event !== 'string' || !PARTICIPANT_EVENTS.has(event)) return [];
  const p = isObj(object.participant) ? object.participant : {};
  return [p.participant_uuid ?? p.user_id ?? p.id ?? p.user_name, p.join_time ?? p.leave_time];
}

/**
 * What makes two deliveries the same event: Zoom's request id, and the event's own identity
 * (name, `event_ts`, object id; `app_deauthorized` carries a unique `signature` instead). A
 * delivery matching either was applied already. Hashed: the parts come from the body.
 */
export function deliveryKeys(requestId: string | undefined, body: Obj, raw: Buffer): string[] {
  const hash = (s: string) => createHash('sha256').update(s).digest('base64url');
  const payload = isObj(body.payload) ? body.payload : {};
  const object = isObj(payload.object) ? payload.object : {};
  const ts = body.event_ts ?? payload.event_ts;
  // Without an event timestamp the whole body is the identity (a retry resends it unchanged).
  const identity =
    ts === undefined && payload.signature === undefined
      ? ['body', hash(raw.toString('utf8'))]
      : [body.event, ts, object.id ?? payload.user_id, payload.signature, ...participantIdentity(body.event, object)];
  const keys = [storeKeys.webhookDelivery('event', JSON.stringify(identity))];
  if (requestId) keys.push(storeKeys.webhookDelivery('request', requestId));
  return keys;
}
