import { isAdmin } from '../../auth/principal.js';
import { notFound } from '../../errors.js';
import { getMeeting, type MeetingHost } from '../../zoom/meetings.js';
import type { ZoomMeeting } from '../../zoom/types.js';
import type { GraphQLContext } from '../context.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';
import type { GatewayError } from '../../errors.js';
import { assertCanActOnMeeting } from './meetingAccess.js';

/**
 * Admins need no look-up; anyone else must host the meeting, which costs one GET first (returned,
 * so the write can name the host to the read cache).
 */
export async function assertMayChangeMeeting(
  ctx: GraphQLContext,
  meetingId: string,
  what: string,
  kind: SessionKind = MEETING,
): Promise<ZoomMeeting | undefined> {
  if (isAdmin(ctx.principal)) return undefined;
  const meeting = await getMeeting(ctx.zoom, meetingId, kind);
  if (!meeting) throw notFoundOf(kind, meetingId);
  assertCanActOnMeeting(ctx.principal, meeting, what);
  return meeting;
}

/** The host a write reports with its change, when the resolver has seen the meeting. */
export const hostOfMeeting = (meeting: ZoomMeeting | undefined): MeetingHost =>
  meeting ? { hostId: meeting.host_id, ...(meeting.host_email ? { hostEmail: meeting.host_email } : {}) } : {};

/** NOT_FOUND for a meeting or webinar Zoom does not have. */
export const notFoundOf = (kind: SessionKind, id: string): GatewayError =>
  notFound(`${kind.noun === 'meeting' ? 'Meeting' : 'Webinar'} ${id} is not found or has expired.`);
