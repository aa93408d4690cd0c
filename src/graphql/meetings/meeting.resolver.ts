import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCanActFor } from '../../auth/policy.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { checkDayOrder, LocalDate } from '../localDate.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { checkUserId } from '../users/userArgs.js';
import { User } from '../users/user.type.js';
import { CreateMeetingInput, UpdateMeetingInput } from './meeting.input.js';
import { Meeting } from './meeting.type.js';
import { toMeetingBody } from './meetingBody.js';
import { MeetingConnection } from './meetingConnection.type.js';
import { MeetingListType } from './meetingListType.enum.js';
import { createSession, deleteSession, readSession, sessionPages, updateSession } from './sessions.js';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { nullable: true, description: "A user's meetings (the caller's own unless admin)." })
  async meetings(
    @Arg('userId', () => ID, { nullable: true, defaultValue: 'me' }) userIdArg: string | null,
    @Arg('type', () => MeetingListType, { nullable: true, defaultValue: MeetingListType.SCHEDULED }) typeArg: MeetingListType | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => LocalDate, { nullable: true, description: 'Only meetings from this day on (Zoom’s `from`, a UTC date).' })
    from?: string | null,
    @Arg('to', () => LocalDate, { nullable: true, description: 'Only meetings up to this day (Zoom’s `to`, a UTC date).' })
    to?: string | null,
  ): Promise<MeetingConnection> {
    // An explicit null means the default, as the contract's nullable arguments promise.
    const userId = userIdArg ?? 'me';
    const type = typeArg ?? MeetingListType.SCHEDULED;
    const first = firstArg ?? 30;
    checkUserId(userId, 'userId');
    checkDayOrder(from, to);
    const dates = from || to ? `:${from ?? ''}:${to ?? ''}` : '';
    const start = checkPageArgs(ctx.cursors, first, after, `meetings:${userId.toLowerCase()}:${type}${dates}`);
    assertCanActFor(ctx.principal, userId);
    return paginate(
      ctx.cursors,
      first,
      start,
      sessionPages(ctx, userId, { type, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
      Meeting.from,
    );
  }

  @Query(() => Meeting, { nullable: true, description: 'A meeting by number or UUID; null when Zoom reports no such meeting.' })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Meeting | null> {
    const meeting = await readSession(ctx, id);
    return meeting ? Meeting.from(meeting) : null;
  }

  @Mutation(() => Meeting, {
    nullable: true,
    description:
      'Schedules a meeting for a user (the caller unless admin). Counts toward the host’s 100 per day. ' +
      failsWith({
        BAD_USER_INPUT: 'when userId or input is invalid (naming every bad field in `fields`; nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller schedules for another user',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_RATE_LIMITED: 'also when the host has used up its daily creates (retryAfterSeconds)',
      }),
  })
  async createMeeting(
    @Arg('userId', () => ID, { nullable: true, defaultValue: 'me' }) userIdArg: string | null,
    @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Meeting> {
    return Meeting.from(await createSession(ctx, userIdArg, () => toMeetingBody(input, 'create')));
  }

  @Mutation(() => Meeting, {
    nullable: true,
    description:
      'Changes the given fields and returns the meeting as Zoom now has it. With occurrenceId only that occurrence changes, ' +
      'and only its agenda, startTime, duration and settings. ' +
      failsWith({
        BAD_USER_INPUT: 'when id or input is invalid, or input changes nothing (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller does not host the meeting (before any change)',
        NOT_FOUND: 'when Zoom has no such meeting or occurrence',
      }),
  })
  async updateMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('occurrenceId', () => ID, { nullable: true, description: 'A MeetingOccurrence.occurrenceId.' }) occurrenceArg?: string | null,
  ): Promise<Meeting> {
    return Meeting.from(await updateSession(ctx, id, occurrenceArg, input, () => toMeetingBody(input, 'update')));
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Deletes a meeting, or with occurrenceId one occurrence of it; true once Zoom has deleted it. ' +
      failsWith({
        BAD_USER_INPUT: 'when id or occurrenceId is malformed',
        FORBIDDEN: 'when a user-role caller does not host the meeting (before any change)',
        NOT_FOUND: 'when Zoom has no such meeting or occurrence',
      }),
  })
  async deleteMeeting(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('occurrenceId', () => ID, { nullable: true, description: 'A MeetingOccurrence.occurrenceId.' }) occurrenceArg?: string | null,
  ): Promise<boolean> {
    return deleteSession(ctx, id, occurrenceArg);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Looked up once per distinct host in a request.' })
  async host(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    const user = await ctx.loaders.user.load(meeting.hostId);
    return user ? User.from(user) : null;
  }
}
