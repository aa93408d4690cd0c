import type { CachedReadsResult } from './scenarios/cachedReads.js';
import type { DashboardResult } from './scenarios/dashboard.js';
import type { FreshnessResult } from './scenarios/freshness.js';
import type { MeetingsResult } from './scenarios/meetings.js';
import { reportWebinarDashboard, type WebinarDashboardResult } from './scenarios/webinars.js';
import type { MemoryResult } from './scenarios/memory.js';
import type { ParseWorkResult } from './scenarios/parseWork.js';
import type { SubscriptionsResult } from './scenarios/subscriptions.js';
import type { ThroughputResult } from './scenarios/throughput.js';
import type { TokenResult } from './scenarios/tokens.js';
import type { BenchSettings } from './settings.js';
import type { Check } from './stats.js';
import { fmt, renderTable, signed } from './table.js';

/** Everything a run measured; also what `bench/results/latest.json` holds. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    platform: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  settings: BenchSettings;
  gateway: { idleRssMiB: number; peakRssMiB: number; nodeOptions: string };
  throughput: ThroughputResult[];
  cachedReads: CachedReadsResult;
  tokens: TokenResult;
  meetings: MeetingsResult;
  webinars: WebinarDashboardResult;
  memory: MemoryResult;
  dashboard: DashboardResult;
  subscriptions: SubscriptionsResult;
  freshness: FreshnessResult;
  parseWork: ParseWorkResult;
  checks: Check[];
}

const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');

/** The run as text: one table per comparison, then every target with PASS/MISS. */
export function report(r: BenchResults): string {
  const out: string[] = [];
  const s = r.settings;
  out.push(
    `zoom-graphql-gateway bench — ${r.machine.cpus} cores (${r.machine.cpuModel}), node ${r.machine.node}, load average ${load(r.machine.loadAverageBefore)} → ${load(r.machine.loadAverageAfter)}`,
    '',
    `1) users(first: 30): gateway vs the same REST call direct (keep-alive, ${s.concurrency} concurrent, ${s.armSeconds} s per arm in ${s.segments} alternating segments, ${s.warmupSeconds} s warm-up discarded)`,
    renderTable(
      [
        'upstream',
        'direct req/s',
        'gateway req/s',
        'ratio',
        'direct p50',
        'gateway p50',
        'added p50',
        'direct p99',
        'gateway p99',
        'added p99',
        'gw CPU/req',
        'Zoom calls/req',
      ],
      r.throughput.map((t) => [
        `${t.upstreamLatencyMs} ms`,
        t.direct.reqPerSec,
        t.gateway.reqPerSec,
        `${fmt(t.ratio)}×`,
        `${fmt(t.direct.p50Ms)} ms`,
        `${fmt(t.gateway.p50Ms)} ms`,
        `${signed(t.addedP50Ms)} ms`,
        `${fmt(t.direct.p99Ms)} ms`,
        `${fmt(t.gateway.p99Ms)} ms`,
        `${signed(t.addedP99Ms)} ms`,
        t.gatewayCpuMsPerRequest === undefined ? 'n/a' : `${fmt(t.gatewayCpuMsPerRequest)} ms`,
        fmt(t.upstreamCallsPerGatewayRequest),
      ]),
    ),
    '',
    `   The same call through a bare hop (bench/bareHop.ts: Fastify + undici + JSON, no GraphQL) — what any extra hop costs on this machine —`,
    `   and behind an Apollo hop (bench/apolloHop.ts: the bare hop's work in a resolver of Apollo Server 5 with the gateway's executor, nothing else of the gateway's) — what the GraphQL server alone costs:`,
    renderTable(
      [
        'upstream',
        'bare req/s',
        'bare/direct',
        'bare added p50',
        'bare added p99',
        'Apollo hop req/s',
        'Apollo/bare',
        'gateway/bare',
        'gateway/Apollo',
        'CPU/req bare, Apollo, gateway',
      ],
      r.throughput.map((t) => [
        `${t.upstreamLatencyMs} ms`,
        t.bare.reqPerSec,
        `${fmt(t.bareRatio)}×`,
        `${signed(t.bareAddedP50Ms)} ms`,
        `${signed(t.bareAddedP99Ms)} ms`,
        t.apollo.reqPerSec,
        `${fmt(t.apolloVsBare)}×`,
        `${fmt(t.gatewayVsBare)}×`,
        `${fmt(t.gatewayVsApollo)}×`,
        [t.bareCpuMsPerRequest, t.apolloCpuMsPerRequest, t.gatewayCpuMsPerRequest]
          .map((v) => (v === undefined ? 'n/a' : fmt(v)))
          .join(', ') + ' ms',
      ]),
    ),
    '',
  );
  out.push(reportCachedReads(r.cachedReads), '');
  const t = r.tokens;
  out.push(
    `2) token requests: ${t.tokenRequests} for ${t.queries} queries on a cold gateway (${t.concurrency} concurrent, ${fmt(t.seconds)} s, ${t.ok} ok, ${t.failed} failed)`,
    '',
  );
  const m = r.meetings;
  if ('skipped' in m) out.push(`3) meetings with hosts: skipped: ${m.skipped}`, '');
  else {
    const routes = Object.entries(m.byRoute)
      .map(([route, n]) => `${route} ${fmt(n)}`)
      .join(', ');
    out.push(
      `3) ${m.meetings} meetings of ${m.hosts} hosts with host { email }, one operation (${m.hosts} aliased lists): ${fmt(m.callsPerQuery)} Zoom calls per query (${routes}); one look-up per meeting would be ${m.naiveCallsPerQuery}; median ${fmt(m.medianQueryMs)} ms at ${m.upstreamLatencyMs} ms upstream latency`,
      '',
    );
  }
  out.push(reportWebinarDashboard(r.webinars), '');
  const d = r.dashboard;
  out.push(
    `4) dashboard load: ${d.clients} clients on users(status: ACTIVE, first: 30) for ${d.seconds} s at ${d.upstreamLatencyMs} ms upstream, gateway with pro pacing and the read cache on: ${fmt(d.gateway.reqPerSec)} answers/s (p50 ${fmt(d.gateway.p50Ms)} ms, p99 ${fmt(d.gateway.p99Ms)} ms, ${d.gateway.failed} failed) from ${d.zoomCalls} Zoom calls; clients calling Zoom directly get at most the plan's ${d.directReqPerSec}/s: ${fmt(d.ratio)}×`,
    '',
  );
  const mem = r.memory;
  out.push(
    `5) ${mem.inflight} concurrent requests at ${mem.upstreamLatencyMs} ms upstream latency: gateway RSS ${fmt(mem.rssBeforeMiB)} MiB before, peak ${fmt(mem.rssPeakMiB)} MiB (idle after start ${fmt(r.gateway.idleRssMiB)} MiB, peak over the whole run ${fmt(r.gateway.peakRssMiB)} MiB); ${fmt(mem.load.reqPerSec)} req/s, p50 ${fmt(mem.load.p50Ms)} ms, p99 ${fmt(mem.load.p99Ms)} ms, ${mem.load.failed} failed${r.gateway.nodeOptions ? ` (gateway NODE_OPTIONS="${r.gateway.nodeOptions}")` : ''}`,
    '',
    reportSubscriptions(r.subscriptions),
    '',
    reportFreshness(r.freshness),
    '',
    reportParseWork(r.parseWork),
    '',
    'Targets',
    renderTable(
      ['target', 'measured', 'goal', 'result'],
      r.checks.map((c) => [c.what, fmt(c.actual), c.target, c.pass ? 'PASS' : 'MISS']),
    ),
  );
  const missed = r.checks.filter((c) => !c.pass).length;
  out.push('', `${r.checks.length - missed} of ${r.checks.length} targets met.`);
  return out.join('\n');
}

export function reportCachedReads(c: CachedReadsResult): string {
  const mib = (bytes: number | undefined) =>
    bytes === undefined ? 'off' : `${fmt(bytes / 2 ** 20)} MiB of ${fmt(c.answerCacheMaxBytes / 2 ** 20)}`;
  return [
    `1b) P9, cached answers: users(first: 30) at ${c.upstreamLatencyMs} ms upstream, ${c.concurrency} workers each on a page of its own, every answer after a worker's first from a cache; alternating segments beside the bare hop (which makes its Zoom call each time)`,
    renderTable(
      ['arm', 'req/s', '÷ bare hop', 'p50', 'p99', 'CPU/req', 'Zoom calls/req', 'hit rate', 'peak RSS', 'answer cache'],
      [
        ['bare hop', c.bare.reqPerSec, '1.00×', `${fmt(c.bare.p50Ms)} ms`, `${fmt(c.bare.p99Ms)} ms`, '', '1', '', '', ''],
        ...(
          [
            ['gateway, read cache only (GRAPHQL_ANSWER_CACHE_BYTES=0)', c.readCache],
            ['gateway, read cache on (answer cache)', c.answers],
          ] as const
        ).map(([name, a]) => [
          name,
          a.stats.reqPerSec,
          `${fmt(a.vsBare)}×`,
          `${fmt(a.stats.p50Ms)} ms`,
          `${fmt(a.stats.p99Ms)} ms`,
          a.cpuMsPerRequest === undefined ? 'n/a' : `${fmt(a.cpuMsPerRequest)} ms`,
          fmt(a.zoomCallsPerRequest),
          `${fmt(a.hitRate * 100)} %`,
          `${fmt(a.peakRssMiB)} MiB`,
          mib(a.answerCacheBytes),
        ]),
      ],
    ),
  ].join('\n');
}

export function reportSubscriptions(s: SubscriptionsResult): string {
  if ('skipped' in s) return `6) subscriptions: skipped: ${s.skipped}`;
  const servers = s.warmUpBursts > 0 ? `after ${s.warmUpBursts} unmeasured burst(s) to each arm` : 'servers cold';
  const kilo = (n: number) => `${fmt(n / 1000)} k`;
  const instructions = s.instructions
    ? `; instructions per delivery of one replica under callgrind (main thread + V8's other threads): gateway ${kilo(s.instructions.gateway.mainThread)} + ${kilo(s.instructions.gateway.otherThreads)}, bare fan-out ${kilo(s.instructions.bare.mainThread)} + ${kilo(s.instructions.bare.otherThreads)}`
    : '';
  return `6) subscriptions: ${s.subscribers} subscribers over ${s.replicas} replicas on one Redis, a burst of ${s.webhooks} signed webhooks for ${s.meetings} meetings (${servers}): ${s.delivered} of ${s.expected} events delivered (${s.missing} missing, ${s.duplicates} duplicated, ${s.outOfOrder} out of order, ${s.foreign} foreign); webhook 200 → subscriber p50 ${fmt(s.p50Ms)} ms, p99 ${fmt(s.p99Ms)} ms, max ${fmt(s.maxMs)} ms (p99 from the webhook's sending ${fmt(s.p99FromSendMs)} ms); CPU per delivery: replicas ${fmt(s.gatewayCpuUsPerDelivery)} µs, bench process ${fmt(s.harnessCpuUsPerDelivery)} µs. Bare fan-out side by side (bench/bareFanout.ts, same burst): ${s.bare.delivered} delivered, p50 ${fmt(s.bare.p50Ms)} ms, p99 ${fmt(s.bare.p99Ms)} ms (from sending ${fmt(s.bare.p99FromSendMs)} ms); CPU per delivery ${fmt(s.bare.cpuUsPerDelivery)} µs, bench process ${fmt(s.bare.harnessCpuUsPerDelivery)} µs; gateway RSS per idle subscriber ${s.rssPerIdleSubscriberKiB} KiB (load average ${fmt(s.loadAverage)})${instructions}`;
}

export function reportParseWork(p: ParseWorkResult): string {
  const shapes = p.cpuPerDocumentMs.map((c) => `${c.shape} (${fmt(c.bytes / 1024)} KiB, ${c.limit}) ${fmt(c.cpuMs)} ms`).join('; ');
  return `8) expensive documents, each unique: gateway CPU per refused document: ${shapes}. A victim's users(first: 30) p50 ${fmt(p.victimP50Ms.baseline)} ms alone, ${fmt(p.victimP50Ms.underAttack)} ms while ${p.attackers} concurrent senders had ${p.attackDocuments} such documents answered (gateway CPU ${fmt(p.gatewayCpuShareUnderAttack * 100)} % of a core meanwhile)`;
}

export function reportFreshness(f: FreshnessResult): string {
  if ('skipped' in f) return `7) freshness: skipped: ${f.skipped}`;
  return `7) freshness: ${f.rounds} out-of-band changes (a meeting's topic, a user's name) over ${f.replicas} replicas on one Redis, read cache on (TTL ${f.ttlSeconds} s), ${f.upstreamLatencyMs} ms upstream: ${f.staleAfterWindow} stale reads 100 ms or more after the webhook's 200 (${f.staleAtWindow} of the reads made at exactly 200 + 100 ms), of ${f.reads} reads (${f.failed} failed); the new data is read from every replica ${fmt(f.visibleP50Ms)} ms after the 200 at the median, ${fmt(f.visibleMaxMs)} ms at most; change → webhook 200 ${fmt(f.deliveryP50Ms)} ms (median); Zoom calls for cached reads before each change: ${f.zoomCallsWhileCached}`;
}
