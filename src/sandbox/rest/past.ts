import { REST, zoomError } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { PastInstance } from '../model/past.js';
import { decodeMeetingParam } from './meetingId.js';
import { pageOf, readPage } from './paging.js';
import type { RestContext } from './restContext.js';

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
  const host = state.findMeeting(number)?.host_id ?? held[0]?.host_id;
  if (host === undefined) return instancesNotFound();
  if (rc.principal.kind === 'user' && host !== rc.principal.userId) return REST.notHost();
  return json(200, { meetings: held.map((p) => ({ uuid: p.uuid, start_time: p.start_time })) });
}

/**
 * `GET /past_meetings/{meetingId}/participants`: a meeting number means its latest ended
 * instance; a UUID that begins with `/` or contains `//` must arrive double-encoded.
 */
export function listParticipants(rc: RestContext): Reply {
  const param = decodeMeetingParam(rc.req.match.param ?? '', participantsNotFound);
  if (!param.ok) return param.reply;
  const { state } = rc.ctx;
  const instance: PastInstance | undefined = state.findPastInstance(param.value);
  if (!instance) return participantsNotFound();
  if (rc.principal.kind === 'user' && instance.host_id !== rc.principal.userId) return zoomError(400, 300, 'Cannot access meeting information.');
  if (rc.ctx.clock.now() - Date.parse(instance.start_time) > YEAR_MS) return zoomError(400, 12702, 'Can not access a meeting a year ago.');
  const scope = `past.participants|${instance.uuid}`;
  const page = readPage(state, rc.req.query, scope);
  if ('status' in page) return page;
  const { items, meta } = pageOf(state, instance.participants, page, scope);
  return json(200, {
    page_count: meta.page_count,
    page_size: meta.page_size,
    total_records: meta.total_records,
    next_page_token: meta.next_page_token,
    participants: items,
  });
}
