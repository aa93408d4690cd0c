import { assertCanActFor } from '../../auth/policy.js';
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting, type ListMeetingsQuery } from '../../zoom/meetings.js';
import { endMeeting } from '../../zoom/meetingStatus.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';
import type { ZoomMeeting, ZoomMeetingBody } from '../../zoom/types.js';
import type { GraphQLContext } from '../context.js';
import type { ZoomPageResult } from '../pagination.js';
import { checkUserId } from '../users/userArgs.js';
import { checkMeetingId, checkMeetingNumber, checkOccurrence } from './meetingArgs.js';
import { assertCanActOnMeeting } from './meetingAccess.js';
import { assertMayChangeMeeting, hostOfMeeting, notFoundOf } from './meetingChange.js';

// Reads and writes meetings and webinars share: the resolvers of each check their own input
// and pass the kind (zoom/sessionKind.ts).

/** Pages of a user's meetings or webinars, for paginate. */
export const sessionPages =
  (ctx: GraphQLContext, userId: string, q: Omit<ListMeetingsQuery, 'pageSize' | 'nextPageToken'>, kind: SessionKind = MEETING) =>
  async (token: string | undefined, pageSize: number): Promise<ZoomPageResult<ZoomMeeting>> => {
    const page = await listMeetings(ctx.zoom, userId, { ...q, pageSize, nextPageToken: token }, kind);
    return { items: page.meetings, next: page.next_page_token ?? '', total: page.total_records ?? page.meetings.length };
  };

/** `meeting(id:)` and `webinar(id:)`: null when Zoom has none; the host or an admin only. */
export async function readSession(ctx: GraphQLContext, id: string, kind: SessionKind = MEETING): Promise<ZoomMeeting | null> {
  const found = await getMeeting(ctx.zoom, checkMeetingId(id), kind);
  if (found) assertCanActOnMeeting(ctx.principal, found, `Reading this ${kind.noun}`);
  return found;
}

/** Schedules a meeting or webinar for a user: the caller itself unless admin; the body is checked before any Zoom call. */
export async function createSession(
  ctx: GraphQLContext,
  userIdArg: string | null,
  toBody: () => ZoomMeetingBody,
  kind: SessionKind = MEETING,
): Promise<ZoomMeeting> {
  const userId = userIdArg ?? 'me';
  checkUserId(userId, 'userId');
  const body = toBody();
  assertCanActFor(ctx.principal, userId);
  return createMeeting(ctx.zoom, userId, body, kind);
}

/** Changes a meeting or webinar (or one occurrence) and returns it as Zoom now has it. */
export async function updateSession(
  ctx: GraphQLContext,
  id: string,
  occurrenceArg: string | null | undefined,
  input: object,
  toBody: () => ZoomMeetingBody,
  kind: SessionKind = MEETING,
): Promise<ZoomMeeting> {
  const meetingId = checkMeetingId(id);
  const occurrenceId = checkOccurrence(occurrenceArg, input);
  const body = toBody();
  const known = await assertMayChangeMeeting(ctx, meetingId, `Updating this ${kind.noun}`, kind);
  await updateMeeting(ctx.zoom, meetingId, body, hostOfMeeting(known), occurrenceId, kind);
  const updated = await getMeeting(ctx.zoom, meetingId, kind);
  if (!updated) throw notFoundOf(kind, meetingId);
  return updated;
}

/** Deletes a meeting or webinar, or one occurrence of it. */
export async function deleteSession(
  ctx: GraphQLContext,
  id: string,
  occurrenceArg: string | null | undefined,
  kind: SessionKind = MEETING,
): Promise<boolean> {
  const meetingId = checkMeetingId(id);
  const occurrenceId = checkOccurrence(occurrenceArg);
  const known = await assertMayChangeMeeting(ctx, meetingId, `Deleting this ${kind.noun}`, kind);
  await deleteMeeting(ctx.zoom, meetingId, hostOfMeeting(known), occurrenceId, kind);
  return true;
}

/** Ends a live meeting or webinar for everyone. */
export async function endSession(ctx: GraphQLContext, id: string, kind: SessionKind = MEETING): Promise<boolean> {
  const meetingNumber = checkMeetingNumber(id);
  const known = await assertMayChangeMeeting(ctx, meetingNumber, `Ending this ${kind.noun}`, kind);
  await endMeeting(ctx.zoom, meetingNumber, hostOfMeeting(known), kind);
  return true;
}
