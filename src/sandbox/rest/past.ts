import { REST, zoomError } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { PastInstance } from '../model/past.js';
import { decodeMeetingParam } from './meetingId.js';
import { pageOf, readPage } from './paging.js';
import type { RestContext } from './restContext.js';
import { kindOfRoute } from '../sessionKind.js';
import { registrantView } from './registrants.js';

const YEAR_MS = 365 * 86_400_000;

/** NOTE: SPEC23 documents a 404 "Meeting not found." for instances, without a code; 3001 is Zoom's meeting-not-found code. */
const instancesNotFound = (): Reply => zoomError(404, 3001, 'Meeting not found.');
const participantsNotFound = (): Reply => zoomError(404, 3001, 'This meeting is not available or ID is not valid.');

/**
 * `GET /past_meetings/{meetingId}/instances`: the ended instances of a meeting number, also of
 * a meeting since deleted; an existing meeting never held has none. A user token sees only
 * meetings it hosts.
 */
export function listPastInstances(rc: RestContext): Reply {
  const param = decodeMeetingParam(rc.req.match.param ?? '', instancesNotFound);
  if (!param.ok) return param.reply;
  if (!/^\d+$/.test(param.value)) return instancesNotFound();
  const { state } = rc.ctx;
  const number = Number(param.value);
  const held = state.pastMeetings.filter((p) => p.meeting_id === number);
  const host = state.findMeeting(number, kindOfRoute(rc.req.match.route))?.host_id ?? held[0]?.host_id;
  if (host === undefined) return instancesNotFound();
  if (rc.principal.kind === 'user' && host !== rc.principal.userId) return REST.notHost();
  return json(200, { meetings: held.map((p) => ({ uuid: p.uuid, start_time: p.start_time })) });
}

/**
 * `GET /past_meetings/{meetingId}/participants`: a meeting number means its latest ended
 * instance; a UUID that begins with `/` or contains `//` must arrive double-encoded.
 */
export function listParticipants(rc: RestContext): Reply {
  const found = pastInstanceOf(rc);
  if (!found.ok) return found.reply;
  const { instance } = found;
  const scope = `${rc.req.match.route}|${instance.uuid}`;
  const page = readPage(rc.ctx.state, rc.req.query, scope);
  if ('status' in page) return page;
  const { items, meta } = pageOf(rc.ctx.state, instance.participants, page, scope);
  return json(200, {
    page_count: meta.page_count,
    page_size: meta.page_size,
    total_records: meta.total_records,
    next_page_token: meta.next_page_token,
    participants: items,
  });
}

/**
 * `GET /past_webinars/{webinarId}/absentees`: registrants of the webinar approved to attend whose
 * email is not among the instance's participants.
 */
export function listAbsentees(rc: RestContext): Reply {
  const found = pastInstanceOf(rc);
  if (!found.ok) return found.reply;
  const { instance } = found;
  const { state } = rc.ctx;
  const came = new Set(instance.participants.map((p) => p.user_email.toLowerCase()).filter(Boolean));
  const absent = state.registrants.filter(
    (r) => r.meeting_id === instance.meeting_id && r.status === 'approved' && !came.has(r.email.toLowerCase()),
  );
  const scope = `${rc.req.match.route}|${instance.uuid}`;
  const page = readPage(state, rc.req.query, scope);
  if ('status' in page) return page;
  const { items, meta } = pageOf(state, absent, page, scope);
  return json(200, { ...meta, registrants: items.map(registrantView) });
}

function pastInstanceOf(rc: RestContext): { ok: true; instance: PastInstance } | { ok: false; reply: Reply } {
  const param = decodeMeetingParam(rc.req.match.param ?? '', participantsNotFound);
  if (!param.ok) return param;
  const instance: PastInstance | undefined = rc.ctx.state.findPastInstance(param.value);
  if (!instance) return { ok: false, reply: participantsNotFound() };
  if (rc.principal.kind === 'user' && instance.host_id !== rc.principal.userId)
    return { ok: false, reply: zoomError(400, 300, 'Cannot access meeting information.') };
  if (rc.ctx.clock.now() - Date.parse(instance.start_time) > YEAR_MS)
    return { ok: false, reply: zoomError(400, 12702, 'Can not access a meeting a year ago.') };
  return { ok: true, instance };
}
