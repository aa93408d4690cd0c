/** Meetings 1, 2, 3, 8; webinars 5, 6, 9 (the fake keeps both in this shape). */
export type MeetingType = 1 | 2 | 3 | 5 | 6 | 8 | 9;

export interface MeetingSettings {
  host_video?: boolean;
  participant_video?: boolean;
  join_before_host?: boolean;
  jbh_time?: 0 | 5 | 10;
  mute_upon_entry?: boolean;
  watermark?: boolean;
  use_pmi?: boolean;
  approval_type?: 0 | 1 | 2;
  registration_type?: 1 | 2 | 3;
  audio?: 'both' | 'telephony' | 'voip' | 'thirdParty';
  auto_recording?: 'local' | 'cloud' | 'none';
  waiting_room?: boolean;
  alternative_hosts?: string;
  meeting_authentication?: boolean;
  encryption_type?: 'enhanced_encryption' | 'e2ee';
  calendar_type?: 1 | 2;
  email_notification?: boolean;
  [key: string]: unknown;
}

export interface Recurrence {
  type: 1 | 2 | 3;
  repeat_interval?: number;
  weekly_days?: string;
  monthly_day?: number;
  monthly_week?: -1 | 1 | 2 | 3 | 4;
  monthly_week_day?: number;
  end_times?: number;
  end_date_time?: string;
}

export interface Occurrence {
  occurrence_id: string;
  start_time: string;
  duration: number;
  status: 'available' | 'deleted';
}

export interface TrackingField {
  field: string;
  value?: string;
  visible?: boolean;
}

/** A meeting as "Get a meeting" returns it (SPEC23 `GET /meetings/{meetingId}`). */
export interface ZoomMeeting {
  uuid: string;
  /** int64; above 2^32 (docs/zoom.md#meetings). */
  id: number;
  host_id: string;
  host_email: string;
  topic: string;
  type: MeetingType;
  status: 'waiting' | 'started';
  /** Omitted for instant meetings in "Get a meeting". */
  start_time?: string;
  duration: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  password: string;
  h323_password: string;
  pstn_password: string;
  encrypted_password: string;
  pre_schedule: boolean;
  settings: MeetingSettings;
  recurrence?: Recurrence;
  occurrences?: Occurrence[];
  tracking_fields?: TrackingField[];
  /** NOTE: a string in SPEC23's meeting schemas, unlike the user's int64 `pmi`. */
  pmi?: string;
}
