import { PLAN_RATES } from '../../src/zoom/pacerLimits.js';
import type { BenchContext } from '../context.js';
import { closedLoop, poolFor } from '../loadgen.js';
import { startGateway } from '../processes.js';
import { atLeast, atMost, summarize, type ArmStats, type Check } from '../stats.js';
import { gatewayTarget } from '../targets.js';

export interface DashboardResult {
  clients: number;
  seconds: number;
  upstreamLatencyMs: number;
  /** The gateway with its defaults: `pro` pacing, read cache on. */
  gateway: ArmStats;
  /** What clients calling `GET /users` directly can get at most: the plan's published rate. */
  directReqPerSec: number;
  ratio: number;
  /** Zoom calls the gateway made during the measured run. */
  zoomCalls: number;
  checks: Check[];
}

/** A dashboard's tabs: every client asks the same page again as soon as it has its answer. */
const DASHBOARD_QUERY = '{ users(status: ACTIVE, first: 30) { totalCount nodes { id email firstName lastName status } } }';
const CLIENTS = 50;
const LATENCY_MS = 50;

/**
 * The dashboard load: 50 clients in a closed loop on one users page, through a gateway
 * with its production defaults (`pro` pacing, ZOOM_CACHE_TTL_SECONDS=60), against the rate the
 * same clients could reach calling Zoom directly: Pro allows `GET /users` (medium) 20/s.
 */
export async function dashboardLoad(ctx: BenchContext, seconds: number): Promise<DashboardResult> {
  const gw = await startGateway(ctx.fakeInfo, '', { ZOOM_RATE_LIMIT_PLAN: 'pro', ZOOM_CACHE_TTL_SECONDS: '60' });
  const pool = poolFor(gw.url, CLIENTS);
  try {
    await ctx.fake.reset(LATENCY_MS);
    const target = gatewayTarget(gw.url, gw.headers, DASHBOARD_QUERY);
    const result = await closedLoop(pool, target, { concurrency: CLIENTS, warmupMs: 1000, durationMs: seconds * 1000 });
    const zoomCalls = (await ctx.fake.hits()).routes['users.list'] ?? 0;
    const gateway = summarize([result]);
    const directReqPerSec = PLAN_RATES.pro.medium;
    const ratio = gateway.reqPerSec / directReqPerSec;
    const label = `dashboard: ${CLIENTS} clients on users(status: ACTIVE, first: 30)`;
    return {
      clients: CLIENTS,
      seconds,
      upstreamLatencyMs: LATENCY_MS,
      gateway,
      directReqPerSec,
      ratio,
      zoomCalls,
      checks: [
        atLeast(`${label}: gateway answers/s vs direct at the plan's rate`, ratio, 20, '×'),
        atMost(`${label}: failed (ZOOM_RATE_LIMITED or other)`, gateway.failed, 0),
      ],
    };
  } finally {
    await pool.close();
    await gw.handle.stop();
  }
}
