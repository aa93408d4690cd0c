import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { failsWith } from '../failures.js';
import type { ZoomMeeting } from '../../zoom/types.js';
import type { GraphQLContext } from '../context.js';
import { Meeting } from './meeting.type.js';
import { assertCanActOnMeeting, canActOnMeeting } from './meetingAccess.js';
import { MeetingType } from './meetingType.enum.js';
import { endSession } from './sessions.js';
import { MeetingOccurrence, MeetingRecurrence } from './recurrence.type.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';

const RECURRING = new Set<number | undefined>([MeetingType.RECURRING_NO_FIXED_TIME, MeetingType.RECURRING_FIXED_TIME]);

/** Recurrence, occurrences, invitation and ending: Meeting fields and a mutation that need more of Zoom than a list item. */
@Resolver(() => Meeting)
export class MeetingExtrasResolver {
  @FieldResolver(() => MeetingRecurrence, {
    nullable: true,
    description:
      'How a recurring meeting (type 3 or 8) repeats; null for other types. On a list item it costs one GET of the meeting, shared with occurrences.',
  })
  async recurrence(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<MeetingRecurrence | null> {
    const detail = await details(meeting, ctx);
    return detail?.recurrence ? MeetingRecurrence.from(detail.recurrence) : null;
  }

  @FieldResolver(() => [MeetingOccurrence], {
    nullable: true,
    description:
      'Occurrences of a recurring meeting with a fixed time (type 8), deleted ones included with their status; null for other types.',
  })
  async occurrences(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<MeetingOccurrence[] | null> {
    const detail = await details(meeting, ctx);
    return Array.isArray(detail?.occurrences) ? detail.occurrences.map(MeetingOccurrence.from) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The invitation text Zoom would send (join link and passcode included). Host or admin only.',
  })
  async invitation(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    assertCanActOnMeeting(ctx.principal, hostOf(meeting), 'Reading the invitation');
    return ctx.loaders.invitation.load(meeting.id);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Ends a live meeting for every participant. Host or admin only. ' +
      failsWith({
        BAD_USER_INPUT: 'when id is not a meeting number (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller does not host the meeting (before any change)',
        NOT_FOUND: 'when Zoom has no such meeting',
        ZOOM_API_ERROR: 'when Zoom refuses, e.g. the meeting is not live',
      }),
  })
  async endMeeting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return endSession(ctx, id);
  }
}

const hostOf = (m: Meeting): Pick<ZoomMeeting, 'host_id' | 'host_email'> => ({
  host_id: m.hostId,
  ...(m.hostEmail ? { host_email: m.hostEmail } : {}),
});

/**
 * The meeting with its recurrence: the parent itself when it came from "Get a meeting" or a
 * create (they carry `settings`), else one GET per meeting per request through the loader.
 */
async function details(meeting: Meeting, ctx: GraphQLContext): Promise<ZoomMeeting | null> {
  if (!RECURRING.has(meeting.type ?? undefined)) return null;
  return detailsOf(ctx, meeting);
}

/** A meeting's or webinar's full answer: the parent's own when it has one, else one GET per request through the loader. */
export async function detailsOf(
  ctx: GraphQLContext,
  parent: { id: string; zoom?: ZoomMeeting },
  kind: SessionKind = MEETING,
): Promise<ZoomMeeting | null> {
  if (parent.zoom?.settings) return parent.zoom;
  const detail = await ctx.loaders.of(kind).meeting.load(parent.id);
  return detail && canActOnMeeting(ctx.principal, detail) ? detail : null;
}
