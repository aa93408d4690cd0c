import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import os from 'node:os';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startGateway, type ChildHandle, type FakeInfo, type GatewayProcess } from '../processes.js';
import { rssMiB } from '../procStats.js';
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
      rssPerIdleSubscriberKiB: number;
      /** The machine's 1-minute load average during the burst (other work competes for the cores). */
      loadAverage: number;
      checks: Check[];
    };

const REPLICAS = 3;
const SUBSCRIBERS = 1000;
const MEETINGS = 10;
const WEBHOOKS = 100;
const SECRET = 'bench-webhook-secret-token';
const QUERY = 'subscription ($id: ID!) { meetingEvents(meetingId: $id) { meetingId kind sequence occurredAt } }';

interface Received {
  meetingId: string;
  sequence: number;
  occurredAt: string;
  at: number;
}

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = createConnection({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => (s.destroy(), resolve(ok));
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
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

/** Zoom's signed delivery of one event body. */
async function deliver(url: string, body: string): Promise<number> {
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await fetch(`${url}/zoom/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zm-request-id': randomUUID(), 'x-zm-request-timestamp': ts, 'x-zm-signature': signature },
    body,
  });
  await res.body?.cancel();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  return performance.now();
}

/** Ten events per meeting, as one meeting's life: started, four people in and out, ended. */
function events(meetingIds: number[], base: number): Array<{ meetingId: number; eventTs: number; body: string }> {
  const out: Array<{ meetingId: number; eventTs: number; body: string }> = [];
  for (const [m, id] of meetingIds.entries()) {
    for (let i = 0; i < WEBHOOKS / MEETINGS; i++) {
      const event = i === 0 ? 'meeting.started' : i === 9 ? 'meeting.ended' : i % 2 === 1 ? 'meeting.participant_joined' : 'meeting.participant_left';
      const eventTs = base + m * 100 + i;
      const participant = event.includes('participant') ? { participant: { user_name: `Guest ${i >> 1}`, user_id: String(16778240 + (i >> 1)), id: '', join_time: '2026-01-01T00:00:00Z' } } : {};
      const object = { id, uuid: `u${id}==`, host_id: 'benchHost', topic: 'Bench', type: 2, ...participant };
      out.push({ meetingId: id, eventTs, body: JSON.stringify({ event, event_ts: eventTs, payload: { account_id: 'bench', object } }) });
    }
  }
  return out;
}

/**
 * 1,000 subscribers on three gateway processes sharing one Redis, each following one of ten
 * meetings; a burst of 100 signed webhooks (ten per meeting, spread over the replicas, all at
 * once). Every subscriber must get its meeting's ten events once each, in sequence order, and
 * nothing else; latency is from a webhook's 200 to a subscriber's receipt (the bench process
 * holds both ends). RSS per idle subscriber is the replicas' growth over those connections.
 */
export async function subscriptionsAcrossReplicas(fake: FakeInfo, redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<SubscriptionsResult> {
  if (!(await reachable(redisUrl))) return { skipped: `Redis (${redisUrl}) is unreachable; set REDIS_URL` };
  const overrides = {
    CACHE_URL: redisUrl,
    CACHE_NAMESPACE: `bench-live-${randomBytes(4).toString('hex')}`,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    ZOOM_WEBHOOK_SECRET_TOKEN: SECRET,
    WS_MAX_CONNECTIONS_PER_CALLER: String(SUBSCRIBERS),
  };
  const handles: ChildHandle[] = [];
  const clients: Client[] = [];
  try {
    const gateways: GatewayProcess[] = [];
    for (let i = 0; i < REPLICAS; i++) {
      const g = await startGateway(fake, '', overrides);
      handles.push(g.handle);
      gateways.push(g);
    }
    // Settled first: RSS right after start still moves as code is compiled and the heap grows.
    await new Promise((r) => setTimeout(r, 3000));
    const rssBefore = await settledRss(gateways);
    const meetingIds = Array.from({ length: MEETINGS }, (_, i) => 81_000_000_000 + i);
    const received: Received[][] = [];
    let subscribed = 0;
    await Promise.all(
      Array.from({ length: SUBSCRIBERS }, (_, i) => {
        const g = gateways[i % REPLICAS]!;
        const got: Received[] = [];
        received.push(got);
        const client = createClient({ url: `${g.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: g.headers });
        clients.push(client);
        return new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('closed', (e) => reject(new Error(`subscriber ${i} closed: ${(e as { code: number }).code}`)));
          client.subscribe<{ meetingEvents: Omit<Received, 'at'> }>(
            { query: QUERY, variables: { id: String(meetingIds[i % MEETINGS]) } },
            {
              next: (r) => {
                if (r.data) got.push({ ...r.data.meetingEvents, at: performance.now() });
              },
              error: (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))),
              complete: () => undefined,
            },
          );
        }).then(() => void subscribed++);
      }),
    );
    // Subscriptions are registered once each server has run its subscribe function.
    for (const g of gateways) {
      for (;;) {
        const text = await (await fetch(`${g.url}/metrics`)).text();
        const n = Number(/^zgg_ws_subscriptions\{field="meetingEvents"\} (\d+)/m.exec(text)?.[1] ?? 0);
        if (n >= Math.floor(SUBSCRIBERS / REPLICAS)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = await settledRss(gateways);

    const burst = events(meetingIds, Date.now());
    const answeredAt = new Map<string, number>();
    await Promise.all(burst.map(async (e, i) => answeredAt.set(`${e.meetingId}:${e.eventTs}`, await deliver(gateways[i % REPLICAS]!.url, e.body))));
    const perMeeting = WEBHOOKS / MEETINGS;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && received.some((r) => r.length < perMeeting)) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));

    let delivered = 0;
    let missing = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    let foreign = 0;
    const latencies: number[] = [];
    for (const [i, got] of received.entries()) {
      const meetingId = String(meetingIds[i % MEETINGS]);
      delivered += got.length;
      foreign += got.filter((e) => e.meetingId !== meetingId).length;
      const seen = new Set(got.map((e) => e.occurredAt));
      duplicates += got.length - seen.size;
      missing += Math.max(0, perMeeting - seen.size);
      for (let k = 1; k < got.length; k++) if (got[k]!.sequence !== got[k - 1]!.sequence + 1) outOfOrder++;
      for (const e of got) {
        const sent = answeredAt.get(`${e.meetingId}:${Date.parse(e.occurredAt)}`);
        if (sent !== undefined) latencies.push(Math.max(0, e.at - sent));
      }
    }
    const p99Ms = percentile(latencies, 99);
    const rssPerIdleSubscriberKiB = Math.round(((rssAfter - rssBefore) * 1024) / SUBSCRIBERS);
    return {
      replicas: REPLICAS,
      subscribers: subscribed,
      meetings: MEETINGS,
      webhooks: WEBHOOKS,
      expected: SUBSCRIBERS * perMeeting,
      delivered,
      missing,
      duplicates,
      outOfOrder,
      foreign,
      p50Ms: percentile(latencies, 50),
      p99Ms,
      maxMs: latencies.length ? Math.max(...latencies) : NaN,
      rssPerIdleSubscriberKiB,
      loadAverage: os.loadavg()[0] ?? NaN,
      checks: [
        atMost('subscriptions: events missing, duplicated, out of order or foreign', missing + duplicates + outOfOrder + foreign, 0),
        atMost('subscriptions: p99 webhook 200 → subscriber', p99Ms, 200, ' ms'),
      ],
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all(handles.map((h) => h.stop()));
  }
}
