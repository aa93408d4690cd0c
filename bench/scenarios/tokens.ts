import type { BenchContext } from '../context.js';
import { closedLoop, poolFor, type Target } from '../loadgen.js';
import { atMost, type Check } from '../stats.js';

export interface TokenResult {
  queries: number;
  ok: number;
  failed: number;
  concurrency: number;
  seconds: number;
  /** `/oauth/token` requests the fake received while the queries ran. */
  tokenRequests: number;
  firstFailure?: string;
  checks: Check[];
}

/**
 * A freshly started gateway (empty token cache) answers `queries` queries, `concurrency` at a
 * time so the first ones all miss the cache together; the fake counts the token requests.
 * Must run first, against a fake whose request log was just emptied.
 */
export async function tokenRequestsPerQueries(ctx: BenchContext, gateway: Target, queries: number, concurrency = 50): Promise<TokenResult> {
  const pool = poolFor(gateway.origin, concurrency);
  try {
    const run = await closedLoop(pool, gateway, { concurrency, warmupMs: 0, durationMs: 600_000, maxRequests: queries });
    const hits = await ctx.fake.hits();
    const tokenRequests = hits.routes['oauth.token'];
    return {
      queries,
      ok: run.ok,
      failed: run.failed,
      concurrency,
      seconds: run.seconds,
      tokenRequests,
      ...(run.firstFailure === undefined ? {} : { firstFailure: run.firstFailure }),
      checks: [
        atMost(`token requests per ${queries} queries (cold start, ${concurrency} concurrent)`, tokenRequests, 1),
        atMost(`token scenario: failed queries`, run.failed + (queries - run.ok - run.failed), 0),
      ],
    };
  } finally {
    await pool.close();
  }
}
