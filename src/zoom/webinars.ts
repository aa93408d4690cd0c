import { tags } from './cacheTags.js';
import { reporting } from './meetings.js';
import type { ZoomContext } from './zoomContext.js';

// What webinars have that meetings do not: panelists. Everything else a webinar shares with
// meetings goes through meetings.ts, registrants.ts and pastMeetings.ts with WEBINAR (sessionKind.ts).
// Panelist routes take a webinar number: callers check it with checkMeetingNumber first.

/** SPEC23 `GET /webinars/{webinarId}/panelists` `panelists[]`. */
export interface ZoomPanelist {
  id: string;
  email: string;
  name: string;
  join_url?: string;
}

/** `GET /webinars/{webinarId}/panelists` — all of them (Zoom does not page this list); cached until they or the webinar change. */
export async function listPanelists(ctx: ZoomContext, webinarNumber: string): Promise<ZoomPanelist[]> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  const res = await ctx.client.call<{ panelists?: ZoomPanelist[] }>(
    {
      method: 'GET',
      path: `/webinars/${webinarNumber}/panelists`,
      route: 'webinars.panelists',
      category: 'medium',
      cacheTags: tags.panelists(webinarNumber),
    },
    credential,
  );
  return Array.isArray(res.body?.panelists) ? res.body.panelists : [];
}

/** `POST /webinars/{webinarId}/panelists` `{panelists: [{email, name}]}` → 201; at most 30 a request (SPEC23). */
export async function addPanelists(
  ctx: ZoomContext,
  webinarNumber: string,
  panelists: ReadonlyArray<{ email: string; name: string }>,
): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await reporting(ctx, { kind: 'panelists', webinarId: webinarNumber }, () =>
    ctx.client.call<void>(
      {
        method: 'POST',
        path: `/webinars/${webinarNumber}/panelists`,
        body: { panelists },
        route: 'webinars.addPanelists',
        category: 'medium',
      },
      credential,
    ),
  );
}

/** `DELETE /webinars/{webinarId}/panelists/{panelistId}` → 204. */
export async function removePanelist(ctx: ZoomContext, webinarNumber: string, panelistId: string): Promise<void> {
  const credential = await ctx.tokens.forAccount(ctx.principal);
  await reporting(ctx, { kind: 'panelists', webinarId: webinarNumber }, () =>
    ctx.client.call<void>(
      {
        method: 'DELETE',
        path: `/webinars/${webinarNumber}/panelists/${encodeURIComponent(panelistId)}`,
        route: 'webinars.removePanelist',
        category: 'light',
      },
      credential,
    ),
  );
}
