import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import type { PubSub } from 'type-graphql';
import { CredentialsResolver } from './credentials/credentials.resolver.js';
import { LiveEventsResolver } from './live/liveEvents.resolver.js';
import { UserEventsResolver } from './live/userEvents.resolver.js';
import { MeetingResolver } from './meetings/meeting.resolver.js';
import { MeetingExtrasResolver } from './meetings/meetingExtras.resolver.js';
import { RegistrantsResolver } from './meetings/registrants.resolver.js';
import { SdkSignatureResolver } from './meetings/sdkSignature.resolver.js';
import { StartMeetingTokenResolver } from './meetings/startMeetingToken.resolver.js';
import { RoleResolver } from './users/role.resolver.js';
import { UserResolver } from './users/user.resolver.js';
import { UserAdminResolver } from './users/userAdmin.resolver.js';
import { UserSettingsResolver } from './users/userSettings.resolver.js';
import { MeetingPastResolver } from './past/meetingPast.resolver.js';
import { PastMeetingResolver } from './past/pastMeeting.resolver.js';
import { UserRecordingsResolver } from './past/userRecordings.resolver.js';
import { UserMeetingsResolver } from './users/userMeetings.resolver.js';
import { VideoSdkTokenResolver } from './videoSdk/videoSdkToken.resolver.js';
import { PanelistsResolver } from './webinars/panelists.resolver.js';
import { PastWebinarResolver, UserWebinarsResolver } from './webinars/pastWebinar.resolver.js';
import { WebinarResolver } from './webinars/webinar.resolver.js';
import { WebinarEventsResolver } from './webinars/webinarEvents.resolver.js';

export const resolvers = [
  UserResolver,
  UserAdminResolver,
  UserSettingsResolver,
  RoleResolver,
  CredentialsResolver,
  MeetingResolver,
  MeetingExtrasResolver,
  RegistrantsResolver,
  StartMeetingTokenResolver,
  SdkSignatureResolver,
  MeetingPastResolver,
  PastMeetingResolver,
  UserRecordingsResolver,
  UserMeetingsResolver,
  VideoSdkTokenResolver,
  WebinarResolver,
  PanelistsResolver,
  PastWebinarResolver,
  UserWebinarsResolver,
  WebinarEventsResolver,
  LiveEventsResolver,
  UserEventsResolver,
] as const;

/**
 * type-graphql asks for a PubSub once a schema has subscriptions, for those declared by topic.
 * Every subscription here has its own `subscribe` (src/live/hub.ts feeds it), so none uses this.
 */
const byTopicUnused: PubSub = {
  publish() {
    throw new Error('subscriptions are fed by the live event hub, not by topic');
  },
  subscribe() {
    throw new Error('subscriptions are fed by the live event hub, not by topic');
  },
};

let built: Promise<GraphQLSchema> | undefined;

/** The code-first schema; built once per process (type-graphql metadata is global). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: [...resolvers], validate: false, pubSub: byTopicUnused }).then(eventsResolvedAtOnce);
  return built;
}

type EventResolver = Record<string, (event: unknown) => unknown>;

/**
 * type-graphql passes every `@Arg` through its validation step, an async function even with
 * validation off, so a resolver with an argument always answers a promise: each event's execution
 * would end a turn of the microtask queue later, and every subscriber's delivery wait on it. A
 * Subscription resolver whose parameters are the event (`@Root()`, first) and arguments (which
 * only its subscribe function reads) is called with the event alone, as type-graphql would call
 * it; any other keeps type-graphql's resolver.
 */
function eventsResolvedAtOnce(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getSubscriptionType()?.getFields() ?? {};
  for (const s of getMetadataStorage().subscriptions) {
    const field = fields[s.schemaName];
    const params = [...(s.params ?? [])].sort((a, b) => a.index - b.index);
    const [root, ...rest] = params;
    const plain = root?.kind === 'root' && !root.propertyName && !root.getType && rest.every((p) => p.kind === 'arg');
    if (!field || !plain || s.middlewares?.length || s.roles?.length) continue;
    const resolver = new (s.target as new () => EventResolver)();
    const method = resolver[s.methodName]!;
    field.resolve = (event: unknown) => method.call(resolver, event);
  }
  return schema;
}
