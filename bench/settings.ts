/** Knobs of a bench run; with the defaults a whole run takes about four minutes on 2 cores. */
export interface BenchSettings {
  /** Measured seconds per arm and upstream latency, split over `segments` alternating runs. */
  armSeconds: number;
  /** Segments per arm (ABAB…), each preceded by a short discarded ramp. */
  segments: number;
  /** Discarded warm-up per arm before the first segment, seconds. */
  warmupSeconds: number;
  /** Closed-loop workers in the throughput comparison (same for both arms). */
  concurrency: number;
  /** Queries in the token scenario. */
  tokenQueries: number;
  /** Workers in flight at once in the memory scenario. */
  inflight: number;
  /** Upstream latency in the memory scenario, long enough for every request to overlap. */
  inflightLatencyMs: number;
  /** Measured seconds of the dashboard load (50 clients, `pro` pacing, read cache on). */
  dashboardSeconds: number;
}

export const DEFAULTS: BenchSettings = {
  armSeconds: 10,
  segments: 4,
  warmupSeconds: 2,
  concurrency: 16,
  tokenQueries: 10_000,
  inflight: 1000,
  inflightLatencyMs: 200,
  dashboardSeconds: 30,
};

const ENV: Record<keyof BenchSettings, string> = {
  armSeconds: 'BENCH_ARM_SECONDS',
  segments: 'BENCH_SEGMENTS',
  warmupSeconds: 'BENCH_WARMUP_SECONDS',
  concurrency: 'BENCH_CONCURRENCY',
  tokenQueries: 'BENCH_TOKEN_QUERIES',
  inflight: 'BENCH_INFLIGHT',
  inflightLatencyMs: 'BENCH_INFLIGHT_LATENCY_MS',
  dashboardSeconds: 'BENCH_DASHBOARD_SECONDS',
};

/** Defaults, each overridable by its BENCH_* variable; every bad value is reported at once. */
export function loadSettings(env: Record<string, string | undefined>): BenchSettings {
  const settings = { ...DEFAULTS };
  const problems: string[] = [];
  for (const key of Object.keys(ENV) as Array<keyof BenchSettings>) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    const fractional = key === 'armSeconds' || key === 'warmupSeconds';
    if (!Number.isFinite(n) || n <= 0 || (!fractional && !Number.isInteger(n))) {
      problems.push(`${ENV[key]} must be a positive ${fractional ? 'number' : 'integer'} (got "${raw}")`);
    } else settings[key] = n;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return settings;
}

export const SETTINGS_ENV = ENV;
