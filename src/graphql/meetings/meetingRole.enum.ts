import { registerEnumType } from 'type-graphql';

/** The Meeting SDK JWT `role` claim (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app). */
export enum MeetingRole {
  PARTICIPANT = 0,
  HOST = 1,
}

registerEnumType(MeetingRole, {
  name: 'MeetingRole',
  description: 'PARTICIPANT joins (role 0); HOST starts the meeting (role 1).',
});
