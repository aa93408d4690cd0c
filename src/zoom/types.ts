/** One answer of Zoom's REST API: its status and parsed body. */
export interface ZoomResponse<T> {
  status: number;
  body: T;
}

/** The Zoom REST shapes the gateway reads (docs/zoom.md#users and #meetings); Zoom may add fields at any time. */
export interface ZoomUser {
  /** Omitted by Zoom for pending users. */
  id?: string;
  email: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type: number;
  pmi?: number;
  timezone?: string;
  verified?: number;
  dept?: string;
  status?: 'active' | 'inactive' | 'pending';
  role_id?: string;
  role_name?: string;
  created_at?: string;
  user_created_at?: string;
  last_login_time?: string;
  language?: string;
  pic_url?: string;
  account_id?: string;
  job_title?: string;
  location?: string;
}

export interface ZoomPage {
  next_page_token?: string;
  page_size?: number;
  total_records?: number;
}

export interface ZoomUserPage extends ZoomPage {
  users: ZoomUser[];
}

/** `settings` of a meeting; the subset the gateway reads and writes (docs/zoom.md#meetings). */
export interface ZoomMeetingSettings {
  host_video?: boolean;
  participant_video?: boolean;
  join_before_host?: boolean;
  jbh_time?: 0 | 5 | 10;
  mute_upon_entry?: boolean;
  waiting_room?: boolean;
  approval_type?: 0 | 1 | 2;
  audio?: 'both' | 'telephony' | 'voip' | 'thirdParty';
  auto_recording?: 'local' | 'cloud' | 'none';
  alternative_hosts?: string;
}

export interface ZoomRecurrence {
  type: 1 | 2 | 3;
  repeat_interval?: number;
  weekly_days?: string;
  monthly_day?: number;
  monthly_week?: -1 | 1 | 2 | 3 | 4;
  monthly_week_day?: number;
  end_times?: number;
  end_date_time?: string;
}

/**
 * A meeting as "Get a meeting" returns it; list items carry only some fields (docs/zoom.md#meetings).
 * NOTE: `id` is int64 — JSON numbers stay exact below 2^53, and meeting numbers have 9–11
 * digits, but the gateway turns them into strings at once and never does arithmetic on them.
 */
export interface ZoomMeeting {
  id: number | string;
  uuid?: string;
  host_id: string;
  host_email?: string;
  topic?: string;
  type?: number;
  status?: string;
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  created_at?: string;
  join_url?: string;
  password?: string;
  pmi?: string | number;
  settings?: ZoomMeetingSettings;
  recurrence?: ZoomRecurrence;
  /** Recurring meetings with a fixed time (type 8); absent from list items. */
  occurrences?: ZoomOccurrence[];
}

export interface ZoomOccurrence {
  occurrence_id: string;
  start_time?: string;
  duration?: number;
  /** `available` or `deleted`. */
  status?: string;
}

/** An item of `GET /meetings/{meetingId}/registrants` (SPEC23). */
export interface ZoomRegistrant {
  id?: string;
  email: string;
  first_name: string;
  last_name?: string;
  status?: 'approved' | 'pending' | 'denied';
  create_time?: string;
  join_url?: string;
}

export interface ZoomRegistrantPage extends ZoomPage {
  registrants: ZoomRegistrant[];
}

/** 201 of `POST /meetings/{meetingId}/registrants`. */
export interface ZoomAddedRegistrant {
  id: number | string;
  registrant_id: string;
  join_url?: string;
  start_time?: string;
  topic?: string;
}

export interface ZoomMeetingPage extends ZoomPage {
  meetings: ZoomMeeting[];
}

/** Body of `POST /users/{userId}/meetings` and `PATCH /meetings/{meetingId}`. */
export interface ZoomMeetingBody {
  topic?: string;
  /** Meetings 1, 2, 3, 8; webinars 5, 6, 9. */
  type?: 1 | 2 | 3 | 5 | 6 | 8 | 9;
  start_time?: string;
  duration?: number;
  timezone?: string;
  password?: string;
  agenda?: string;
  settings?: ZoomMeetingSettings;
  recurrence?: ZoomRecurrence;
}

export type ZoomMeetingListType = 'scheduled' | 'live' | 'upcoming' | 'upcoming_meetings' | 'previous_meetings';

/** `POST /users` body (docs/zoom.md#user-administration). */
export interface ZoomCreateUserBody {
  action: 'create' | 'autoCreate' | 'custCreate' | 'ssoCreate';
  user_info: { email: string; type: number; first_name?: string; last_name?: string; display_name?: string };
}

/** `POST /users` 201. */
export interface ZoomCreatedUser {
  id: string;
  email: string;
  first_name?: string;
  last_name?: string;
  type: number;
}

/** `PATCH /users/{userId}` body: the profile fields the gateway writes. */
export interface ZoomUpdateUserBody {
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type?: number;
  dept?: string;
  job_title?: string;
  timezone?: string;
  language?: string;
}

/** The settings sections the gateway reads and writes; Zoom sends many more, which it ignores. */
export interface ZoomUserSettings {
  schedule_meeting?: {
    host_video?: boolean;
    participants_video?: boolean;
    join_before_host?: boolean;
    require_password_for_scheduled_meetings?: boolean;
    use_pmi_for_scheduled_meetings?: boolean;
    audio_type?: string;
  };
  in_meeting?: {
    chat?: boolean;
    private_chat?: boolean;
    screen_sharing?: boolean;
    waiting_room?: boolean;
    breakout_room?: boolean;
    co_host?: boolean;
    polling?: boolean;
    e2e_encryption?: boolean;
  };
  recording?: { local_recording?: boolean; cloud_recording?: boolean; auto_recording?: string };
}

/** `GET /users/summary`. */
export interface ZoomUserSummary {
  licensed_users_count?: number;
  basic_users_count?: number;
  on_prem_users_count?: number;
  room_users_count?: number;
  pending_users_count?: number;
  join_only_users_count?: number;
  total_users_count?: number;
}

/** `GET /roles` item. */
export interface ZoomRole {
  id: string;
  name: string;
  description?: string;
  type?: string;
  total_members?: number;
}

/** `GET /roles/{roleId}/members` item: a subset of a user. */
export interface ZoomRoleMember {
  id: string;
  email: string;
  first_name?: string;
  last_name?: string;
  type: number;
  department?: string;
}

export interface ZoomRoleMemberPage extends ZoomPage {
  members: ZoomRoleMember[];
}
