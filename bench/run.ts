import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { directBaseline } from './baseline.js';
import type { BenchContext } from './context.js';
import { FakeAdmin } from './fakeAdmin.js';
import { startApolloHop, startBareHop, startFake, startGateway, type ChildHandle } from './processes.js';
import { RssSampler, rssMiB } from './procStats.js';
import { report, type BenchResults } from './report.js';
import { rssUnderLoad } from './scenarios/memory.js';
import { dashboardLoad } from './scenarios/dashboard.js';
import { freshnessAcrossReplicas } from './scenarios/freshness.js';
import { meetingsWithHosts } from './scenarios/meetings.js';
import { webinarDashboard } from './scenarios/webinars.js';
import { parseWork } from './scenarios/parseWork.js';
import { subscriptionsAcrossReplicas } from './scenarios/subscriptions.js';
import { compareThroughput } from './scenarios/throughput.js';
import { cachedReads, startCachedGateways } from './scenarios/cachedReads.js';
import { tokenRequestsPerQueries } from './scenarios/tokens.js';
import { loadSettings } from './settings.js';
import { distinctPerWorker } from './distinct.js';
import { gatewayTarget, USERS_QUERY } from './targets.js';

/**
 * `npm run bench`: the gateway (its own process) against the same Zoom calls made directly,
 * both hitting one seeded fake Zoom (another process); see README "Performance".
 */

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const children: ChildHandle[] = [];
/** Announces the next step, after checking that neither process died during the last one. */
const step = (line: string) => {
  for (const child of children) child.assertAlive();
  progress(line);
};

const settings = loadSettings(process.env);
const stopAll = () => Promise.all(children.map((c) => c.stop()));
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

try {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  progress('starting the fake Zoom and the gateway');
  const fakeProcess = await startFake();
  children.push(fakeProcess.handle);
  const fake = new FakeAdmin(fakeProcess.info.url);
  await fake.reset(0);
  // NODE_OPTIONS for the gateway process only, e.g. a heap ceiling (README "Performance").
  const gatewayNodeOptions = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '';
  const gatewayProcess = await startGateway(fakeProcess.info, gatewayNodeOptions);
  children.push(gatewayProcess.handle);
  const rss = new RssSampler(gatewayProcess.handle.pid).start();
  const ctx: BenchContext = {
    settings,
    fake,
    fakeInfo: fakeProcess.info,
    gatewayUrl: gatewayProcess.url,
    gatewayHeaders: gatewayProcess.headers,
    gatewayUserHeaders: gatewayProcess.userHeaders,
    gatewayPid: gatewayProcess.handle.pid,
    rss,
  };
  const idleRssMiB = rssMiB(ctx.gatewayPid);
  const gateway = gatewayTarget(ctx.gatewayUrl, ctx.gatewayHeaders, USERS_QUERY);

  // Token counting needs the cold cache, so it runs before anything else touches the gateway.
  step(`token requests: ${settings.tokenQueries} queries on a cold gateway`);
  const tokens = await tokenRequestsPerQueries(ctx, gateway, settings.tokenQueries);

  // The direct arm repeats exactly the REST call the gateway makes for the query.
  const direct = await directBaseline(ctx, gateway);
  const bareProcess = await startBareHop(direct);
  children.push(bareProcess.handle);
  const bare = { ...gatewayTarget(bareProcess.url, {}, USERS_QUERY), name: 'bare hop' };
  const apolloProcess = await startApolloHop(direct);
  children.push(apolloProcess.handle);
  const apollo = { ...gatewayTarget(apolloProcess.url, {}, USERS_QUERY), name: 'Apollo hop' };
  const arms = distinctPerWorker({ direct, gateway, bare, apollo }, settings.concurrency);
  const hopPids = { bare: bareProcess.handle.pid, apollo: apolloProcess.handle.pid };

  step(`users(first: 30) at 50 ms upstream latency: ${settings.concurrency} workers, ${settings.armSeconds} s per arm`);
  const at50 = await compareThroughput(ctx, 50, arms, { minRatio: 0.97, minVsBare: 0.95, maxAddedP50Ms: 2, maxAddedP99Ms: 10 }, hopPids);
  step('users(first: 30) at 0 ms upstream latency');
  const at0 = await compareThroughput(ctx, 0, arms, { minRatio: 0.5, minVsBare: 0.6 }, hopPids);

  step(`P9: cached answers at 0 ms beside the bare hop: ${settings.concurrency} workers, ${settings.armSeconds} s per arm`);
  const cachedGateways = await startCachedGateways(ctx);
  children.push(cachedGateways.readCache.handle, cachedGateways.answers.handle);
  const cachedArms = distinctPerWorker(
    {
      direct,
      bare,
      readCache: gatewayTarget(cachedGateways.readCache.url, cachedGateways.readCache.headers, USERS_QUERY),
      answers: gatewayTarget(cachedGateways.answers.url, cachedGateways.answers.headers, USERS_QUERY),
    },
    settings.concurrency,
  );
  const cached = await cachedReads(ctx, cachedArms, bareProcess.handle.pid, cachedGateways);
  for (const child of [cachedGateways.readCache.handle, cachedGateways.answers.handle]) {
    child.assertAlive();
    children.splice(children.indexOf(child), 1);
    await child.stop();
  }

  step('300 meetings with hosts');
  const meetings = await meetingsWithHosts(ctx);
  step('a webinar dashboard in one operation');
  const webinars = await webinarDashboard(ctx);

  step(`dashboard load: 50 clients on users(status: ACTIVE, first: 30), pro pacing, read cache on, ${settings.dashboardSeconds} s`);
  const dashboard = await dashboardLoad(ctx, settings.dashboardSeconds);

  step(`RSS at ${settings.inflight} concurrent requests`);
  const memory = await rssUnderLoad(ctx, gateway);

  // After the memory scenario: the senders' megabyte bodies grow the gateway's heap, which the
  // RSS measured next would otherwise carry (140 -> 218-243 MiB before its first request).
  step("expensive documents: CPU per refused document, a victim's p50 while 4 senders send them");
  const parse = await parseWork(ctx);
  rss.stop();
  for (const child of children) child.assertAlive();
  step('subscriptions: 1,000 subscribers over three replicas on one Redis, a burst of 100 webhooks');
  const subscriptions = await subscriptionsAcrossReplicas(fakeProcess.info);
  // Last: it changes a meeting and a user in the fake.
  step('freshness: out-of-band changes and their webhooks, read on three replicas on one Redis');
  const freshness = await freshnessAcrossReplicas(fakeProcess.info, fake);

  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: 'npm run bench',
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    settings,
    gateway: { idleRssMiB, peakRssMiB: rss.overallPeak(), nodeOptions: gatewayNodeOptions },
    throughput: [at50, at0],
    cachedReads: cached,
    tokens,
    meetings,
    webinars,
    memory,
    dashboard,
    subscriptions,
    freshness,
    parseWork: parse,
    checks: [
      ...parse.checks,
      ...('checks' in subscriptions ? subscriptions.checks : []),
      ...('checks' in freshness ? freshness.checks : []),
      ...at50.checks,
      ...at0.checks,
      ...cached.checks,
      ...tokens.checks,
      ...meetings.checks,
      ...webinars.checks,
      ...dashboard.checks,
      ...memory.checks,
    ],
  };
  process.stdout.write(`${report(results)}\n`);
  const dir = new URL('./results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL('latest.json', dir), `${JSON.stringify(results, null, 2)}\n`);
  progress('wrote bench/results/latest.json');
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
