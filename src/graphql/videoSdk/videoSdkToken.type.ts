import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../dateTime.js';

@ObjectType({
  simpleResolvers: true,
  description: 'A Video SDK JWT (HS256, signed with the Video SDK secret) to pass to the SDK’s join call.',
})
export class VideoSdkToken {
  @Field(() => String)
  token!: string;

  @Field(() => DateTime, { description: 'The JWT `exp`.' })
  expiresAt!: Date;
}
