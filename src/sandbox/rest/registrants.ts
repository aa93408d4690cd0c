import { utcDay } from '../clock.js';
import { invalidField, REST, validationFailed, zoomError, type FieldError } from '../errors.js';
import { empty, json, type Reply } from '../http.js';
import type { ZoomMeeting } from '../model/meeting.js';
import type { RegistrantStatus, ZoomRegistrant } from '../model/registrant.js';
import type { RegistrationEvent } from '../events.js';
import type { FakeZoomState } from '../state.js';
import { lookupMeeting } from './meeting.js';
import { parseJsonObject } from './meetingValidation.js';
import { pageOf, readPage } from './paging.js';
import { REGISTRANT_ACTIONS, REGISTRANT_STATUSES } from './params.js';
import type { RestContext } from './restContext.js';
import { register, registrantsOf, takesRegistration } from '../registration.js';
import { isFixedRecurring } from '../sessionKind.js';

/** NOTE: 3 registrations a day for the same registrant and meeting (DOCS26 rate-limits, docs/zoom.md#errors-and-rate-limits). */
const DAILY_ADDS = 3;
/** NOTE: 10 status changes a day per registrant (DOCS26 rate-limits, docs/zoom.md#errors-and-rate-limits). */
const DAILY_STATUS_CHANGES = 10;
/** NOTE: SPEC23 `registrants` array of the status body: "maximum": 30. */
const MAX_STATUS_BATCH = 30;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Obj = Record<string, unknown>;
const counts = new WeakMap<FakeZoomState, Map<string, number>>();

/** Per-registrant daily counters of the fake, keyed by UTC day. */
function dailyCounts(state: FakeZoomState): Map<string, number> {
  let map = counts.get(state);
  if (!map) counts.set(state, (map = new Map()));
  return map;
}

// NOTE: GET and PUT answer code 300 "…has not set registration as required" (SPEC23); POST answers
// 404 with code 404 "Registration has not been enabled for this meeting: {id}." (observed, Zoom 2026).
const notRequired = (m: ZoomMeeting) => zoomError(400, 300, `This meeting has not set registration as required: ${m.id}.`);
const notEnabled = (m: ZoomMeeting) => zoomError(404, 404, `Registration has not been enabled for this meeting: ${m.id}.`);

export function registrantView(r: ZoomRegistrant): Obj {
  return {
    id: r.id,
    first_name: r.first_name,
    last_name: r.last_name,
    email: r.email,
    address: '',
    city: '',
    country: '',
    zip: '',
    state: '',
    phone: '',
    industry: '',
    org: '',
    job_title: '',
    purchasing_time_frame: '',
    role_in_purchase_process: '',
    no_of_employees: '',
    comments: '',
    custom_questions: [],
    status: r.status,
    create_time: r.create_time,
    join_url: r.join_url,
  };
}

/** `GET /meetings/{meetingId}/registrants?status=&page_size=&next_page_token=`. */
export function listRegistrants(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const { meeting } = found;
  const status = rc.req.query.status ?? 'approved';
  if (!(REGISTRANT_STATUSES as readonly string[]).includes(status)) return invalidField('status');
  if (!takesRegistration(meeting)) return notRequired(meeting);
  const { state } = rc.ctx;
  const occurrence = rc.req.query.occurrence_id;
  const scope = `meetings.registrants|${meeting.id}|${status}|${occurrence ?? ''}`;
  const page = readPage(state, rc.req.query, scope);
  if ('status' in page) return page;
  const matching = registrantsOf(state, meeting).filter(
    (r) => r.status === status && (!occurrence || r.occurrence_ids.length === 0 || r.occurrence_ids.includes(occurrence)),
  );
  const { items, meta } = pageOf(state, matching, page, scope);
  return json(200, { ...meta, registrants: items.map(registrantView) });
}

function checkRegistrantBody(body: Obj): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (field: string) => errors.push({ field, message: 'Invalid field.' });
  const { email, first_name: first, last_name: last, auto_approve: auto } = body;
  if (typeof email !== 'string' || email.length > 128 || !EMAIL.test(email)) bad('email');
  if (typeof first !== 'string' || first.length === 0 || first.length > 64) bad('first_name');
  if (last !== undefined && (typeof last !== 'string' || last.length > 64)) bad('last_name');
  if (auto !== undefined && typeof auto !== 'boolean') bad('auto_approve');
  return errors;
}

/**
 * `POST /meetings/{meetingId}/registrants` → 201. Registering an email again returns the same
 * registration (Zoom keys registrants by email per meeting).
 */
export function addRegistrant(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const { meeting } = found;
  const { state } = rc.ctx;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const errors = checkRegistrantBody(body);
  if (errors.length > 0) return validationFailed(errors);
  if (!takesRegistration(meeting)) return notEnabled(meeting);
  const wanted = (rc.req.query.occurrence_ids ?? '').split(',').filter(Boolean);
  const known = new Set((meeting.occurrences ?? []).map((o) => o.occurrence_id));
  if (wanted.some((id) => !known.has(id))) return zoomError(400, 3000, 'Invalid occurrence_id.');
  const email = String(body.email);
  const counted = dailyCounts(state);
  const key = `${utcDay(state.clock.now())}|${meeting.id}|${email.toLowerCase()}`;
  if ((counted.get(key) ?? 0) >= DAILY_ADDS) {
    return zoomError(
      429,
      429,
      `You have exceeded the daily rate limit of "${DAILY_ADDS}" for Add meeting registrant API requests for the registrant "${email}". You can resume these API requests at GMT 00:00:00.`,
    );
  }
  const registrant = register(state, meeting, {
    email,
    first_name: String(body.first_name),
    last_name: typeof body.last_name === 'string' ? body.last_name : '',
    autoApprove: body.auto_approve === true,
    occurrenceIds: wanted,
  });
  if (!registrant) return zoomError(400, 3043, 'Meeting has reached maximum attendee capacity.');
  if (registrant.created) rc.ctx.events.registration('meeting.registration_created', meeting, registrant.registrant);
  counted.set(key, (counted.get(key) ?? 0) + 1);
  const occurrences = (meeting.occurrences ?? []).filter((o) => wanted.length === 0 || wanted.includes(o.occurrence_id));
  return json(201, {
    id: meeting.id,
    join_url: registrant.registrant.join_url,
    registrant_id: registrant.registrant.id,
    start_time: meeting.start_time,
    topic: meeting.topic,
    ...(isFixedRecurring(meeting.type) ? { occurrences } : {}),
  });
}

const EVENT_OF: Record<string, RegistrationEvent> = {
  approve: 'meeting.registration_approved',
  deny: 'meeting.registration_denied',
  cancel: 'meeting.registration_cancelled',
};

const NEXT: Record<string, { from: RegistrantStatus[]; to: RegistrantStatus }> = {
  approve: { from: ['pending', 'denied'], to: 'approved' },
  deny: { from: ['pending', 'approved'], to: 'denied' },
  // NOTE: a cancelled registration lists as denied.
  cancel: { from: ['approved'], to: 'denied' },
};

/** `PUT /meetings/{meetingId}/registrants/status` `{action, registrants: [{id} | {email}]}` → 204. */
export function updateRegistrantStatus(rc: RestContext): Reply {
  const found = lookupMeeting(rc, REST.notHostShort);
  if (!found.ok) return found.reply;
  const { meeting } = found;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const { action, registrants } = body;
  if (typeof action !== 'string' || !(REGISTRANT_ACTIONS as readonly string[]).includes(action)) return invalidField('action');
  const refs = Array.isArray(registrants) ? (registrants as unknown[]) : [];
  if (refs.length === 0 || refs.length > MAX_STATUS_BATCH || refs.some((r) => typeof r !== 'object' || r === null))
    return invalidField('registrants');
  if (!takesRegistration(meeting)) return notRequired(meeting);
  const mine = registrantsOf(rc.ctx.state, meeting);
  const targets: ZoomRegistrant[] = [];
  for (const ref of refs as Obj[]) {
    const hit = mine.find(
      (r) =>
        (typeof ref.id === 'string' && r.id === ref.id) ||
        (typeof ref.email === 'string' && r.email.toLowerCase() === ref.email.toLowerCase()),
    );
    // NOTE: the 404 text is SPEC23's "Meeting or registrant not found."; its code is UNCONFIRMED.
    if (!hit) return zoomError(404, 3001, 'Meeting or registrant not found.');
    targets.push(hit);
  }
  const counted = dailyCounts(rc.ctx.state);
  const day = utcDay(rc.ctx.state.clock.now());
  const spent = targets.find((r) => (counted.get(`${day}|status|${r.id}`) ?? 0) >= DAILY_STATUS_CHANGES);
  if (spent) {
    return zoomError(
      429,
      429,
      `You have exceeded the daily rate limit of "${DAILY_STATUS_CHANGES}" for meeting Update registrant's status API requests for the registrant "${spent.email}". You can resume these API requests at GMT 00:00:00.`,
    );
  }
  for (const r of targets) counted.set(`${day}|status|${r.id}`, (counted.get(`${day}|status|${r.id}`) ?? 0) + 1);
  const step = NEXT[action]!;
  const operator = rc.ctx.events.operatorOf(rc.principal.userId);
  for (const r of targets) {
    if (!step.from.includes(r.status)) continue;
    r.status = step.to;
    rc.ctx.events.registration(EVENT_OF[action]!, meeting, r, operator);
  }
  return empty(204);
}
