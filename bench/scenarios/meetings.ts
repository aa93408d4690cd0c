import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../context.js';
import { atMost, type Check } from '../stats.js';

export type MeetingsResult =
  | { skipped: string; checks: Check[] }
  | {
      hosts: number;
      meetings: number;
      queries: number;
      upstreamLatencyMs: number;
      /** Zoom calls per query, all routes, and per route. */
      callsPerQuery: number;
      byRoute: Record<string, number>;
      /** What resolving each meeting's host on its own would cost: one list per host + one look-up per meeting. */
      naiveCallsPerQuery: number;
      /** Wall time of one query (median), ms. */
      medianQueryMs: number;
      checks: Check[];
    };

const QUERIES = 5;
const LATENCY_MS = 50;

interface Page {
  nodes: Array<{ id: string; host: { email: string } | null }>;
}

/** One GraphQL operation through the bench's gateway, as its configured caller. */
export async function post(
  ctx: BenchContext,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`${ctx.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctx.gatewayHeaders },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** True when the schema has `Query.meetings` and `Meeting.host`. */
async function meetingsInSchema(ctx: BenchContext): Promise<boolean> {
  const res = await post(ctx, '{ q: __type(name: "Query") { fields { name } } m: __type(name: "Meeting") { fields { name } } }');
  if (res.errors) throw new Error(`introspection failed (is GRAPHQL_INTROSPECTION off?): ${JSON.stringify(res.errors).slice(0, 300)}`);
  const names = (t: unknown) => ((t as { fields?: Array<{ name: string }> } | null)?.fields ?? []).map((f) => f.name);
  return names(res.data?.q).includes('meetings') && names(res.data?.m).includes('host');
}

/**
 * 300 meetings of 7 hosts with each meeting's host in one GraphQL operation. Zoom lists
 * meetings per user, so the operation holds one aliased `meetings` list per host; the per-request
 * user loader should then look each host up once, whichever list the meeting came from.
 */
export async function meetingsWithHosts(ctx: BenchContext): Promise<MeetingsResult> {
  if (!(await meetingsInSchema(ctx))) return { skipped: 'meetings query not in schema', checks: [] };
  const hosts = ctx.fakeInfo.hosts;
  const first = Math.max(...hosts.map((h) => h.meetings));
  const meetings = hosts.reduce((n, h) => n + h.meetings, 0);
  const params = hosts.map((_, i) => `$h${i}: ID!`).join(', ');
  const fields = hosts.map((_, i) => `h${i}: meetings(userId: $h${i}, first: ${first}) { nodes { id host { email } } }`).join('\n  ');
  const query = `query BenchMeetings(${params}) {\n  ${fields}\n}`;
  const variables = Object.fromEntries(hosts.map((h, i) => [`h${i}`, h.id]));

  await ctx.fake.reset(LATENCY_MS);
  const times: number[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const t0 = performance.now();
    const res = await post(ctx, query, variables);
    times.push(performance.now() - t0);
    if (res.errors) throw new Error(`the meetings query failed: ${JSON.stringify(res.errors).slice(0, 500)}`);
    hosts.forEach((h, i) => {
      const page = res.data?.[`h${i}`] as Page | undefined;
      const nodes = page?.nodes ?? [];
      if (nodes.length !== h.meetings) throw new Error(`host ${h.email}: expected ${h.meetings} meetings, got ${nodes.length}`);
      const wrong = nodes.find((n) => n.host?.email !== h.email);
      if (wrong) throw new Error(`meeting ${wrong.id}: host ${JSON.stringify(wrong.host)}, expected ${h.email}`);
    });
  }
  const hits = await ctx.fake.hits();
  const byRoute: Record<string, number> = {};
  for (const [route, n] of Object.entries(hits.routes)) if (n > 0 && route !== 'admin') byRoute[route] = n / QUERIES;
  const callsPerQuery = hits.total / QUERIES;
  // The best possible: one list per host, one look-up per distinct host.
  const ideal = hosts.length * 2;
  times.sort((a, b) => a - b);
  return {
    hosts: hosts.length,
    meetings,
    queries: QUERIES,
    upstreamLatencyMs: LATENCY_MS,
    callsPerQuery,
    byRoute,
    naiveCallsPerQuery: hosts.length + meetings,
    medianQueryMs: times[Math.floor(times.length / 2)]!,
    checks: [atMost(`${meetings} meetings of ${hosts.length} hosts with host { email }: Zoom calls per query`, callsPerQuery, ideal)],
  };
}
