/** One participant of an ended meeting instance (SPEC23 `GET /past_meetings/{meetingId}/participants`). */
export interface PastParticipant {
  /** The participant's Zoom user id when signed in to Zoom; '' for guests. */
  id: string;
  name: string;
  /** Valid for this meeting only (SPEC23). */
  user_id: string;
  /** '' when the participant is not of the host's account (SPEC23 email display rules). */
  user_email: string;
  join_time: string;
  leave_time: string;
  /** Seconds. */
  duration: number;
  failover: boolean;
  status: 'in_meeting' | 'in_waiting_room';
}

/** A cloud recording file (SPEC23 `recording_files[]`). */
export interface RecordingFile {
  /** NOTE: TIMELINE and CC files have no id, status, file_size, recording_type or play_url (SPEC23). */
  id?: string;
  meeting_id: string;
  recording_start: string;
  recording_end: string;
  file_type: 'MP4' | 'M4A' | 'CHAT' | 'TRANSCRIPT' | 'CSV' | 'TB' | 'CC' | 'CHAT_MESSAGE' | 'SUMMARY';
  file_extension: 'MP4' | 'M4A' | 'TXT' | 'VTT' | 'CSV' | 'JSON' | 'JPG';
  file_size?: number;
  play_url?: string;
  download_url: string;
  status?: 'completed';
  recording_type?: string;
}

export interface CloudRecording {
  share_url: string;
  password: string;
  files: RecordingFile[];
}

/** An ended instance of a meeting: what Zoom keeps after it, its report and its cloud recording. */
export interface PastInstance {
  uuid: string;
  /** The meeting number it was an instance of; the meeting itself may since be gone. */
  meeting_id: number;
  host_id: string;
  topic: string;
  type: number;
  start_time: string;
  /** Minutes. */
  duration: number;
  participants: PastParticipant[];
  recording?: CloudRecording;
}
