import type { ZoomPage } from './types.js';

/** An ended meeting instance (SPEC23 `GET /past_meetings/{meetingId}/instances`). */
export interface ZoomPastInstance {
  uuid: string;
  start_time?: string;
}

/** SPEC23 `GET /past_meetings/{meetingId}/participants` `participants[]`. */
export interface ZoomParticipant {
  /** The participant's Zoom user id when signed in; blank for guests. */
  id?: string;
  name?: string;
  /** Valid for this meeting only. */
  user_id?: string;
  user_email?: string;
  join_time?: string;
  leave_time?: string;
  /** Seconds. */
  duration?: number;
}

export interface ZoomParticipantPage extends ZoomPage {
  participants: ZoomParticipant[];
}

/** SPEC23 `recording_files[]`; CC and TIMELINE files have no id, status, size, type or play URL. */
export interface ZoomRecordingFile {
  id?: string;
  file_type?: string;
  file_extension?: string;
  recording_type?: string;
  file_size?: number;
  play_url?: string;
  download_url?: string;
  recording_start?: string;
  recording_end?: string;
  status?: string;
}

/** One meeting instance's cloud recording (`GET /meetings/{id}/recordings`, `GET /users/{id}/recordings` items). */
export interface ZoomMeetingRecording {
  uuid?: string;
  id?: number | string;
  host_id?: string;
  topic?: string;
  start_time?: string;
  duration?: number;
  total_size?: number;
  share_url?: string;
  recording_files?: ZoomRecordingFile[];
}

export interface ZoomRecordingPage extends ZoomPage {
  from?: string;
  to?: string;
  meetings: ZoomMeetingRecording[];
}
