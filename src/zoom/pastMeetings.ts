import { tags } from './cacheTags.js';
import { meetingSegment } from './meetingId.js';
import type { ZoomParticipantPage, ZoomPastInstance } from './pastTypes.js';
import { ZoomApiError } from './zoomApiError.js';
import type { ZoomContext } from './zoomContext.js';
import { MEETING, type SessionKind } from './sessionKind.js';
import type { ZoomPage, ZoomRegistrantPage } from './types.js';

// NOTE: these reads are authorized by the meeting they belong to, which the resolver has already
// checked against the caller, so they may be cached under the credential that made them.

/** `GET /past_meetings/{meetingId}/instances` — none when Zoom knows no ended instance (404). */
export async function listPastInstances(ctx: ZoomContext, meetingId: string, kind: SessionKind = MEETING): Promise<ZoomPastInstance[]> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  try {
    const res = await ctx.client.call<{ meetings?: ZoomPastInstance[] }>(
      {
        method: 'GET',
        path: `/${kind.past}/${meetingSegment(meetingId)}/instances`,
        ...kind.ops.pastInstances,
        cacheTags: tags.pastMeeting(meetingId),
      },
      credential,
    );
    return Array.isArray(res.body?.meetings) ? res.body.meetings : [];
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404) return [];
    throw err;
  }
}

export interface ParticipantsQuery {
  /** The meeting number the instance belongs to: what a change to it names. */
  meetingId: string;
  pageSize: number;
  nextPageToken?: string;
}

/**
 * `GET /past_meetings/{uuid}/participants` (or `/past_webinars/…`) — one page. The UUID is
 * double-encoded when it begins with `/` or contains `//` (meetingSegment). A 404 (an instance
 * Zoom no longer has) is an empty page.
 */
export async function listParticipants(
  ctx: ZoomContext,
  uuid: string,
  q: ParticipantsQuery,
  kind: SessionKind = MEETING,
): Promise<ZoomParticipantPage> {
  const page = await pastPage<ZoomParticipantPage>(ctx, `/${kind.past}/${meetingSegment(uuid)}/participants`, kind.ops.participants, q);
  return { ...page, participants: Array.isArray(page.participants) ? page.participants : [] };
}

/** `GET /past_webinars/{uuid}/absentees` — registrants approved for a held webinar who did not join; label Heavy. */
export async function listAbsentees(ctx: ZoomContext, uuid: string, q: ParticipantsQuery): Promise<ZoomRegistrantPage> {
  const page = await pastPage<ZoomRegistrantPage>(
    ctx,
    `/past_webinars/${meetingSegment(uuid)}/absentees`,
    { route: 'webinars.absentees', category: 'heavy' },
    q,
  );
  return { ...page, registrants: Array.isArray(page.registrants) ? page.registrants : [] };
}

/** One page of a past instance's report, cached until the meeting or webinar changes; 404/3001 is an empty page. */
async function pastPage<T extends ZoomPage>(
  ctx: ZoomContext,
  path: string,
  op: SessionKind['ops']['participants'],
  q: ParticipantsQuery,
): Promise<Partial<T>> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  try {
    const res = await ctx.client.call<T>(
      {
        method: 'GET',
        path,
        query: { page_size: q.pageSize, next_page_token: q.nextPageToken },
        ...op,
        cacheTags: tags.pastMeeting(q.meetingId),
      },
      credential,
    );
    return res.body ?? {};
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 3001) {
      const none: Partial<T> = {};
      return { ...none, next_page_token: '', total_records: 0 };
    }
    throw err;
  }
}
