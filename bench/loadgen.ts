import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

/** One HTTP request the load generator repeats, and what counts as a success for it. */
export interface Target {
  name: string;
  /** Origin, e.g. http://127.0.0.1:4000 */
  origin: string;
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** True when the response is a success (status, and for GraphQL: data without errors). */
  check(status: number, body: string): boolean;
  /** Worker `w` sends `variants[w % length]` instead of `path`/`body`, so workers ask different things. */
  variants?: Array<{ path?: string; body?: string }>;
}

export interface LoadOptions {
  /** Workers, each with at most one request in flight (a closed loop). */
  concurrency: number;
  /** Requests completing in this first stretch are discarded. */
  warmupMs: number;
  /** Measured stretch after the warm-up; with `maxRequests`, an upper bound. */
  durationMs: number;
  /** Stop once this many requests have been started (no warm-up is then allowed). */
  maxRequests?: number;
}

export interface LoadResult {
  /** Successful requests that completed in the measured stretch. */
  ok: number;
  /** Failed requests (non-success response or transport error) that completed in it. */
  failed: number;
  /** Length of the measured stretch in seconds. */
  seconds: number;
  /** Every completed request, warm-up included (to share out CPU time measured around the run). */
  completedAll: number;
  /** Latency of every successful measured request, ms. */
  latenciesMs: number[];
  /** First failure seen, for the report. */
  firstFailure?: string;
}

/**
 * A keep-alive pool with one connection per worker, so no request ever waits for a socket:
 * the latency measured is the target's, not the generator's queue.
 */
export function poolFor(origin: string, concurrency: number): Pool {
  return new Pool(origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000 });
}

/**
 * Closed loop: `concurrency` workers each send the next request as soon as the previous one is
 * answered. Throughput is completions inside the measured stretch divided by its length;
 * the body is always read in full (as text) so both arms of a comparison do the same work.
 */
export async function closedLoop(pool: Pool, target: Target, o: LoadOptions): Promise<LoadResult> {
  if (o.maxRequests !== undefined && o.warmupMs > 0) throw new Error('maxRequests counts every request: use no warm-up with it');
  const start = performance.now();
  const measureFrom = start + o.warmupMs;
  const end = measureFrom + o.durationMs;
  const result: LoadResult = { ok: 0, failed: 0, seconds: 0, completedAll: 0, latenciesMs: [] };
  let started = 0;
  const more = () => performance.now() < end && (o.maxRequests === undefined || started < o.maxRequests);

  const worker = async (_: unknown, index: number) => {
    const variant = target.variants?.[index % target.variants.length];
    const path = variant?.path ?? target.path;
    const body = variant?.body ?? target.body;
    while (more()) {
      started++;
      const t0 = performance.now();
      let ok = false;
      let failure: string | undefined;
      try {
        const res = await pool.request({ method: target.method, path, headers: target.headers, body });
        const text = await res.body.text();
        ok = target.check(res.statusCode, text);
        if (!ok) failure = `HTTP ${res.statusCode}: ${text.slice(0, 300)}`;
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
      }
      const t1 = performance.now();
      result.completedAll++;
      if (t1 < measureFrom || t1 > end) continue;
      if (ok) {
        result.ok++;
        result.latenciesMs.push(t1 - t0);
      } else {
        result.failed++;
        result.firstFailure ??= failure;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  result.seconds = (Math.min(performance.now(), end) - measureFrom) / 1000;
  return result;
}
