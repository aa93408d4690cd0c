import type { BenchContext } from '../context.js';
import { atMost, type Check } from '../stats.js';
import { post } from './meetings.js';

export type WebinarDashboardResult =
  { skipped: string; checks: Check[] } | { queries: number; callsPerQuery: number; byRoute: Record<string, number>; checks: Check[] };

const QUERIES = 5;
const LATENCY_MS = 50;
/** One call per resource the query names: the webinar, its host, panelists, registrants, instances, and the one instance's participants and absentees. */
const IDEAL = 7;

const DASHBOARD = `query BenchWebinarDashboard($id: ID!) {
  webinar(id: $id) {
    id topic host { email }
    panelists { email }
    registrants(status: PENDING) { totalCount nodes { email } }
    pastInstances { uuid participants { totalCount nodes { name } } absentees { totalCount nodes { email } } }
  }
}`;

/**
 * A webinar dashboard in one operation, on the seeded launch webinar (panelists, pending
 * registrants, an ended instance with participants and an absentee): Zoom calls per query.
 */
export async function webinarDashboard(ctx: BenchContext): Promise<WebinarDashboardResult> {
  const list = await post(ctx, '{ webinars(first: 30) { nodes { id topic } } }');
  if (list.errors?.length) return { skipped: `webinars not listed: ${JSON.stringify(list.errors).slice(0, 200)}`, checks: [] };
  const nodes = (list.data?.webinars as { nodes: Array<{ id: string; topic: string }> } | undefined)?.nodes ?? [];
  const launch = nodes.find((n) => n.topic === 'Product launch');
  if (!launch) return { skipped: 'the seeded webinar is missing', checks: [] };
  await ctx.fake.reset(LATENCY_MS);
  for (let q = 0; q < QUERIES; q++) {
    const res = await post(ctx, DASHBOARD, { id: launch.id });
    if (res.errors) throw new Error(`the webinar dashboard query failed: ${JSON.stringify(res.errors).slice(0, 500)}`);
  }
  const hits = await ctx.fake.hits();
  const byRoute: Record<string, number> = {};
  for (const [route, n] of Object.entries(hits.routes)) if (n > 0 && route !== 'admin') byRoute[route] = n / QUERIES;
  const callsPerQuery = hits.total / QUERIES;
  return {
    queries: QUERIES,
    callsPerQuery,
    byRoute,
    checks: [
      atMost(
        'webinar dashboard (panelists, pending registrants, past instances with participants and absentees): Zoom calls per query',
        callsPerQuery,
        IDEAL,
      ),
    ],
  };
}

/** The report's line for it. */
export function reportWebinarDashboard(w: WebinarDashboardResult): string {
  if ('skipped' in w) return `3b) webinar dashboard: skipped: ${w.skipped}`;
  const routes = Object.entries(w.byRoute)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  return `3b) webinar dashboard in one operation: ${w.callsPerQuery} Zoom calls per query (${routes}), at most ${IDEAL}: one per resource`;
}
