import { tags } from './cacheTags.js';
import { reporting } from './meetings.js';
import type { ZoomAddedRegistrant, ZoomRegistrantPage } from './types.js';
import type { ZoomContext } from './zoomContext.js';
import { MEETING, type SessionKind } from './sessionKind.js';

export type ZoomRegistrantStatus = 'approved' | 'pending' | 'denied';
export type ZoomRegistrantAction = 'approve' | 'deny' | 'cancel';

export interface ListRegistrantsQuery {
  status: ZoomRegistrantStatus;
  pageSize: number;
  nextPageToken?: string;
}

// Registrant routes take a meeting number (int64), never an instance UUID (SPEC23): callers
// check the id with checkMeetingNumber first, so the path needs no encoding beyond digits.

/** `GET /meetings/{meetingId}/registrants` — one page; cached until a registrant or the meeting changes. */
export async function listRegistrants(
  ctx: ZoomContext,
  meetingNumber: string,
  q: ListRegistrantsQuery,
  kind: SessionKind = MEETING,
): Promise<ZoomRegistrantPage> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<ZoomRegistrantPage>(
    {
      method: 'GET',
      path: `/${kind.collection}/${meetingNumber}/registrants`,
      query: { status: q.status, page_size: q.pageSize, next_page_token: q.nextPageToken },
      ...kind.ops.registrants,
      cacheTags: tags.registrants(meetingNumber),
    },
    credential,
  );
  return { ...res.body, registrants: Array.isArray(res.body?.registrants) ? res.body.registrants : [] };
}

/** `POST /meetings/{meetingId}/registrants` → 201; Zoom allows 3 a day per registrant and meeting. */
export async function addRegistrant(
  ctx: ZoomContext,
  meetingNumber: string,
  body: { email: string; first_name: string; last_name?: string },
  kind: SessionKind = MEETING,
): Promise<ZoomAddedRegistrant> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  let added: ZoomAddedRegistrant | undefined;
  await reporting(ctx, { kind: 'registrants', meetingId: meetingNumber }, async () => {
    added = (
      await ctx.client.call<ZoomAddedRegistrant>(
        { method: 'POST', path: `/${kind.collection}/${meetingNumber}/registrants`, body, ...kind.ops.addRegistrant },
        credential,
      )
    ).body;
  });
  return added!;
}

/** `PUT /meetings/{meetingId}/registrants/status` `{action, registrants: [{id}]}` → 204; at most 30 at once. */
export async function updateRegistrantStatus(
  ctx: ZoomContext,
  meetingNumber: string,
  action: ZoomRegistrantAction,
  registrantIds: readonly string[],
  kind: SessionKind = MEETING,
): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await reporting(ctx, { kind: 'registrants', meetingId: meetingNumber }, () =>
    ctx.client.call<void>(
      {
        method: 'PUT',
        path: `/${kind.collection}/${meetingNumber}/registrants/status`,
        body: { action, registrants: registrantIds.map((id) => ({ id })) },
        ...kind.ops.registrantStatus,
      },
      credential,
    ),
  );
}
