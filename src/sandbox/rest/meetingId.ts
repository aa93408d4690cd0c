import { REST, zoomError } from '../errors.js';
import type { Reply } from '../http.js';
import type { ZoomMeeting } from '../model/meeting.js';
import type { FakeZoomState } from '../state.js';

export type MeetingLookup = { ok: true; meeting: ZoomMeeting } | { ok: false; reply: Reply };

function found(meeting: ZoomMeeting | undefined, shown: string): MeetingLookup {
  return meeting ? { ok: true, meeting } : { ok: false, reply: REST.meetingNotFound(shown) };
}

/**
 * Finds a meeting by the raw `{meetingId}` segment: a numeric id or a UUID.
 * NOTE: UUIDs that begin with `/` or contain `//` must be double-encoded (SPEC23; DOCS26). The
 * segment is decoded once; if that still contains `%` it was double-encoded and is decoded again.
 * A once-decoded value that begins with `/` or contains `//` arrived single-encoded: Zoom drops
 * the slash and answers 404 3001 "Meeting does not exist: …" (ZoomNet#471, moodle-mod_zoom#94).
 */
export function findMeetingByParam(state: FakeZoomState, raw: string): MeetingLookup {
  let once: string;
  try {
    once = decodeURIComponent(raw);
  } catch {
    return found(undefined, raw);
  }
  if (/^\d+$/.test(once)) return found(state.findMeeting(Number(once)), once);
  if (once.includes('%')) {
    let twice: string;
    try {
      twice = decodeURIComponent(once);
    } catch {
      return found(undefined, once);
    }
    return found(state.findMeeting(twice), twice);
  }
  if (once.startsWith('/') || once.includes('//')) {
    const mangled = once.replace(/\/{2,}/g, '/').replace(/^\//, '');
    return { ok: false, reply: zoomError(404, 3001, `Meeting does not exist: ${mangled}.`) };
  }
  return found(state.findMeeting(once), once);
}
