import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  redisReachable,
  sendWebhookBurst,
  startBareFanout,
  startGateway,
  type ChildHandle,
  type FakeInfo,
  type GatewayProcess,
} from '../processes.js';
import { cpuMs, rssMiB } from '../procStats.js';
import { atMost, percentile, type Check } from '../stats.js';

export type SubscriptionsResult =
  | { skipped: string }
  | {
      replicas: number;
      subscribers: number;
      meetings: number;
      webhooks: number;
      /** Events every subscriber should have got, summed. */
      expected: number;
      delivered: number;
      missing: number;
      duplicates: number;
      outOfOrder: number;
      foreign: number;
      p50Ms: number;
      p99Ms: number;
      maxMs: number;
      /** From the moment the webhook was sent rather than answered. */
      p99FromSendMs: number;
      /** CPU time of the three replicas during the burst, per delivery. */
      gatewayCpuUsPerDelivery: number;
      /** The bench process's own CPU time (the 1,000 subscribers), per delivery. */
      harnessCpuUsPerDelivery: number;
      /** The same burst through three bare fan-out processes (bench/bareFanout.ts). */
      bare: {
        delivered: number;
        p50Ms: number;
        p99Ms: number;
        p99FromSendMs: number;
        cpuUsPerDelivery: number;
        harnessCpuUsPerDelivery: number;
      };
      rssPerIdleSubscriberKiB: number;
      /** The machine's 1-minute load average during the burst (other work competes for the cores). */
      loadAverage: number;
      /** Unmeasured bursts each arm's servers had first (BENCH_FANOUT_WARM_UP; 0: they start cold). */
      warmUpBursts: number;
      /**
       * BENCH_FANOUT_CALLGRIND only: instructions one replica of each arm executed for the measured
       * burst (it receives no webhook of its own), per delivery it made; its main thread and V8's others.
       */
      instructions?: { gateway: Instructions; bare: Instructions };
      checks: Check[];
    };

/** Per delivery, of the one replica under callgrind. */
interface Instructions {
  mainThread: number;
  otherThreads: number;
}

const REPLICAS = 3;
const SUBSCRIBERS = 1000;
const MEETINGS = 10;
const WEBHOOKS = 100;
/** Bursts each arm's servers get before the measured one; 0 measures them cold (bench/README.md#subscriptions). */
const WARM_UP_BURSTS = Number(process.env.BENCH_FANOUT_WARM_UP ?? 0);
/**
 * A directory: the first replica of each arm runs under valgrind's callgrind, which counts the
 * instructions it executes during the measured burst (load on the machine does not change them).
 * Webhooks then go to the other replicas only; its latency and CPU figures mean nothing.
 */
const CALLGRIND = process.env.BENCH_FANOUT_CALLGRIND;
const SECRET = 'bench-webhook-secret-token';
const QUERY = 'subscription ($id: ID!) { meetingEvents(meetingId: $id) { meetingId kind sequence occurredAt } }';

interface Received {
  meetingId: string;
  sequence: number;
  occurredAt: string;
  at: number;
}

/** The replicas' RSS together, MiB: the median of 9 samples over 4.5 s (garbage collection moves it). */
async function settledRss(gateways: GatewayProcess[]): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    samples.push(gateways.reduce((sum, g) => sum + rssMiB(g.handle.pid), 0));
    await new Promise((r) => setTimeout(r, 500));
  }
  return percentile(samples, 50);
}

/** Wall-clock time with fractions, comparable with the webhook sender's (bench/webhookSender.ts). */
const now = () => performance.timeOrigin + performance.now();

/**
 * One subscriber: a plain WebSocket speaking graphql-transport-ws (connection_init, subscribe,
 * next). The protocol by hand rather than graphql-ws's client, whose per-message work for a
 * thousand clients in this one process would compete with the gateways for the same two cores.
 */
function subscriber(
  url: string,
  headers: Record<string, string>,
  variables: Record<string, unknown>,
  onNext: (data: Omit<Received, 'at'>) => void,
): Promise<WebSocket> {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: headers })));
    ws.once('close', (code) => reject(new Error(`subscriber closed: ${code}`)));
    ws.once('error', reject);
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; payload?: { data?: { meetingEvents: Omit<Received, 'at'> }; errors?: unknown } };
      if (m.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY, variables } }));
        resolve(ws);
      } else if (m.type === 'next' && m.payload?.data) onNext(m.payload.data.meetingEvents);
      else if (m.type === 'error' || m.payload?.errors) reject(new Error(JSON.stringify(m.payload)));
    });
  });
}

/** Ten events per meeting, as one meeting's life: started, four people in and out, ended. */
function burstEvents(meetingIds: number[], base: number): Array<{ meetingId: number; eventTs: number; body: string }> {
  const out: Array<{ meetingId: number; eventTs: number; body: string }> = [];
  for (const [m, id] of meetingIds.entries()) {
    for (let i = 0; i < WEBHOOKS / MEETINGS; i++) {
      const event =
        i === 0 ? 'meeting.started' : i === 9 ? 'meeting.ended' : i % 2 === 1 ? 'meeting.participant_joined' : 'meeting.participant_left';
      const eventTs = base + m * 100 + i;
      const participant = event.includes('participant')
        ? { participant: { user_name: `Guest ${i >> 1}`, user_id: String(16778240 + (i >> 1)), id: '', join_time: '2026-01-01T00:00:00Z' } }
        : {};
      const object = { id, uuid: `u${id}==`, host_id: 'benchHost', topic: 'Bench', type: 2, ...participant };
      out.push({ meetingId: id, eventTs, body: JSON.stringify({ event, event_ts: eventTs, payload: { account_id: 'bench', object } }) });
    }
  }
  return out;
}

interface Server {
  url: string;
  headers: Record<string, string>;
  pid: number;
}

interface BurstResult {
  subscribed: number;
  delivered: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  foreign: number;
  latencies: number[];
  /** From the moment the webhook was sent (the burst's start: all are sent at once). */
  fromSend: number[];
  /** CPU time of the servers (summed) and of this process during the burst, ms. */
  serverCpuMs: number;
  harnessCpuMs: number;
}

/**
 * SUBSCRIBERS subscribers spread over the servers, each following one of MEETINGS meetings; once
 * `ready` says they are registered, the burst of signed webhooks (spread over the servers, all at
 * once) and what every subscriber got.
 */
async function burst(servers: Server[], sockets: WebSocket[], ready: () => Promise<void>, profiled?: ChildHandle): Promise<BurstResult> {
  const meetingIds = Array.from({ length: MEETINGS }, (_, i) => 81_000_000_000 + i);
  const received: Received[][] = [];
  let subscribed = 0;
  await Promise.all(
    Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const server = servers[i % servers.length]!;
      const got: Received[] = [];
      received.push(got);
      const url = `${server.url.replace(/^http/, 'ws')}/graphql`;
      return subscriber(url, server.headers, { id: String(meetingIds[i % MEETINGS]) }, (e) => got.push({ ...e, at: now() })).then((ws) => {
        sockets.push(ws);
        subscribed++;
      });
    }),
  );
  await ready();
  const perMeeting = WEBHOOKS / MEETINGS;
  const receivers = profiled ? servers.slice(1) : servers;
  const send = (events: ReturnType<typeof burstEvents>) =>
    sendWebhookBurst(
      events.map((e, i) => ({ url: receivers[i % receivers.length]!.url, body: e.body })),
      SECRET,
    );
  const arrived = async (n: number) => {
    const deadline = Date.now() + (profiled ? 600_000 : 15_000);
    while (Date.now() < deadline && received.some((r) => r.length < n)) await new Promise((r) => setTimeout(r, 20));
  };
  for (let w = 1; w <= WARM_UP_BURSTS; w++) {
    await send(burstEvents(meetingIds, Date.now() - w * 60_000));
    await arrived(perMeeting * w);
  }
  if (WARM_UP_BURSTS > 0) {
    for (const got of received) got.length = 0;
    await new Promise((r) => setTimeout(r, 1000));
  }

  const cpuBefore = servers.map((s) => cpuMs(s.pid) ?? NaN);
  const harnessBefore = process.cpuUsage();
  const events = burstEvents(meetingIds, Date.now());
  profiled?.callgrind?.(['-i', 'on']);
  const times = await send(events);
  const answeredAt = new Map(events.map((e, i) => [`${e.meetingId}:${e.eventTs}`, times[i]!]));
  await arrived(perMeeting);
  profiled?.callgrind?.(['-i', 'off']);
  profiled?.callgrind?.(['-d']);
  const harness = process.cpuUsage(harnessBefore);
  const serverCpuMs = servers.reduce((sum, s, i) => sum + ((cpuMs(s.pid) ?? NaN) - cpuBefore[i]!), 0);
  await new Promise((r) => setTimeout(r, 500));

  const r: BurstResult = {
    subscribed,
    delivered: 0,
    missing: 0,
    duplicates: 0,
    outOfOrder: 0,
    foreign: 0,
    latencies: [],
    fromSend: [],
    serverCpuMs,
    harnessCpuMs: (harness.user + harness.system) / 1000,
  };
  for (const [i, got] of received.entries()) {
    const meetingId = String(meetingIds[i % MEETINGS]);
    r.delivered += got.length;
    r.foreign += got.filter((e) => e.meetingId !== meetingId).length;
    const seen = new Set(got.map((e) => e.occurredAt));
    r.duplicates += got.length - seen.size;
    r.missing += Math.max(0, perMeeting - seen.size);
    for (let k = 1; k < got.length; k++) if (got[k]!.sequence !== got[k - 1]!.sequence + 1) r.outOfOrder++;
    for (const e of got) {
      const sent = answeredAt.get(`${e.meetingId}:${Date.parse(e.occurredAt)}`);
      if (sent === undefined) continue;
      r.latencies.push(Math.max(0, e.at - sent.answered));
      r.fromSend.push(e.at - sent.sent);
    }
  }
  return r;
}

/** What callgrind counted for `pid` in its dump, per delivery: `callgrind.out.<pid>.1-<thread>`, thread 01 the main one. */
function instructionsOf(dir: string, pid: number, deliveries: number): Instructions {
  let mainThread = 0;
  let otherThreads = 0;
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`callgrind.out.${pid}.1-`))) {
    const total = Number(/^totals: (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? 0);
    if (file.endsWith('-01')) mainThread += total;
    else otherThreads += total;
  }
  return { mainThread: mainThread / deliveries, otherThreads: otherThreads / deliveries };
}

/**
 * 1,000 subscribers on three gateway processes sharing one Redis, each following one of ten
 * meetings; a burst of 100 signed webhooks (ten per meeting, spread over the replicas, all at
 * once). Every subscriber must get its meeting's ten events once each, in sequence order, and
 * nothing else; latency is from a webhook's 200 (as its sender, a process of its own, saw it)
 * to a subscriber's receipt in the bench process, on the machine's one clock. RSS per idle subscriber is the replicas' growth over those connections.
 * Then the same burst through three bare fan-out processes (bench/bareFanout.ts) on the same
 * Redis, side by side: what the machine itself allows. Before both, an unmeasured burst through
 * bare fan-out processes of its own warms this process, which receives every message of both arms.
 */
export async function subscriptionsAcrossReplicas(
  fake: FakeInfo,
  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<SubscriptionsResult> {
  if (!(await redisReachable(redisUrl))) return { skipped: `Redis (${redisUrl}) is unreachable; set REDIS_URL` };
  const namespace = `bench-live-${randomBytes(4).toString('hex')}`;
  const overrides = {
    CACHE_URL: redisUrl,
    CACHE_NAMESPACE: namespace,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    ZOOM_WEBHOOK_SECRET_TOKEN: SECRET,
    WS_MAX_CONNECTIONS_PER_CALLER: String(SUBSCRIBERS),
  };
  const handles: ChildHandle[] = [];
  const sockets: WebSocket[] = [];
  const closeAll = async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    await Promise.all(handles.splice(0).map((h) => h.stop()));
  };
  const startBares = async (channel: string, callgrind?: string): Promise<{ bares: Server[]; first: ChildHandle }> => {
    const bares: Server[] = [];
    const handlesBefore = handles.length;
    for (let i = 0; i < REPLICAS; i++) {
      const b = await startBareFanout(redisUrl, channel, i === 0 ? callgrind : undefined);
      handles.push(b.handle);
      bares.push({ url: b.url, headers: {}, pid: b.handle.pid });
    }
    return { bares, first: handles[handlesBefore]! };
  };
  // The replica under callgrind serves every REPLICAS-th subscriber, ten events each.
  const profiledDeliveries = Math.ceil(SUBSCRIBERS / REPLICAS) * (WEBHOOKS / MEETINGS);
  const settle = () => new Promise<void>((r) => setTimeout(r, 2000));
  try {
    // This process receives every message of both arms, on the same two cores: its own code must
    // be as warm for the first arm as for the second. A burst through bare fan-out processes of
    // their own, not measured, warms it; the servers of both arms still start cold.
    await burst((await startBares(`${namespace}:warm`)).bares, sockets, settle);
    await closeAll();

    const gateways: GatewayProcess[] = [];
    for (let i = 0; i < REPLICAS; i++) {
      const g = await startGateway(fake, '', overrides, i === 0 ? CALLGRIND : undefined);
      handles.push(g.handle);
      gateways.push(g);
    }
    // Settled first: RSS right after start still moves as code is compiled and the heap grows.
    await new Promise((r) => setTimeout(r, 3000));
    const rssBefore = await settledRss(gateways);
    let rssAfter = NaN;
    const gw = await burst(
      gateways.map((g) => ({ url: g.url, headers: g.headers, pid: g.handle.pid })),
      sockets,
      async () => {
        // Subscriptions are registered once each server has run its subscribe function.
        for (const g of gateways) {
          for (;;) {
            const text = await (await fetch(`${g.url}/metrics`)).text();
            const n = Number(/^zgg_ws_subscriptions\{field="meetingEvents"\} (\d+)/m.exec(text)?.[1] ?? 0);
            if (n >= Math.floor(SUBSCRIBERS / REPLICAS)) break;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        await settle();
        rssAfter = await settledRss(gateways);
      },
      CALLGRIND ? gateways[0]!.handle : undefined,
    );
    const gatewayInstructions = CALLGRIND ? instructionsOf(CALLGRIND, gateways[0]!.handle.pid, profiledDeliveries) : undefined;
    await closeAll();

    const bares = await startBares(`${namespace}:bare`, CALLGRIND);
    const bare = await burst(bares.bares, sockets, settle, CALLGRIND ? bares.first : undefined);
    const bareInstructions = CALLGRIND ? instructionsOf(CALLGRIND, bares.first.pid, profiledDeliveries) : undefined;

    const p99Ms = percentile(gw.latencies, 99);
    const bareP99Ms = percentile(bare.latencies, 99);
    const rssPerIdleSubscriberKiB = Math.round(((rssAfter - rssBefore) * 1024) / SUBSCRIBERS);
    const deliveries = SUBSCRIBERS * (WEBHOOKS / MEETINGS);
    const bad = gw.missing + gw.duplicates + gw.outOfOrder + gw.foreign;
    return {
      replicas: REPLICAS,
      subscribers: gw.subscribed,
      meetings: MEETINGS,
      webhooks: WEBHOOKS,
      expected: deliveries,
      delivered: gw.delivered,
      missing: gw.missing,
      duplicates: gw.duplicates,
      outOfOrder: gw.outOfOrder,
      foreign: gw.foreign,
      p50Ms: percentile(gw.latencies, 50),
      p99Ms,
      p99FromSendMs: percentile(gw.fromSend, 99),
      maxMs: gw.latencies.length ? Math.max(...gw.latencies) : NaN,
      gatewayCpuUsPerDelivery: (gw.serverCpuMs * 1000) / deliveries,
      harnessCpuUsPerDelivery: (gw.harnessCpuMs * 1000) / deliveries,
      bare: {
        delivered: bare.delivered,
        p50Ms: percentile(bare.latencies, 50),
        p99Ms: bareP99Ms,
        p99FromSendMs: percentile(bare.fromSend, 99),
        cpuUsPerDelivery: (bare.serverCpuMs * 1000) / deliveries,
        harnessCpuUsPerDelivery: (bare.harnessCpuMs * 1000) / deliveries,
      },
      rssPerIdleSubscriberKiB,
      loadAverage: os.loadavg()[0] ?? NaN,
      warmUpBursts: WARM_UP_BURSTS,
      ...(gatewayInstructions && bareInstructions ? { instructions: { gateway: gatewayInstructions, bare: bareInstructions } } : {}),
      checks: [
        atMost('subscriptions: events missing, duplicated, out of order or foreign', bad, 0),
        // The fan-out's goal is relative: the bare fan-out alone needs 280–475 ms at p99 for this burst on 2 cores.
        atMost("subscriptions: p99 webhook 200 → subscriber ÷ the bare fan-out's p99 in the same run", p99Ms / bareP99Ms, 1.5, '×'),
      ],
    };
  } finally {
    await closeAll();
  }
}
