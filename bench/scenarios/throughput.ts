import type { BenchContext } from '../context.js';
import { closedLoop, poolFor, type LoadResult, type Target } from '../loadgen.js';
import { cpuMs } from '../procStats.js';
import { atLeast, atMost, summarize, type ArmStats, type Check } from '../stats.js';

export interface ThroughputTargets {
  minRatio: number;
  /** gateway req/s ÷ bare hop req/s, caching off (the uncached path). */
  minVsBare?: number;
  maxAddedP50Ms?: number;
  maxAddedP99Ms?: number;
}

export interface ThroughputResult {
  upstreamLatencyMs: number;
  concurrency: number;
  direct: ArmStats;
  gateway: ArmStats;
  /** The same call through bench/bareHop.ts: what any extra Node HTTP hop costs here. */
  bare: ArmStats;
  /** The same call behind bench/apolloHop.ts: what the GraphQL server alone costs here. */
  apollo: ArmStats;
  /** Apollo hop req/s ÷ bare hop req/s: the best the gateway's GraphQL stack reaches. */
  apolloVsBare: number;
  /** gateway req/s ÷ Apollo hop req/s: what the gateway's own work costs on top. */
  gatewayVsApollo: number;
  /** CPU time per request of the bare hop and the Apollo hop processes, ms. */
  bareCpuMsPerRequest: number | undefined;
  apolloCpuMsPerRequest: number | undefined;
  /** gateway req/s ÷ direct req/s */
  ratio: number;
  /** bare hop req/s ÷ direct req/s: the best ratio any hop reaches on this machine. */
  bareRatio: number;
  /** gateway req/s ÷ bare hop req/s: what GraphQL, auth and the token cache cost on top. */
  gatewayVsBare: number;
  bareAddedP50Ms: number;
  bareAddedP99Ms: number;
  addedP50Ms: number;
  addedP99Ms: number;
  /** Gateway process CPU time per request (user + system), ms. */
  gatewayCpuMsPerRequest: number | undefined;
  /** req/s of each segment in run order, to see drift and noise between the alternating runs. */
  segmentReqPerSec: { direct: number[]; gateway: number[]; bare: number[]; apollo: number[] };
  /** Zoom calls the fake saw per gateway request: 1 means the comparison is like for like. */
  upstreamCallsPerGatewayRequest: number;
  checks: Check[];
}

const RAMP_MS = 300;

export type Arms = { direct: Target; gateway: Target; bare: Target; apollo: Target };

/**
 * The same Zoom call directly, through a bare hop and through the gateway, at one upstream
 * latency: every arm on the same closed-loop generator, concurrency and duration, warm-up
 * discarded, segments alternating (ABCABC) so drift on a shared machine hits all alike.
 */
export async function compareThroughput(
  ctx: BenchContext,
  upstreamLatencyMs: number,
  arms: Arms,
  targets: ThroughputTargets,
  pids: { bare: number; apollo: number },
): Promise<ThroughputResult> {
  const { settings } = ctx;
  const concurrency = settings.concurrency;
  const order = ['direct', 'bare', 'apollo', 'gateway'] as const;
  const pools = {
    direct: poolFor(arms.direct.origin, concurrency),
    bare: poolFor(arms.bare.origin, concurrency),
    apollo: poolFor(arms.apollo.origin, concurrency),
    gateway: poolFor(arms.gateway.origin, concurrency),
  };
  const segments: Record<(typeof order)[number], LoadResult[]> = { direct: [], bare: [], apollo: [], gateway: [] };
  const pidOf = { direct: undefined, bare: pids.bare, apollo: pids.apollo, gateway: ctx.gatewayPid };
  const cpu = { bare: new CpuTally(), apollo: new CpuTally(), gateway: new CpuTally() };
  let gatewayCompleted = 0;
  let upstreamCalls = 0;
  try {
    await ctx.fake.reset(upstreamLatencyMs);
    for (const arm of order) {
      await closedLoop(pools[arm], arms[arm], { concurrency, warmupMs: settings.warmupSeconds * 1000, durationMs: 0 });
    }
    const segmentMs = (settings.armSeconds * 1000) / settings.segments;
    for (let i = 0; i < settings.segments; i++) {
      for (const arm of order) {
        // A fresh request log per segment: the fake's bookkeeping must not grow through the run.
        await ctx.fake.reset(upstreamLatencyMs);
        const pid = pidOf[arm];
        const before = pid === undefined ? undefined : cpuMs(pid);
        const result = await closedLoop(pools[arm], arms[arm], { concurrency, warmupMs: RAMP_MS, durationMs: segmentMs });
        segments[arm].push(result);
        if (arm === 'direct') continue;
        cpu[arm].add(before, pid === undefined ? undefined : cpuMs(pid), result.completedAll);
        if (arm !== 'gateway') continue;
        gatewayCompleted += result.completedAll;
        upstreamCalls += (await ctx.fake.hits()).total;
      }
    }
  } finally {
    await Promise.all(Object.values(pools).map((p) => p.close()));
  }
  const direct = summarize(segments.direct);
  const gateway = summarize(segments.gateway);
  const bare = summarize(segments.bare);
  const apollo = summarize(segments.apollo);
  const per = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const ratio = per(gateway.reqPerSec, direct.reqPerSec);
  const addedP50Ms = gateway.p50Ms - direct.p50Ms;
  const addedP99Ms = gateway.p99Ms - direct.p99Ms;
  const label = `users(first: 30) @ ${upstreamLatencyMs} ms`;
  const checks: Check[] = [atLeast(`${label}: gateway/direct req/s`, ratio, targets.minRatio, '×')];
  if (targets.minVsBare !== undefined)
    checks.push(atLeast(`${label}: uncached gateway/bare hop req/s`, per(gateway.reqPerSec, bare.reqPerSec), targets.minVsBare, '×'));
  if (targets.maxAddedP50Ms !== undefined) checks.push(atMost(`${label}: added p50`, addedP50Ms, targets.maxAddedP50Ms, ' ms'));
  if (targets.maxAddedP99Ms !== undefined) checks.push(atMost(`${label}: added p99`, addedP99Ms, targets.maxAddedP99Ms, ' ms'));
  for (const [name, stats] of [
    ['direct', direct],
    ['bare hop', bare],
    ['Apollo hop', apollo],
    ['gateway', gateway],
  ] as const) {
    // A run with failures measures error paths, not the gateway: never let it pass.
    checks.push(atMost(`${label}: ${name} failed requests`, stats.failed, 0));
  }
  return {
    upstreamLatencyMs,
    concurrency,
    direct,
    gateway,
    bare,
    apollo,
    ratio,
    bareRatio: per(bare.reqPerSec, direct.reqPerSec),
    gatewayVsBare: per(gateway.reqPerSec, bare.reqPerSec),
    apolloVsBare: per(apollo.reqPerSec, bare.reqPerSec),
    gatewayVsApollo: per(gateway.reqPerSec, apollo.reqPerSec),
    addedP50Ms,
    addedP99Ms,
    bareAddedP50Ms: bare.p50Ms - direct.p50Ms,
    bareAddedP99Ms: bare.p99Ms - direct.p99Ms,
    segmentReqPerSec: {
      direct: segments.direct.map((r) => r.ok / r.seconds),
      bare: segments.bare.map((r) => r.ok / r.seconds),
      gateway: segments.gateway.map((r) => r.ok / r.seconds),
      apollo: segments.apollo.map((r) => r.ok / r.seconds),
    },
    gatewayCpuMsPerRequest: cpu.gateway.perRequest(),
    bareCpuMsPerRequest: cpu.bare.perRequest(),
    apolloCpuMsPerRequest: cpu.apollo.perRequest(),
    upstreamCallsPerGatewayRequest: gatewayCompleted > 0 ? upstreamCalls / gatewayCompleted : Number.NaN,
    checks,
  };
}

/** A process's CPU time over the segments it served; undefined once a reading failed. */
class CpuTally {
  private ms = 0;
  private requests = 0;
  private known = true;

  add(before: number | undefined, after: number | undefined, requests: number): void {
    if (before === undefined || after === undefined) this.known = false;
    else this.ms += after - before;
    this.requests += requests;
  }

  perRequest(): number | undefined {
    return this.known && this.requests > 0 ? this.ms / this.requests : undefined;
  }
}
