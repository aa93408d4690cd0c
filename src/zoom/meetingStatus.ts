import { tags } from './cacheTags.js';
import { reporting, type MeetingHost } from './meetings.js';
import type { ZoomContext } from './zoomContext.js';
import { MEETING, type SessionKind } from './sessionKind.js';

/** `PUT /meetings/{meetingId}/status` (or `/webinars/…`) `{action: "end"}` → 204: ends a live meeting or webinar for everyone. */
export async function endMeeting(
  ctx: ZoomContext,
  meetingNumber: string,
  host: MeetingHost = {},
  kind: SessionKind = MEETING,
): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  // The meeting's status and the host's `live` list change.
  await reporting(ctx, { kind: 'meeting', meetingId: meetingNumber, ...host }, () =>
    ctx.client.call<void>(
      { method: 'PUT', path: `/${kind.collection}/${meetingNumber}/status`, body: { action: 'end' }, ...kind.ops.status },
      credential,
    ),
  );
}

/** `GET /meetings/{meetingId}/invitation` → the invitation text; cached until the meeting changes. */
export async function getInvitation(ctx: ZoomContext, meetingNumber: string): Promise<string | null> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<{ invitation?: string }>(
    {
      method: 'GET',
      path: `/meetings/${meetingNumber}/invitation`,
      route: 'meetings.invitation',
      category: 'light',
      cacheTags: tags.meeting(meetingNumber),
    },
    credential,
  );
  return typeof res.body?.invitation === 'string' ? res.body.invitation : null;
}
