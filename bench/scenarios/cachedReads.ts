import type { BenchContext } from '../context.js';
import { closedLoop, poolFor, type LoadResult, type Target } from '../loadgen.js';
import { startGateway, type GatewayProcess } from '../processes.js';
import { cpuMs, RssSampler } from '../procStats.js';
import { atLeast, atMost, summarize, type ArmStats, type Check } from '../stats.js';

/** One gateway arm of the cached-read comparison. */
export interface CachedArm {
  stats: ArmStats;
  /** req/s ÷ the bare hop's req/s in the same run. */
  vsBare: number;
  cpuMsPerRequest: number | undefined;
  /** Peak RSS of the gateway process over its segments, MiB. */
  peakRssMiB: number;
  /** Zoom calls the fake saw per measured request. */
  zoomCallsPerRequest: number;
  /** Answers (answer cache) or Zoom reads (read cache) served from the cache ÷ all it was asked, the whole run. */
  hitRate: number;
  /** Bytes the answer cache held at the end (its bound: GRAPHQL_ANSWER_CACHE_BYTES); undefined when off. */
  answerCacheBytes?: number;
}

export interface CachedReadsResult {
  upstreamLatencyMs: number;
  concurrency: number;
  bare: ArmStats;
  /** Read cache on (ZOOM_CACHE_TTL_SECONDS=600), answer cache off: every request re-executes from the store's entry. */
  readCache: CachedArm;
  /** Read cache on with the answer cache at its default bound. */
  answers: CachedArm;
  answerCacheMaxBytes: number;
  checks: Check[];
}

const RAMP_MS = 300;
const UPSTREAM_MS = 0;
const ANSWER_CACHE_BYTES = 16 * 1024 * 1024;

/** A counter's or gauge's value from a Prometheus text page: the sum over series whose labels include `labels`. */
function promValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function metricsOf(gw: GatewayProcess): Promise<string> {
  const res = await fetch(`${gw.url}/metrics`);
  return res.text();
}

/**
 * Goal P9: cached answers at 0 ms upstream against the bare hop, side by side. Two gateways with
 * the read cache on (one with the answer cache off, one with it at its default bound) and the
 * bare hop take alternating segments; each worker asks a page of its own (bench/distinct.ts), so
 * every answer after a worker's first is served from a cache and the bare hop makes its Zoom
 * call each time.
 */
export async function cachedReads(
  ctx: BenchContext,
  arms: { bare: Target; readCache: Target; answers: Target },
  barePid: number,
  gateways: { readCache: GatewayProcess; answers: GatewayProcess },
): Promise<CachedReadsResult> {
  const { settings } = ctx;
  const concurrency = settings.concurrency;
  const order = ['bare', 'readCache', 'answers'] as const;
  type Arm = (typeof order)[number];
  const pools = {
    bare: poolFor(arms.bare.origin, concurrency),
    readCache: poolFor(arms.readCache.origin, concurrency),
    answers: poolFor(arms.answers.origin, concurrency),
  };
  const pids: Record<Arm, number> = { bare: barePid, readCache: gateways.readCache.handle.pid, answers: gateways.answers.handle.pid };
  const rss = { readCache: new RssSampler(pids.readCache).start(), answers: new RssSampler(pids.answers).start() };
  const segments: Record<Arm, LoadResult[]> = { bare: [], readCache: [], answers: [] };
  const cpu: Record<Arm, { ms: number; requests: number; known: boolean }> = {
    bare: { ms: 0, requests: 0, known: true },
    readCache: { ms: 0, requests: 0, known: true },
    answers: { ms: 0, requests: 0, known: true },
  };
  const zoomCalls = { readCache: 0, answers: 0 };
  try {
    await ctx.fake.reset(UPSTREAM_MS);
    for (const arm of order) {
      await closedLoop(pools[arm], arms[arm], { concurrency, warmupMs: settings.warmupSeconds * 1000, durationMs: 0 });
    }
    const segmentMs = (settings.armSeconds * 1000) / settings.segments;
    for (let i = 0; i < settings.segments; i++) {
      for (const arm of order) {
        await ctx.fake.reset(UPSTREAM_MS);
        const before = cpuMs(pids[arm]);
        const result = await closedLoop(pools[arm], arms[arm], { concurrency, warmupMs: RAMP_MS, durationMs: segmentMs });
        const after = cpuMs(pids[arm]);
        segments[arm].push(result);
        if (before === undefined || after === undefined) cpu[arm].known = false;
        else cpu[arm].ms += after - before;
        cpu[arm].requests += result.completedAll;
        if (arm !== 'bare') zoomCalls[arm] += (await ctx.fake.hits()).total;
      }
    }
  } finally {
    rss.readCache.stop();
    rss.answers.stop();
    await Promise.all(Object.values(pools).map((p) => p.close()));
  }
  const bare = summarize(segments.bare);
  const per = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const perRequest = (arm: Arm) => (cpu[arm].known && cpu[arm].requests > 0 ? cpu[arm].ms / cpu[arm].requests : undefined);
  const completed = (arm: Arm) => segments[arm].reduce((n, s) => n + s.completedAll, 0);

  const readText = await metricsOf(gateways.readCache);
  const readHits = promValue(readText, 'zgg_zoom_cache_total', { route: 'users.list', result: 'hit' });
  const readMisses = promValue(readText, 'zgg_zoom_cache_total', { route: 'users.list', result: 'miss' });
  const answerText = await metricsOf(gateways.answers);
  const answerHits = promValue(answerText, 'zgg_answer_cache_total', { result: 'hit' });
  const answerAsked =
    answerHits +
    promValue(answerText, 'zgg_answer_cache_total', { result: 'miss' }) +
    promValue(answerText, 'zgg_answer_cache_total', { result: 'stale' });

  const arm = (name: 'readCache' | 'answers', hitRate: number, answerCacheBytes?: number): CachedArm => {
    const stats = summarize(segments[name]);
    return {
      stats,
      vsBare: per(stats.reqPerSec, bare.reqPerSec),
      cpuMsPerRequest: perRequest(name),
      peakRssMiB: rss[name].overallPeak(),
      zoomCallsPerRequest: per(zoomCalls[name], completed(name)),
      hitRate,
      ...(answerCacheBytes === undefined ? {} : { answerCacheBytes }),
    };
  };
  const readCache = arm('readCache', per(readHits, readHits + readMisses));
  const answers = arm('answers', per(answerHits, answerAsked), promValue(answerText, 'zgg_answer_cache_bytes'));
  const label = `users(first: 30) @ ${UPSTREAM_MS} ms, cached`;
  return {
    upstreamLatencyMs: UPSTREAM_MS,
    concurrency,
    bare,
    readCache,
    answers,
    answerCacheMaxBytes: ANSWER_CACHE_BYTES,
    checks: [
      atLeast(`P9 ${label}: gateway (read cache on) ÷ bare hop req/s`, answers.vsBare, 1.5, '×'),
      atMost(`${label}: answer cache bytes`, answers.answerCacheBytes ?? 0, ANSWER_CACHE_BYTES),
      atMost(`${label}: bare hop failed requests`, bare.failed, 0),
      atMost(`${label}: gateway, read cache only, failed requests`, readCache.stats.failed, 0),
      atMost(`${label}: gateway, read cache on, failed requests`, answers.stats.failed, 0),
    ],
  };
}

/** The two gateways of the comparison: the read cache on with a TTL no run outlasts; the answer cache off, and on at its default bound. */
export async function startCachedGateways(ctx: BenchContext): Promise<{ readCache: GatewayProcess; answers: GatewayProcess }> {
  const readCache = await startGateway(ctx.fakeInfo, '', { ZOOM_CACHE_TTL_SECONDS: '600', GRAPHQL_ANSWER_CACHE_BYTES: '0' });
  try {
    const answers = await startGateway(ctx.fakeInfo, '', {
      ZOOM_CACHE_TTL_SECONDS: '600',
      GRAPHQL_ANSWER_CACHE_BYTES: String(ANSWER_CACHE_BYTES),
    });
    return { readCache, answers };
  } catch (err) {
    await readCache.handle.stop();
    throw err;
  }
}
