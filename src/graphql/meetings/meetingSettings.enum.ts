import { registerEnumType } from 'type-graphql';

// Settings enums of create/update meeting (SPEC23 `settings`; docs/zoom.md#meetings).

export enum MeetingAudio {
  BOTH = 'both',
  TELEPHONY = 'telephony',
  VOIP = 'voip',
  THIRD_PARTY = 'thirdParty',
}

export enum AutoRecording {
  LOCAL = 'local',
  CLOUD = 'cloud',
  NONE = 'none',
}

/** Zoom's `approval_type`. */
export enum RegistrationApproval {
  AUTOMATIC = 0,
  MANUAL = 1,
  NO_REGISTRATION = 2,
}

/** Zoom's `recurrence.type`. */
export enum RecurrenceType {
  DAILY = 1,
  WEEKLY = 2,
  MONTHLY = 3,
}

registerEnumType(MeetingAudio, { name: 'MeetingAudio', description: 'How participants join the audio.' });
registerEnumType(AutoRecording, { name: 'AutoRecording' });
registerEnumType(RegistrationApproval, { name: 'RegistrationApproval' });
registerEnumType(RecurrenceType, { name: 'RecurrenceType' });
