import { DateTime } from '../dateTime.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { MeetingRole } from './meetingRole.enum.js';

@ObjectType({ simpleResolvers: true, description: 'A Meeting SDK JWT (HS256, signed with the SDK secret) and the key to pass with it.' })
export class SdkSignature {
  @Field(() => String)
  signature!: string;

  @Field(() => String)
  sdkKey!: string;

  @Field(() => ID)
  meetingNumber!: string;

  @Field(() => MeetingRole)
  role!: MeetingRole;

  @Field(() => DateTime, { description: 'The JWT `iat`: 30 s before signing, to absorb clock skew.' })
  issuedAt!: Date;

  @Field(() => DateTime)
  expiresAt!: Date;
}
