import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCanActFor } from '../../auth/policy.js';
import { WEBINAR } from '../../zoom/sessionKind.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { detailsOf } from '../meetings/meetingExtras.resolver.js';
import { RegistrantAction, RegistrantStatus } from '../meetings/registrant.enum.js';
import { changeRegistrations, registerFor, registrantConnection } from '../meetings/registrants.resolver.js';
import { AddMeetingRegistrantInput, MeetingRegistrant, MeetingRegistrantConnection } from '../meetings/registrant.type.js';
import { MeetingOccurrence, MeetingRecurrence } from '../meetings/recurrence.type.js';
import { createSession, deleteSession, endSession, readSession, sessionPages, updateSession } from '../meetings/sessions.js';
import { StartMeetingToken } from '../meetings/startMeetingToken.type.js';
import { startToken } from '../meetings/startMeetingToken.resolver.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { pastInstancesOf } from '../past/meetingPast.resolver.js';
import { User } from '../users/user.type.js';
import { checkUserId } from '../users/userArgs.js';
import { CreateWebinarInput, UpdateWebinarInput } from './webinar.input.js';
import { PastWebinar, Webinar, WebinarConnection } from './webinar.type.js';
import { toWebinarBody } from './webinarBody.js';

const WRITE_FAILS = {
  FORBIDDEN: 'when a user-role caller does not host the webinar (before any change)',
  NOT_FOUND: 'when Zoom has no such webinar',
  ZOOM_API_ERROR: 'when Zoom refuses, e.g. the host has no Webinar plan (zoomCode 200)',
};

/** Webinars: the meetings' surface (and code, with WEBINAR) for Zoom's other kind of session. */
@Resolver(() => Webinar)
export class WebinarResolver {
  @Query(() => WebinarConnection, { nullable: true, description: "A user's webinars (the caller's own unless admin)." })
  async webinars(
    @Arg('userId', () => ID, { nullable: true, defaultValue: 'me' }) userIdArg: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebinarConnection> {
    return webinarConnection(ctx, userIdArg ?? 'me', firstArg, after);
  }

  @Query(() => Webinar, {
    nullable: true,
    description: 'A webinar by number or UUID; null when Zoom reports no such webinar. Host or admin only.',
  })
  async webinar(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Webinar | null> {
    const webinar = await readSession(ctx, id, WEBINAR);
    return webinar ? Webinar.from(webinar) : null;
  }

  @Mutation(() => Webinar, {
    nullable: true,
    description:
      'Schedules a webinar for a user (the caller unless admin). Counts toward the host’s 100 creates and updates per day. ' +
      failsWith({
        BAD_USER_INPUT: 'when userId or input is invalid (naming every bad field in `fields`; nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller schedules for another user',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_API_ERROR: 'when the host has no Webinar plan (zoomCode 200, Zoom’s reason in the message)',
      }),
  })
  async createWebinar(
    @Arg('userId', () => ID, { nullable: true, defaultValue: 'me' }) userIdArg: string | null,
    @Arg('input', () => CreateWebinarInput) input: CreateWebinarInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Webinar> {
    return Webinar.from(await createSession(ctx, userIdArg, () => toWebinarBody(input, 'create'), WEBINAR));
  }

  @Mutation(() => Webinar, {
    nullable: true,
    description:
      'Changes the given fields and returns the webinar as Zoom now has it. With occurrenceId only that occurrence changes ' +
      '(agenda, startTime, duration). ' +
      failsWith({ BAD_USER_INPUT: 'when id or input is invalid, or input changes nothing (nothing reaches Zoom)', ...WRITE_FAILS }),
  })
  async updateWebinar(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebinarInput) input: UpdateWebinarInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('occurrenceId', () => ID, { nullable: true, description: 'A MeetingOccurrence.occurrenceId.' }) occurrenceArg?: string | null,
  ): Promise<Webinar> {
    return Webinar.from(await updateSession(ctx, id, occurrenceArg, input, () => toWebinarBody(input, 'update'), WEBINAR));
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Deletes a webinar, or with occurrenceId one occurrence of it. ' +
      failsWith({ BAD_USER_INPUT: 'when id or occurrenceId is malformed', ...WRITE_FAILS }),
  })
  async deleteWebinar(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('occurrenceId', () => ID, { nullable: true, description: 'A MeetingOccurrence.occurrenceId.' }) occurrenceArg?: string | null,
  ): Promise<boolean> {
    return deleteSession(ctx, id, occurrenceArg, WEBINAR);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Ends a live webinar for everyone. ' +
      failsWith({ BAD_USER_INPUT: 'when id is not a webinar number (nothing reaches Zoom)', ...WRITE_FAILS }),
  })
  async endWebinar(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return endSession(ctx, id, WEBINAR);
  }

  @Mutation(() => StartMeetingToken, {
    nullable: true,
    description:
      "What the Meeting SDK needs to start the webinar as its host: the host's cached ZAK and, when a Meeting SDK app is configured, " +
      'a host signature for the webinar number. Host or admin only. ' +
      failsWith({
        BAD_USER_INPUT: 'when webinarId is not a webinar number or UUID',
        FORBIDDEN: 'when a user-role caller does not host the webinar (no ZAK is fetched)',
        NOT_FOUND: 'when Zoom has no such webinar',
      }),
  })
  async startWebinarToken(@Arg('webinarId', () => ID) webinarId: string, @Ctx() ctx: GraphQLContext): Promise<StartMeetingToken> {
    return startToken(ctx, webinarId, WEBINAR);
  }

  @Mutation(() => MeetingRegistrant, {
    nullable: true,
    description:
      'Registers someone for a webinar that takes registration: the host and admins anyone, another user only its own email. ' +
      failsWith({
        BAD_USER_INPUT: 'when the id, email or name is malformed (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller that does not host the webinar registers another email',
        NOT_FOUND: 'when Zoom has no such webinar, or it takes no registration',
        ZOOM_RATE_LIMITED: 'when the email has registered 3 times today',
      }),
  })
  async addWebinarRegistrant(
    @Arg('webinarId', () => ID) webinarId: string,
    @Arg('input', () => AddMeetingRegistrantInput) input: AddMeetingRegistrantInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingRegistrant> {
    return registerFor(ctx, webinarId, input, WEBINAR);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Approves, denies or cancels up to 30 registrations at once. Host or admin only. ' +
      failsWith({
        BAD_USER_INPUT: 'when an id is malformed or repeated, or more than 30 are given (nothing reaches Zoom)',
        ...WRITE_FAILS,
      }),
  })
  async updateWebinarRegistrantStatus(
    @Arg('webinarId', () => ID) webinarId: string,
    @Arg('action', () => RegistrantAction) action: RegistrantAction,
    @Arg('registrantIds', () => [ID]) registrantIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return changeRegistrations(ctx, webinarId, action, registrantIds, WEBINAR);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Looked up once per distinct host in a request.' })
  async host(@Root() webinar: Webinar, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    const user = await ctx.loaders.user.load(webinar.hostId);
    return user ? User.from(user) : null;
  }

  @FieldResolver(() => MeetingRecurrence, {
    nullable: true,
    description: 'How a recurring webinar repeats; on a list item it costs one GET of the webinar.',
  })
  async recurrence(@Root() webinar: Webinar, @Ctx() ctx: GraphQLContext): Promise<MeetingRecurrence | null> {
    const detail = await detailsOf(ctx, webinar, WEBINAR);
    return detail?.recurrence ? MeetingRecurrence.from(detail.recurrence) : null;
  }

  @FieldResolver(() => [MeetingOccurrence], { nullable: true, description: 'Occurrences of a recurring webinar with a fixed time.' })
  async occurrences(@Root() webinar: Webinar, @Ctx() ctx: GraphQLContext): Promise<MeetingOccurrence[] | null> {
    const detail = await detailsOf(ctx, webinar, WEBINAR);
    return Array.isArray(detail?.occurrences) ? detail.occurrences.map(MeetingOccurrence.from) : null;
  }

  @FieldResolver(() => MeetingRegistrantConnection, {
    nullable: true,
    description: 'People registered for the webinar, by status. Host or admin only.',
  })
  async registrants(
    @Root() webinar: Webinar,
    @Arg('status', () => RegistrantStatus, { nullable: true, defaultValue: RegistrantStatus.APPROVED }) statusArg: RegistrantStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingRegistrantConnection> {
    return registrantConnection(ctx, webinar, statusArg, firstArg, after, WEBINAR);
  }

  @FieldResolver(() => [PastWebinar], {
    nullable: true,
    description: 'Ended instances of this webinar, latest first (`first`: 1–300, default 10). Host or admin only.',
  })
  async pastInstances(
    @Root() webinar: Webinar,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) firstArg: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PastWebinar[]> {
    return pastInstancesOf(ctx, webinar, firstArg, PastWebinar.from, WEBINAR);
  }
}

/** `webinars(userId:)` and `User.webinars`: the caller's own, or anyone's for an admin. */
export async function webinarConnection(
  ctx: GraphQLContext,
  userId: string,
  firstArg: number | null,
  after: string | null,
): Promise<WebinarConnection> {
  const first = firstArg ?? 30;
  checkUserId(userId, 'userId');
  const start = checkPageArgs(ctx.cursors, first, after, `webinars:${userId.toLowerCase()}`);
  assertCanActFor(ctx.principal, userId);
  return paginate(ctx.cursors, first, start, sessionPages(ctx, userId, {}, WEBINAR), Webinar.from);
}
