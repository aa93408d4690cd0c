import { registerEnumType } from 'type-graphql';

/** The Meeting SDK JWT `role` claim (ZOOM.md §4). */
export enum MeetingRole {
  PARTICIPANT = 0,
  HOST = 1,
}

registerEnumType(MeetingRole, {
  name: 'MeetingRole',
  description: 'PARTICIPANT joins (role 0); HOST starts the meeting (role 1).',
});
