import { DateTime } from '../dateTime.js';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Everything the Meeting SDK needs to start a meeting as its host.' })
export class StartMeetingToken {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  hostId!: string;

  @Field(() => String, { description: "The host's ZAK. Treat it as a credential." })
  zak!: string;

  @Field(() => DateTime)
  zakExpiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'Meeting SDK JWT with role 1; null when no Meeting SDK app is configured.' })
  signature!: string | null;

  @Field(() => String, { nullable: true })
  sdkKey!: string | null;

  @Field(() => DateTime, { nullable: true })
  signatureExpiresAt!: Date | null;
}
