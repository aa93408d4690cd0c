import { REST, zoomError } from '../errors.js';
import type { Reply } from '../http.js';
import type { ZoomMeeting } from '../model/meeting.js';
import { MEETINGS, type SessionKind } from '../sessionKind.js';
import type { FakeZoomState } from '../state.js';

/** NOTE: SPEC23's 404 for the webinar routes: code 3001 "Webinar {webinarId} not found or has expired." */
export const webinarNotFound = (id: string): Reply => zoomError(404, 3001, `Webinar ${id} not found or has expired.`);

export type MeetingLookup = { ok: true; meeting: ZoomMeeting } | { ok: false; reply: Reply };
/** A decoded `{meetingId}`: a meeting number or an instance UUID. */
export type MeetingParam = { ok: true; value: string } | { ok: false; reply: Reply };

/**
 * Decodes the raw `{meetingId}` segment: a numeric id or a UUID.
 * NOTE: UUIDs that begin with `/` or contain `//` must be double-encoded (SPEC23; DOCS26). The
 * segment is decoded once; if that still contains `%` it was double-encoded and is decoded again.
 * A once-decoded value that begins with `/` or contains `//` arrived single-encoded: Zoom drops
 * the slash and answers 404 3001 "Meeting does not exist: …" (ZoomNet#471, moodle-mod_zoom#94).
 */
export function decodeMeetingParam(raw: string, notFound: (shown: string) => Reply = REST.meetingNotFound): MeetingParam {
  let once: string;
  try {
    once = decodeURIComponent(raw);
  } catch {
    return { ok: false, reply: notFound(raw) };
  }
  if (/^\d+$/.test(once)) return { ok: true, value: once };
  if (once.includes('%')) {
    try {
      return { ok: true, value: decodeURIComponent(once) };
    } catch {
      return { ok: false, reply: notFound(once) };
    }
  }
  if (once.startsWith('/') || once.includes('//')) {
    const mangled = once.replace(/\/{2,}/g, '/').replace(/^\//, '');
    return { ok: false, reply: zoomError(404, 3001, `Meeting does not exist: ${mangled}.`) };
  }
  return { ok: true, value: once };
}

/** Finds a meeting by the raw `{meetingId}` segment (see `decodeMeetingParam`). */
export function findMeetingByParam(state: FakeZoomState, raw: string, kind: SessionKind = MEETINGS): MeetingLookup {
  const notFound = kind === MEETINGS ? REST.meetingNotFound : webinarNotFound;
  const param = decodeMeetingParam(raw, notFound);
  if (!param.ok) return param;
  const meeting = state.findMeeting(param.value, kind);
  return meeting ? { ok: true, meeting } : { ok: false, reply: notFound(param.value) };
}
