import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { assertCanActFor } from '../../auth/policy.js';
import { notFound } from '../../errors.js';
import { getMeeting } from '../../zoom/meetings.js';
import { getZak } from '../../zoom/zak.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { checkUserId } from '../users/userArgs.js';
import { zoomUserIdOf } from '../users/zoomUserId.js';
import { assertCanActOnMeeting } from './meetingAccess.js';
import { checkMeetingId } from './meetingArgs.js';
import { notFoundOf } from './meetingChange.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';
import { MeetingRole } from './meetingRole.enum.js';
import { StartMeetingToken } from './startMeetingToken.type.js';

@Resolver(() => StartMeetingToken)
export class StartMeetingTokenResolver {
  @Mutation(() => StartMeetingToken, {
    nullable: true,
    description:
      "The host's cached ZAK and, when a Meeting SDK app is configured, a host signature. Host or admin only. " +
      failsWith({
        BAD_USER_INPUT: 'when meetingId is not a meeting number or UUID',
        FORBIDDEN: 'when a user-role caller does not host the meeting (no ZAK is fetched)',
        NOT_FOUND: 'when Zoom has no such meeting',
      }),
  })
  async startMeetingToken(@Arg('meetingId', () => ID) meetingId: string, @Ctx() ctx: GraphQLContext): Promise<StartMeetingToken> {
    return startToken(ctx, meetingId);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      "Drops a user's cached ZAK, e.g. after the Meeting SDK reported a failed start or the user signed out everywhere. " +
      'Admin or the user itself. True when a cached ZAK was dropped. ' +
      failsWith({
        BAD_USER_INPUT: 'when userId is not me, a Zoom user id or an email',
        FORBIDDEN: 'when a user-role caller names another user',
        NOT_FOUND: 'when Zoom has no user with that email',
      }),
  })
  async invalidateZak(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    checkUserId(userId, 'userId');
    assertCanActFor(ctx.principal, userId);
    const zoomUserId = await zoomUserIdOf(ctx, userId);
    if (!zoomUserId) throw notFound(`Zoom user ${userId} does not exist.`);
    return ctx.zaks.invalidate(zoomUserId);
  }
}

/**
 * What the Meeting SDK needs to start a meeting or webinar as its host: the host's cached ZAK
 * (one Zoom call for any number of concurrent callers) and a role-1 signature for its number.
 */
export async function startToken(ctx: GraphQLContext, meetingId: string, kind: SessionKind = MEETING): Promise<StartMeetingToken> {
  const argument = `${kind.noun}Id`;
  const id = checkMeetingId(meetingId, argument);
  const meeting = await getMeeting(ctx.zoom, id, kind);
  if (!meeting) throw notFoundOf(kind, id);
  assertCanActOnMeeting(ctx.principal, meeting, `Starting this ${kind.noun}`);
  const number = String(meeting.id);
  const { zaks, sdk } = ctx;
  const [zak, signed] = await Promise.all([
    getZak(ctx.zoom, zaks, meeting.host_id),
    sdk ? sdk.sign({ meetingNumber: number, role: MeetingRole.HOST }) : null,
  ]);
  return Object.assign(new StartMeetingToken(), {
    meetingId: number,
    hostId: meeting.host_id,
    zak: zak.accessToken,
    zakExpiresAt: new Date(zak.expiresAt),
    signature: signed?.signature ?? null,
    sdkKey: signed?.sdkKey ?? null,
    signatureExpiresAt: signed ? new Date(signed.expiresAt) : null,
  });
}
