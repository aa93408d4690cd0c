import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Everything the Meeting SDK needs to start a meeting as its host.' })
export class StartMeetingToken {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  hostId!: string;

  @Field(() => String, { description: "The host's ZAK. Treat it as a credential." })
  zak!: string;

  @Field(() => GraphQLDateTime)
  zakExpiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'Meeting SDK JWT with role 1; null when no Meeting SDK app is configured.' })
  signature!: string | null;

  @Field(() => String, { nullable: true })
  sdkKey!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  signatureExpiresAt!: Date | null;
}
