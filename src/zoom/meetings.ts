import { meetingSegment } from './meetingId.js';
import type { ZoomMeeting, ZoomMeetingBody, ZoomMeetingListType, ZoomMeetingPage } from './types.js';
import { ZoomApiError } from './zoomApiError.js';
import { userSegment } from './pathSegment.js';
import type { ZoomContext } from './zoomContext.js';

export interface ListMeetingsQuery {
  type: ZoomMeetingListType;
  pageSize: number;
  nextPageToken?: string;
}

/** `GET /users/{userId}/meetings` — one page of the user's meetings. */
export async function listMeetings(ctx: ZoomContext, userId: string, q: ListMeetingsQuery): Promise<ZoomMeetingPage> {
  const { credential, pathUserId } = await ctx.tokens.forUser(ctx.principal, userId);
  const res = await ctx.client.call<ZoomMeetingPage>(
    {
      method: 'GET',
      path: `/users/${userSegment(pathUserId)}/meetings`,
      query: { type: q.type, page_size: q.pageSize, next_page_token: q.nextPageToken },
      route: 'meetings.list',
      category: 'medium',
    },
    credential,
  );
  return { ...res.body, meetings: Array.isArray(res.body?.meetings) ? res.body.meetings : [] };
}

/** `GET /meetings/{meetingId}` — null when Zoom says the meeting does not exist (404, code 3001). */
export async function getMeeting(ctx: ZoomContext, meetingId: string): Promise<ZoomMeeting | null> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  try {
    const res = await ctx.client.call<ZoomMeeting>(
      { method: 'GET', path: `/meetings/${meetingSegment(meetingId)}`, route: 'meetings.get', category: 'light' },
      credential,
    );
    return res.body;
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 3001) return null;
    throw err;
  }
}

/** `POST /users/{userId}/meetings` → 201 with the meeting; counts toward the host's 100/day. */
export async function createMeeting(ctx: ZoomContext, userId: string, body: ZoomMeetingBody): Promise<ZoomMeeting> {
  const { credential, pathUserId } = await ctx.tokens.forUser(ctx.principal, userId);
  const res = await ctx.client.call<ZoomMeeting>(
    { method: 'POST', path: `/users/${userSegment(pathUserId)}/meetings`, body, route: 'meetings.create', category: 'medium' },
    credential,
  );
  return res.body;
}

/** `PATCH /meetings/{meetingId}` → 204 with no body; counts toward the host's 100/day. */
export async function updateMeeting(ctx: ZoomContext, meetingId: string, body: ZoomMeetingBody): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await ctx.client.call<void>(
    { method: 'PATCH', path: `/meetings/${meetingSegment(meetingId)}`, body, route: 'meetings.update', category: 'light' },
    credential,
  );
}

/** `DELETE /meetings/{meetingId}` → 204. */
export async function deleteMeeting(ctx: ZoomContext, meetingId: string): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await ctx.client.call<void>(
    { method: 'DELETE', path: `/meetings/${meetingSegment(meetingId)}`, route: 'meetings.delete', category: 'light' },
    credential,
  );
}
