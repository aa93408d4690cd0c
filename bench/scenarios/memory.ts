import type { BenchContext } from '../context.js';
import { closedLoop, poolFor, type Target } from '../loadgen.js';
import { rssMiB } from '../procStats.js';
import { atMost, summarize, type ArmStats, type Check } from '../stats.js';

export interface MemoryResult {
  inflight: number;
  upstreamLatencyMs: number;
  /** Gateway RSS just before the burst, MiB. */
  rssBeforeMiB: number;
  /** Peak gateway RSS while `inflight` requests were open, MiB. */
  rssPeakMiB: number;
  load: ArmStats;
  checks: Check[];
}

const WARMUP_MS = 1000;
/** 256 MB (decimal), the target, in MiB. */
const TARGET_MIB = Math.round((256e6 / 2 ** 20) * 100) / 100;
const DURATION_MS = 5000;

/**
 * `inflight` clients each keep one query open against a slow Zoom, so the gateway holds that
 * many requests at once (most of them queued for one of its upstream connections); its RSS
 * is sampled every 50 ms from outside the process.
 */
export async function rssUnderLoad(ctx: BenchContext, gateway: Target): Promise<MemoryResult> {
  const { inflight, inflightLatencyMs } = ctx.settings;
  await ctx.fake.reset(inflightLatencyMs);
  const rssBeforeMiB = rssMiB(ctx.gatewayPid);
  const pool = poolFor(gateway.origin, inflight);
  ctx.rss.mark();
  try {
    const run = await closedLoop(pool, gateway, { concurrency: inflight, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
    const rssPeakMiB = ctx.rss.peak();
    const load = summarize([run]);
    return {
      inflight,
      upstreamLatencyMs: inflightLatencyMs,
      rssBeforeMiB,
      rssPeakMiB,
      load,
      checks: [
        // The target is 256 MB (decimal): 244.14 MiB.
        atMost(`gateway peak RSS at ${inflight} concurrent requests (256 MB)`, rssPeakMiB, TARGET_MIB, ' MiB'),
        atMost(`memory scenario: failed requests`, load.failed, 0),
      ],
    };
  } finally {
    await pool.close();
    await ctx.fake.reset(0);
  }
}
