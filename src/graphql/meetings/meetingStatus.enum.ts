import { registerEnumType } from 'type-graphql';

export enum MeetingStatus {
  WAITING = 'waiting',
  STARTED = 'started',
}

registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
