import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CredentialsResolver } from './credentials/credentials.resolver.js';
import { MeetingResolver } from './meetings/meeting.resolver.js';
import { SdkSignatureResolver } from './meetings/sdkSignature.resolver.js';
import { StartMeetingTokenResolver } from './meetings/startMeetingToken.resolver.js';
import { UserResolver } from './users/user.resolver.js';
import { VideoSdkTokenResolver } from './videoSdk/videoSdkToken.resolver.js';

export const resolvers = [UserResolver, CredentialsResolver, MeetingResolver, StartMeetingTokenResolver, SdkSignatureResolver, VideoSdkTokenResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The code-first schema; built once per process (type-graphql metadata is global). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: [...resolvers], validate: false });
  return built;
}
