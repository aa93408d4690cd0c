import { registerEnumType } from 'type-graphql';

/** The `type` filter of `GET /users/{userId}/meetings` (docs/zoom.md#meetings). */
export enum MeetingListType {
  SCHEDULED = 'scheduled',
  LIVE = 'live',
  UPCOMING = 'upcoming',
  UPCOMING_MEETINGS = 'upcoming_meetings',
  PREVIOUS_MEETINGS = 'previous_meetings',
}

registerEnumType(MeetingListType, { name: 'MeetingListType', description: 'Which of a user’s meetings to list.' });
