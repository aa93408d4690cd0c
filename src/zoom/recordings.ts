import { tags } from './cacheTags.js';
import { meetingSegment } from './meetingId.js';
import { userSegment } from './pathSegment.js';
import type { ZoomMeetingRecording, ZoomRecordingPage } from './pastTypes.js';
import { ZoomApiError } from './zoomApiError.js';
import { addressOf, type ZoomContext } from './zoomContext.js';

/**
 * `GET /meetings/{meetingId}/recordings` — a meeting number means its latest recorded instance.
 * Null when Zoom has none (404, code 3301). Authorized by the meeting (see pastMeetings.ts).
 */
export async function getMeetingRecordings(ctx: ZoomContext, meetingId: string): Promise<ZoomMeetingRecording | null> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  try {
    const res = await ctx.client.call<ZoomMeetingRecording>(
      {
        method: 'GET',
        path: `/meetings/${meetingSegment(meetingId)}/recordings`,
        route: 'recordings.get',
        category: 'light',
        cacheTags: tags.recordings(meetingId),
      },
      credential,
    );
    return res.body ?? null;
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 3301) return null;
    throw err;
  }
}

export interface ListRecordingsQuery {
  /** `yyyy-mm-dd`, UTC; both unset means Zoom's default (today). */
  from?: string;
  to?: string;
  pageSize: number;
  nextPageToken?: string;
}

/** `GET /users/{userId}/recordings` — one page of a user's cloud recordings. */
export async function listUserRecordings(ctx: ZoomContext, userId: string, q: ListRecordingsQuery): Promise<ZoomRecordingPage> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  const { credential, pathUserId } = selection;
  const res = await ctx.client.call<ZoomRecordingPage>(
    {
      method: 'GET',
      path: `/users/${userSegment(pathUserId)}/recordings`,
      query: { from: q.from, to: q.to, page_size: q.pageSize, next_page_token: q.nextPageToken },
      route: 'recordings.list',
      category: 'medium',
      cacheTags: tags.recordingList(addressOf(ctx, selection)),
    },
    credential,
  );
  return { ...res.body, meetings: Array.isArray(res.body?.meetings) ? res.body.meetings : [] };
}
