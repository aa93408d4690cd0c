import { toZoomIso } from '../clock.js';
import { meetingUuid } from '../ids.js';
import type { ZoomMeeting } from '../model/meeting.js';
import type { CloudRecording, PastInstance, PastParticipant, RecordingFile } from '../model/past.js';
import type { ZoomUser } from '../model/user.js';
import type { Prng } from '../random.js';

/** Who took part: an account user (signed in) or a guest by name and optional email. */
export type ParticipantSpec = { user: ZoomUser } | { name: string; email?: string };

export interface PastInstanceSpec {
  /** Default: a fresh UUID; may be an awkward one (`/…`, `…//…`) that must be double-encoded. */
  uuid?: string;
  startMs: number;
  durationMinutes: number;
  participants: ParticipantSpec[];
  recording: boolean;
}

const GUESTS = ['Guest Caller', 'iPhone', 'Conference Room A', 'Dial-in User', 'Visitor'];

export interface PastBuildContext {
  prng: Prng;
  baseUrl: string;
}

/** The host first, then the others, each staying a deterministic share of the meeting. */
function participants(ctx: PastBuildContext, host: ZoomUser, spec: PastInstanceSpec): PastParticipant[] {
  const endMs = spec.startMs + spec.durationMinutes * 60_000;
  const all: ParticipantSpec[] = [{ user: host }, ...spec.participants.filter((p) => !('user' in p) || p.user.id !== host.id)];
  return all.map((p, i) => {
    const join = i === 0 ? spec.startMs : spec.startMs + ctx.prng.int(0, Math.floor((endMs - spec.startMs) / 2_000)) * 1000;
    const leave = i === 0 ? endMs : ctx.prng.int(Math.ceil(join / 1000) + 1, Math.floor(endMs / 1000)) * 1000;
    const signedIn = 'user' in p;
    return {
      id: signedIn ? p.user.id : '',
      name: signedIn ? p.user.display_name : p.name,
      user_id: String(16_778_240 + ctx.prng.int(0, 9_999_999)),
      user_email: signedIn ? p.user.email : (p.email ?? ''),
      join_time: toZoomIso(join),
      leave_time: toZoomIso(leave),
      duration: Math.round((leave - join) / 1000),
      failover: false,
      status: 'in_meeting',
    };
  });
}

function recording(ctx: PastBuildContext, uuid: string, spec: PastInstanceSpec): CloudRecording {
  const start = toZoomIso(spec.startMs + 5_000);
  const end = toZoomIso(spec.startMs + spec.durationMinutes * 60_000);
  const seconds = spec.durationMinutes * 60;
  const key = () => ctx.prng.bytes(24).toString('base64url');
  const playable = (
    file_type: RecordingFile['file_type'],
    file_extension: RecordingFile['file_extension'],
    recording_type: string,
    file_size: number,
  ): RecordingFile => {
    const k = key();
    return {
      id: `${ctx.prng.bytes(4).toString('hex')}-${ctx.prng.bytes(2).toString('hex')}-${ctx.prng.bytes(2).toString('hex')}-${ctx.prng.bytes(2).toString('hex')}-${ctx.prng.bytes(6).toString('hex')}`,
      meeting_id: uuid,
      recording_start: start,
      recording_end: end,
      file_type,
      file_extension,
      file_size,
      play_url: `${ctx.baseUrl}/rec/play/${k}`,
      download_url: `${ctx.baseUrl}/rec/download/${k}`,
      status: 'completed',
      recording_type,
    };
  };
  return {
    share_url: `${ctx.baseUrl}/rec/share/${key()}`,
    password: ctx.prng.bytes(6).toString('base64url').slice(0, 8),
    files: [
      playable('MP4', 'MP4', 'shared_screen_with_speaker_view', seconds * 40_000),
      playable('M4A', 'M4A', 'audio_only', seconds * 4_000),
      playable('CHAT', 'TXT', 'chat_file', 1_200),
      // NOTE: a CC (or TIMELINE) file has no id, status, file_size, recording_type or play_url;
      // SPEC23's file_type enum lists CC but not TIMELINE.
      {
        meeting_id: uuid,
        recording_start: start,
        recording_end: end,
        file_type: 'CC',
        file_extension: 'VTT',
        download_url: `${ctx.baseUrl}/rec/download/${key()}`,
      },
    ],
  };
}

/** An ended instance of `meeting`, with its participants' report and, if asked, a cloud recording. */
export function buildPastInstance(ctx: PastBuildContext, meeting: ZoomMeeting, host: ZoomUser, spec: PastInstanceSpec): PastInstance {
  const uuid = spec.uuid ?? meetingUuid(ctx.prng);
  return {
    uuid,
    meeting_id: meeting.id,
    host_id: meeting.host_id,
    topic: meeting.topic,
    type: meeting.type,
    start_time: toZoomIso(spec.startMs),
    duration: spec.durationMinutes,
    participants: participants(ctx, host, spec),
    ...(spec.recording ? { recording: recording(ctx, uuid, spec) } : {}),
  };
}

export const guestName = (prng: Prng): string => prng.pick(GUESTS);
