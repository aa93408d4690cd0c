import { invalidField, zoomError } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { PastInstance, RecordingFile } from '../model/past.js';
import type { FakeZoomState } from '../state.js';
import { addMonths, dayOf, parseDay, startOfDay, withinDays } from './dates.js';
import { decodeMeetingParam } from './meetingId.js';
import { pageOf, readPage } from './paging.js';
import type { RestContext } from './restContext.js';
import { resolveSubject } from './subject.js';

const noRecording = (): Reply => zoomError(404, 3301, 'There is no recording for this meeting.');
const userNotFound = (id: string): Reply => zoomError(404, 1001, `User ${id} not exist or not belong to this account.`);

/** NOTE: `type` is a number as Zoom sends it (ZoomNet#99), though SPEC23 declares a string with numeric enum values. */
function recordingView(state: FakeZoomState, p: PastInstance, withPassword: boolean): Record<string, unknown> {
  const files: RecordingFile[] = p.recording?.files ?? [];
  return {
    uuid: p.uuid,
    id: p.meeting_id,
    account_id: state.accountId,
    host_id: p.host_id,
    topic: p.topic,
    type: p.type,
    start_time: p.start_time,
    duration: p.duration,
    total_size: files.reduce((n, f) => n + (f.file_size ?? 0), 0),
    recording_count: files.length,
    // NOTE: share_url is absent from SPEC23's schema but in every observed answer (ZoomNet#99).
    share_url: p.recording?.share_url,
    recording_files: files,
    ...(withPassword ? { password: p.recording?.password } : {}),
  };
}

/**
 * `GET /meetings/{meetingId}/recordings`: a meeting number means its latest recorded instance,
 * a UUID that instance. A user token sees only the recordings of meetings it hosts.
 */
export function getRecordings(rc: RestContext): Reply {
  const param = decodeMeetingParam(rc.req.match.param ?? '', noRecording);
  if (!param.ok) return param.reply;
  const { state } = rc.ctx;
  const recorded = state.pastMeetings.filter((p) => p.recording);
  const instance = /^\d+$/.test(param.value)
    ? recorded.findLast((p) => p.meeting_id === Number(param.value))
    : recorded.find((p) => p.uuid === param.value);
  if (!instance || (rc.principal.kind === 'user' && instance.host_id !== rc.principal.userId)) return noRecording();
  return json(200, recordingView(state, instance, true));
}

/**
 * `GET /users/{userId}/recordings`: `from`/`to` are UTC dates, both days included; without
 * them, today and tomorrow (SPEC23). NOTE: a range over one month is not refused: Zoom answers
 * for the month before `to` and says so in `from` (zoom/api#36).
 */
export function listUserRecordings(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '', userNotFound);
  if (!subject.ok) return subject.reply;
  const { state } = rc.ctx;
  const { query } = rc.req;
  const today = startOfDay(rc.ctx.clock.now());
  const to = query.to === undefined ? today + 86_400_000 : parseDay(query.to);
  if (to === undefined) return invalidField('to');
  let from = query.from === undefined ? today : parseDay(query.from);
  if (from === undefined) return invalidField('from');
  if (from > to) return invalidField('from');
  from = Math.max(from, addMonths(to, -1));
  const scope = `recordings.list|${subject.user.id}|${dayOf(from)}|${dayOf(to)}`;
  const page = readPage(state, query, scope);
  if ('status' in page) return page;
  const mine = state.pastMeetings.filter((p) => p.recording && p.host_id === subject.user.id && withinDays(p.start_time, from, to));
  const { items, meta } = pageOf(state, mine.reverse(), page, scope);
  return json(200, {
    from: dayOf(from),
    to: dayOf(to),
    page_count: meta.page_count,
    page_size: meta.page_size,
    total_records: meta.total_records,
    next_page_token: meta.next_page_token,
    meetings: items.map((p) => recordingView(state, p, false)),
  });
}
