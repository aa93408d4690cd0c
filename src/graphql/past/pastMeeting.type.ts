import { Field, ID, ObjectType } from 'type-graphql';
import type { ZoomPastInstance } from '../../zoom/pastTypes.js';
import { DateTime } from '../dateTime.js';

@ObjectType({ description: 'An ended instance of a meeting.' })
export class PastMeeting {
  @Field(() => ID, { description: 'The instance UUID (Zoom gives each held instance its own).' })
  uuid!: string;

  @Field(() => ID, { description: 'The meeting number it was an instance of.' })
  meetingId!: string;

  @Field(() => DateTime, { nullable: true })
  startTime!: string | null;

  /** The meeting's host: who may read the participants. */
  hostId!: string;
  hostEmail!: string | null;

  static from(p: ZoomPastInstance, meeting: { id: string; hostId: string; hostEmail: string | null }): PastMeeting {
    return Object.assign(new PastMeeting(), {
      uuid: p.uuid,
      meetingId: meeting.id,
      startTime: p.start_time || null,
      hostId: meeting.hostId,
      hostEmail: meeting.hostEmail,
    });
  }
}
