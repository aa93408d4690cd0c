import { meetingSegment } from './meetingId.js';
import type { ZoomMeeting, ZoomMeetingBody, ZoomMeetingListType, ZoomMeetingPage } from './types.js';
import { ZoomApiError, ZoomUnreachableError } from './zoomApiError.js';
import type { ZoomChange } from './changes.js';
import type { ZoomResponse } from './types.js';
import { userSegment } from './pathSegment.js';
import { isAdmin } from '../auth/principal.js';
import { ACCOUNT_OWNER, tags } from './cacheTags.js';
import { addressOf, type ZoomContext } from './zoomContext.js';
import { MEETING, type SessionKind } from './sessionKind.js';

/** The host of a meeting, as far as the caller knows it; a change without it invalidates more. */
export interface MeetingHost {
  hostId?: string;
  hostEmail?: string;
}

export interface ListMeetingsQuery {
  /** Meetings only: webinar lists take no type filter. */
  type?: ZoomMeetingListType;
  /** `yyyy-mm-dd` (SPEC23 `from`, `to`). */
  from?: string;
  to?: string;
  pageSize: number;
  nextPageToken?: string;
}

/** `GET /users/{userId}/meetings` (or `/webinars`) — one page of the user's meetings or webinars. */
export async function listMeetings(
  ctx: ZoomContext,
  userId: string,
  q: ListMeetingsQuery,
  kind: SessionKind = MEETING,
): Promise<ZoomMeetingPage> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  const { credential, pathUserId } = selection;
  const res = await ctx.client.call<Partial<Record<SessionKind['collection'], ZoomMeeting[]>> & ZoomMeetingPage>(
    {
      method: 'GET',
      path: `/users/${userSegment(pathUserId)}/${kind.collection}`,
      query: { type: q.type, from: q.from, to: q.to, page_size: q.pageSize, next_page_token: q.nextPageToken },
      ...kind.ops.list,
      cacheTags: tags.meetingList(addressOf(ctx, selection)),
    },
    credential,
  );
  const items = res.body?.[kind.collection];
  return { ...res.body, meetings: Array.isArray(items) ? items : [] };
}

/** `GET /meetings/{meetingId}` (or `/webinars/…`) — null when Zoom says it does not exist (404, code 3001). */
export async function getMeeting(ctx: ZoomContext, meetingId: string, kind: SessionKind = MEETING): Promise<ZoomMeeting | null> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  // NOTE: a user-role caller on the account token may read only what the resolver allows once it
  // sees the answer's host; such a read never touches the cache, so the cache answers nothing
  // for it that Zoom's answer would not have shown it, and counts no hit for it either.
  const cacheable = isAdmin(ctx.principal) || credential.source === 'user';
  try {
    const res = await ctx.client.call<ZoomMeeting>(
      {
        method: 'GET',
        path: `/${kind.collection}/${meetingSegment(meetingId)}`,
        ...kind.ops.get,
        ...(cacheable ? { cacheTags: tags.meeting(meetingId) } : {}),
      },
      credential,
    );
    return res.body;
  } catch (err) {
    if (err instanceof ZoomApiError && err.status === 404 && err.zoomCode === 3001) return null;
    throw err;
  }
}

/** `POST /users/{userId}/meetings` → 201 with the meeting; counts toward the host's 100/day. */
export async function createMeeting(
  ctx: ZoomContext,
  userId: string,
  body: ZoomMeetingBody,
  kind: SessionKind = MEETING,
): Promise<ZoomMeeting> {
  const selection = await ctx.tokens.forUser(ctx.principal, userId);
  const { credential, pathUserId } = selection;
  const address = addressOf(ctx, selection);
  const named: MeetingHost = address === ACCOUNT_OWNER ? {} : address.includes('@') ? { hostEmail: address } : { hostId: address };
  let res: ZoomResponse<ZoomMeeting>;
  try {
    res = await ctx.client.call<ZoomMeeting>(
      { method: 'POST', path: `/users/${userSegment(pathUserId)}/${kind.collection}`, body, ...kind.ops.create },
      credential,
    );
  } catch (err) {
    // An answer lost on the way back may hide a meeting Zoom created: the host's lists may have changed.
    if (err instanceof ZoomUnreachableError) await ctx.changes.changed({ kind: 'meeting', meetingId: '', ...named });
    throw err;
  }
  await ctx.changes.changed({
    kind: 'meeting',
    meetingId: String(res.body?.id ?? ''),
    ...named,
    ...(res.body?.host_id ? { hostId: res.body.host_id } : {}),
    ...(res.body?.host_email ? { hostEmail: res.body.host_email } : {}),
  });
  return res.body;
}

/**
 * `PATCH /meetings/{meetingId}[?occurrence_id=]` → 204 with no body; counts toward the host's
 * 100/day. With an occurrence, Zoom changes only that occurrence's agenda, start, duration and settings.
 */
export async function updateMeeting(
  ctx: ZoomContext,
  meetingId: string,
  body: ZoomMeetingBody,
  host: MeetingHost = {},
  occurrenceId?: string,
  kind: SessionKind = MEETING,
): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await reporting(ctx, { kind: 'meeting', meetingId, ...host }, () =>
    ctx.client.call<void>(
      {
        method: 'PATCH',
        path: `/${kind.collection}/${meetingSegment(meetingId)}`,
        query: { occurrence_id: occurrenceId },
        body,
        ...kind.ops.update,
      },
      credential,
    ),
  );
}

/** `DELETE /meetings/{meetingId}[?occurrence_id=]` → 204; with an occurrence, only that one goes. */
export async function deleteMeeting(
  ctx: ZoomContext,
  meetingId: string,
  host: MeetingHost = {},
  occurrenceId?: string,
  kind: SessionKind = MEETING,
): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await reporting(ctx, { kind: 'meeting', meetingId, ...host }, () =>
    ctx.client.call<void>(
      {
        method: 'DELETE',
        path: `/${kind.collection}/${meetingSegment(meetingId)}`,
        query: { occurrence_id: occurrenceId },
        ...kind.ops.delete,
      },
      credential,
    ),
  );
}

/** Runs a write and reports its change once Zoom applied it, or may have (its answer was lost). */
export async function reporting(ctx: ZoomContext, change: ZoomChange, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (err instanceof ZoomUnreachableError) await ctx.changes.changed(change);
    throw err;
  }
  await ctx.changes.changed(change);
}
