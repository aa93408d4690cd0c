import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import { Meeting } from '../meetings/meeting.type.js';
import { assertCanActOnMeeting } from '../meetings/meetingAccess.js';
import { MAX_FIRST } from '../pagination.js';
import { PastMeeting } from './pastMeeting.type.js';
import { MeetingRecording } from './recording.type.js';
import type { ZoomPastInstance } from '../../zoom/pastTypes.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';

/** The parent meeting was already checked against the caller; this repeats the check, so no other path can skip it. */
export const assertMayReadPast = (ctx: GraphQLContext, m: { hostId: string; hostEmail: string | null }, what: string): void =>
  assertCanActOnMeeting(ctx.principal, { host_id: m.hostId, ...(m.hostEmail ? { host_email: m.hostEmail } : {}) }, what);

const time = (p: { startTime: string | null }) => (p.startTime ? Date.parse(p.startTime) : 0);

/** Ended instances of a meeting or webinar, latest first; host or admin only. */
export async function pastInstancesOf<P extends { startTime: string | null }>(
  ctx: GraphQLContext,
  parent: { id: string; hostId: string; hostEmail: string | null },
  firstArg: number | null,
  from: (p: ZoomPastInstance, parent: { id: string; hostId: string; hostEmail: string | null }) => P,
  kind: SessionKind = MEETING,
): Promise<P[]> {
  const first = firstArg ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST)
    throw badUserInput(`first must be between 1 and ${MAX_FIRST}, got ${first}.`, 'first');
  assertMayReadPast(ctx, parent, 'Reading past instances');
  const instances = await ctx.loaders.of(kind).past.instances.load(parent.id);
  return instances
    .map((p) => from(p, parent))
    .sort((a, b) => time(b) - time(a))
    .slice(0, first);
}

@Resolver(() => Meeting)
export class MeetingPastResolver {
  @FieldResolver(() => [PastMeeting], {
    nullable: true,
    description: 'Ended instances of this meeting, latest first (`first`: 1–300, default 10). Host or admin only.',
  })
  async pastInstances(
    @Root() meeting: Meeting,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) firstArg: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PastMeeting[]> {
    return pastInstancesOf(ctx, meeting, firstArg, PastMeeting.from);
  }

  @FieldResolver(() => MeetingRecording, {
    nullable: true,
    description: 'The cloud recording of the latest recorded instance; null when there is none. Host or admin only.',
  })
  async recordings(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<MeetingRecording | null> {
    assertMayReadPast(ctx, meeting, 'Reading recordings');
    const recording = await ctx.loaders.past.recordings.load(meeting.id);
    return recording ? MeetingRecording.from(recording) : null;
  }
}
