import type { RouteName } from '../routes.js';

// The request vocabulary the fake understands. test/sandbox/fidelity.test.ts checks every name
// and enum here against the parameters of the matching operations in Zoom's OpenAPI specs.

export const USER_STATUSES = ['active', 'inactive', 'pending'] as const;
export const MEETING_LIST_TYPES = ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'] as const;
/** NOTE: USERS26 adds `onbehalf` to SPEC23's `token | zak` (docs/zoom.md#zak). */
export const USER_TOKEN_TYPES = ['token', 'zak', 'onbehalf'] as const;
export const MEETING_TYPES = [1, 2, 3, 8] as const;
export const REGISTRANT_STATUSES = ['pending', 'approved', 'denied'] as const;
export const REGISTRANT_ACTIONS = ['approve', 'cancel', 'deny'] as const;
export const MEETING_STATUS_ACTIONS = ['end', 'recover'] as const;
export const CREATE_USER_ACTIONS = ['create', 'autoCreate', 'custCreate', 'ssoCreate'] as const;
/** NOTE: USERS26 also has `clock_in` / `clock_out` (Workforce Management); the fake knows only these. */
export const USER_STATUS_ACTIONS = ['activate', 'deactivate'] as const;
export const DELETE_USER_ACTIONS = ['disassociate', 'delete'] as const;
/** `type` of create and update user as USERS26 has it (SPEC23 lacks 4). */
export const USER_TYPES = [1, 2, 4, 99] as const;
export const ROLE_TYPES = ['common', 'iq'] as const;
/** Enum-valued user settings the fake keeps (USERS26 `GET/PATCH /users/{userId}/settings`). */
export const USER_SETTING_ENUMS = {
  audio_type: ['both', 'telephony', 'voip', 'thirdParty'],
  auto_recording: ['local', 'cloud', 'none'],
} as const satisfies Record<string, readonly string[]>;

/** Query parameters each route reads; anything else is ignored, as Zoom ignores unknown ones. */
export const QUERY_PARAMS: Partial<Record<RouteName, readonly string[]>> = {
  'users.list': ['status', 'page_size', 'role_id', 'page_number', 'include_fields', 'next_page_token'],
  'users.token': ['type', 'ttl', 'meeting_id'],
  'users.delete': ['action', 'transfer_email', 'transfer_meeting', 'transfer_webinar', 'transfer_recording', 'transfer_whiteboard'],
  'users.email': ['email'],
  'roles.list': ['type'],
  'roles.members': ['page_size', 'next_page_token', 'page_number'],
  'meetings.update': ['occurrence_id'],
  'meetings.delete': ['occurrence_id'],
  'meetings.registrants': ['occurrence_id', 'status', 'page_size', 'page_number', 'next_page_token'],
  'meetings.addRegistrant': ['occurrence_ids'],
  'meetings.list': ['type', 'page_size', 'next_page_token', 'page_number', 'from', 'to'],
  'past.participants': ['page_size', 'next_page_token'],
  'webinars.list': ['page_size', 'page_number'],
  'webinars.update': ['occurrence_id'],
  'webinars.delete': ['occurrence_id'],
  'webinars.registrants': ['occurrence_id', 'status', 'page_size', 'page_number', 'next_page_token'],
  'webinars.addRegistrant': ['occurrence_ids'],
  'webinars.pastParticipants': ['page_size', 'next_page_token'],
  'webinars.absentees': ['page_size', 'next_page_token'],
  'recordings.list': ['page_size', 'next_page_token', 'from', 'to'],
};

/** Top-level body fields of create/update meeting the fake reads; others are ignored. */
export const MEETING_BODY_FIELDS = [
  'topic',
  'type',
  'start_time',
  'duration',
  'timezone',
  'password',
  'agenda',
  'settings',
  'recurrence',
  'tracking_fields',
  'pre_schedule',
  'schedule_for',
] as const;

export const SETTING_ENUMS = {
  approval_type: [0, 1, 2],
  registration_type: [1, 2, 3],
  audio: ['both', 'telephony', 'voip', 'thirdParty'],
  auto_recording: ['local', 'cloud', 'none'],
  jbh_time: [0, 5, 10],
  encryption_type: ['enhanced_encryption', 'e2ee'],
  calendar_type: [1, 2],
} as const satisfies Record<string, readonly (string | number)[]>;

export const SETTING_BOOLEANS = [
  'host_video',
  'participant_video',
  'join_before_host',
  'mute_upon_entry',
  'watermark',
  'use_pmi',
  'waiting_room',
  'meeting_authentication',
  'email_notification',
  'alternative_hosts_email_notification',
  'allow_multiple_devices',
  'close_registration',
  'focus_mode',
  'private_meeting',
  'show_share_button',
  'registrants_confirmation_email',
  'registrants_email_notification',
  'host_save_video_order',
] as const;

export const SETTING_STRINGS = [
  'alternative_hosts',
  'authentication_domains',
  'authentication_option',
  'contact_email',
  'contact_name',
] as const;

export const RECURRENCE_ENUMS = {
  type: [1, 2, 3],
  monthly_week: [-1, 1, 2, 3, 4],
  monthly_week_day: [1, 2, 3, 4, 5, 6, 7],
} as const satisfies Record<string, readonly number[]>;

/** NOTE: SPEC23 password rule: at most 10 chars of `[a-zA-Z0-9@-_*]` (docs/zoom.md#meetings). */
export const PASSWORD_PATTERN = /^[a-zA-Z0-9@\-_*]{0,10}$/;
export const TOPIC_MAX = 200;
export const AGENDA_MAX = 2000;
/** NOTE: SPEC23 caps page_size at 300 (USERS26 allows 2000 for users); the fake follows SPEC23. */
export const PAGE_SIZE_MAX = 300;
export const PAGE_SIZE_DEFAULT = 30;
