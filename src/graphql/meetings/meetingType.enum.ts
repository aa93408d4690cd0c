import { registerEnumType } from 'type-graphql';

/** Zoom's meeting `type` numbers (docs/zoom.md#meetings). */
export enum MeetingType {
  INSTANT = 1,
  SCHEDULED = 2,
  RECURRING_NO_FIXED_TIME = 3,
  PERSONAL_MEETING_ROOM = 4,
  RECURRING_FIXED_TIME = 8,
}

registerEnumType(MeetingType, {
  name: 'MeetingType',
  description: 'Zoom meeting type. PERSONAL_MEETING_ROOM is read-only: Zoom creates only the others.',
});
