import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { LiveEvent } from '../../live/liveEvent.js';
import { WEBINAR } from '../../zoom/sessionKind.js';
import type { GraphQLContext } from '../context.js';
import { sessionFeed } from '../live/liveEvents.resolver.js';
import { MeetingEvent } from '../live/meetingEvent.type.js';

@Resolver()
export class WebinarEventsResolver {
  @Subscription(() => MeetingEvent, {
    description:
      'Events of one webinar as Zoom reports them (webinar.*), with the meeting events’ guarantees; user-role callers only for webinars they host.',
    subscribe: (data: SubscribeResolverData<unknown, Record<string, unknown>, GraphQLContext>) => sessionFeed(data, WEBINAR),
  })
  webinarEvents(
    @Root() event: LiveEvent,
    @Arg('webinarId', () => ID, { description: 'The webinar number.' }) _webinarId: string,
  ): MeetingEvent {
    return MeetingEvent.from(event);
  }
}
