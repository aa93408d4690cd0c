import type { LoadResult } from './loadgen.js';

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be 0–100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface ArmStats {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  failed: number;
  seconds: number;
  firstFailure?: string;
}

/** One arm's segments (ABAB) pooled: requests over total measured time, percentiles over all samples. */
export function summarize(segments: readonly LoadResult[]): ArmStats {
  const latencies = segments.flatMap((s) => s.latenciesMs);
  const ok = segments.reduce((n, s) => n + s.ok, 0);
  const failed = segments.reduce((n, s) => n + s.failed, 0);
  const seconds = segments.reduce((n, s) => n + s.seconds, 0);
  const firstFailure = segments.find((s) => s.firstFailure !== undefined)?.firstFailure;
  return {
    reqPerSec: seconds > 0 ? ok / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    ok,
    failed,
    seconds,
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

export interface Check {
  /** What is compared, e.g. "req/s ratio". */
  what: string;
  actual: number;
  /** Human form of the target, e.g. "≥ 0.97". */
  target: string;
  pass: boolean;
}

export const atLeast = (what: string, actual: number, min: number, unit = ''): Check => ({
  what,
  actual,
  target: `≥ ${min}${unit}`,
  pass: actual >= min,
});

export const atMost = (what: string, actual: number, max: number, unit = ''): Check => ({
  what,
  actual,
  target: `≤ ${max}${unit}`,
  pass: actual <= max,
});
