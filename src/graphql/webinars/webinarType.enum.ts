import { registerEnumType } from 'type-graphql';
import { MeetingType } from '../meetings/meetingType.enum.js';

/** Zoom's webinar `type` numbers (docs/zoom.md#webinars). */
export enum WebinarType {
  WEBINAR = 5,
  RECURRING_NO_FIXED_TIME = 6,
  RECURRING_FIXED_TIME = 9,
}

registerEnumType(WebinarType, {
  name: 'WebinarType',
  description: 'Zoom webinar type: one webinar, or recurring with or without a fixed time.',
});

/** The meeting type a webinar type matches: the meetings' rules for start times and recurrence apply as they are. */
export const MEETING_TYPE_OF: Record<WebinarType, MeetingType> = {
  [WebinarType.WEBINAR]: MeetingType.SCHEDULED,
  [WebinarType.RECURRING_NO_FIXED_TIME]: MeetingType.RECURRING_NO_FIXED_TIME,
  [WebinarType.RECURRING_FIXED_TIME]: MeetingType.RECURRING_FIXED_TIME,
};
