import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { WEBINAR } from '../../zoom/sessionKind.js';
import type { ZoomRegistrantPage } from '../../zoom/types.js';
import type { ParticipantsPageKey } from '../past/past.loader.js';
import type { GraphQLContext } from '../context.js';
import { MeetingRegistrant, MeetingRegistrantConnection } from '../meetings/registrant.type.js';
import { ParticipantConnection } from '../past/participant.type.js';
import { participantConnection, pastConnection } from '../past/pastMeeting.resolver.js';
import { User } from '../users/user.type.js';
import { PastWebinar, WebinarConnection } from './webinar.type.js';
import { webinarConnection } from './webinar.resolver.js';

@Resolver(() => PastWebinar)
export class PastWebinarResolver {
  @FieldResolver(() => ParticipantConnection, { nullable: true, description: 'Who joined this instance. Host or admin only.' })
  async participants(
    @Root() past: PastWebinar,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantConnection> {
    return participantConnection(ctx, past, firstArg, after, WEBINAR);
  }

  @FieldResolver(() => MeetingRegistrantConnection, {
    nullable: true,
    description: 'Who was registered and approved but did not join this instance. Host or admin only.',
  })
  async absentees(
    @Root() past: PastWebinar,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingRegistrantConnection> {
    const report = {
      name: 'absentees',
      load: (k: ParticipantsPageKey) => ctx.loaders.of(WEBINAR).past.absentees.load(k),
      items: (p: ZoomRegistrantPage) => p.registrants,
    };
    return pastConnection(ctx, past, firstArg, after, report, (r) => MeetingRegistrant.from(r, true));
  }
}

@Resolver(() => User)
export class UserWebinarsResolver {
  @FieldResolver(() => WebinarConnection, { nullable: true, description: "This user's webinars, as `webinars(userId:)` lists them." })
  async webinars(
    @Root() user: User,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebinarConnection> {
    return webinarConnection(ctx, user.zoomId ?? user.email, firstArg, after);
  }
}
