import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ZoomParticipant } from '../../zoom/pastTypes.js';
import { Connection } from '../connection.js';
import { DateTime } from '../dateTime.js';

@ObjectType({ simpleResolvers: true, description: 'Someone who joined an ended meeting instance (Zoom’s participants report).' })
export class Participant {
  @Field(() => ID, {
    nullable: true,
    description:
      "The participant's Zoom user id when signed in to Zoom; null for guests. The same in every instance the user joined: not a key for one row (Apollo Client: `keyFields: false`).",
  })
  id!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Null when Zoom shows none (participants outside the host’s account).' })
  email!: string | null;

  @Field(() => ID, { nullable: true, description: "Zoom's id of this participant, valid for this meeting only." })
  userId!: string | null;

  @Field(() => DateTime, { nullable: true })
  joinTime!: string | null;

  @Field(() => DateTime, { nullable: true })
  leaveTime!: string | null;

  @Field(() => Int, { nullable: true })
  durationSeconds!: number | null;

  static from(p: ZoomParticipant): Participant {
    return {
      id: p.id || null,
      name: p.name ?? '',
      email: p.user_email || null,
      userId: p.user_id || null,
      joinTime: p.join_time || null,
      leaveTime: p.leave_time || null,
      durationSeconds: p.duration ?? null,
    };
  }
}

@ObjectType({ simpleResolvers: true, description: 'A page of participants; cursors wrap Zoom next_page_token values.' })
export class ParticipantConnection extends Connection('Participant', Participant) {}
