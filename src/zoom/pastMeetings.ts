import { tags } from './cacheTags.js';
import { meetingSegment } from './meetingId.js';
import type { ZoomParticipantPage, ZoomPastInstance } from './pastTypes.js';
import { ZoomApiError } from './zoomApiError.js';
import type { ZoomContext } from './zoomContext.js';

// NOTE: these reads are authorized by the meeting they belong to, which the resolver has already
// checked against the caller, so they may be cached under the credential that made them.

/** `GET /past_meetings/{meetingId}/instances` — none when Zoom knows no ended instance (404). */
export async function listPastInstances(ctx: ZoomContext, meetingId: string): Promise<ZoomPastInstance[]> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  try {
    const res = await ctx.client.call<{ meetings?: ZoomPastInstance[] }>(
      { method: 'GET', path: `/past_meetings/${meetingSegment(meetingId)}/instances`, route: 'past.instances', category: 'medium', cacheTags: tags.pastMeeting(meetingId) },
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
 * `GET /past_meetings/{uuid}/participants` — one page. The UUID is double-encoded when it
 * begins with `/` or contains `//` (meetingSegment). A 404 (an instance Zoom no longer has) is
 * an empty page.
 */
export async function listParticipants(ctx: ZoomContext, uuid: string, q: ParticipantsQuery): Promise<ZoomParticipantPage> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  try {
    const res = await ctx.client.call<ZoomParticipantPage>(
      {
        method: 'GET',
        path: `/past_meetings/${meetingSegment(uuid)}/participants`,
        query: { page_size: q.pageSize, next_page_token: q.nextPageToken },
        route: 'past.participants',
        category: 'medium',
        cacheTags: tags.pastMeeting(q.meetingId),
      },
      credential,
    );
    return { ...res.body, participants: Array.isArray(res.body?.participants) ? res.body.participants : [] };
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 3001) return { participants: [], next_page_token: '', total_records: 0 };
    throw err;
  }
}
