import { randomBytes } from 'node:crypto';
import type { FakeAdmin } from '../fakeAdmin.js';
import { redisReachable, startGateway, type ChildHandle, type FakeInfo, type GatewayProcess } from '../processes.js';
import { atMost, percentile, type Check } from '../stats.js';

export type FreshnessResult =
  | { skipped: string }
  | {
      replicas: number;
      rounds: number;
      upstreamLatencyMs: number;
      ttlSeconds: number;
      /** Reads sent to the replicas while the changes were made and delivered. */
      reads: number;
      failed: number;
      /** Zoom calls for the reads made again right before each change: 0 when they came from the cache. */
      zoomCallsWhileCached: number;
      /** Reads sent WINDOW_MS or more after the webhook's 200 that still returned the old data. */
      staleAfterWindow: number;
      /** Of those, the reads made on every replica at exactly the 200 + WINDOW_MS. */
      staleAtWindow: number;
      /** Per round and replica: from the webhook's 200 to the first read that returned the new data and was never followed by an old one. */
      visibleP50Ms: number;
      visibleMaxMs: number;
      /** From the change in the fake to the webhook's 200, median. */
      deliveryP50Ms: number;
      checks: Check[];
    };

const REPLICAS = 3;
const ROUNDS = 20;
const LATENCY_MS = 50;
const TTL_SECONDS = 600;
/** The issue's window: after the webhook's 200 + 100 ms, no replica may answer the old data. */
const WINDOW_MS = 100;
/** Readers keep reading this long after the 200, and until they have seen the new data. */
const FOLLOW_MS = 500;
/** A reader's pause between reads: the resolution of "visible after", light on two cores. */
const PAUSE_MS = 10;
const SECRET = 'bench-freshness-secret-token';

const MEETING_READ =
  'query ($id: ID!, $host: ID) { meeting(id: $id) { topic } meetings(userId: $host, first: 300) { nodes { id topic } } }';
const USER_READ = 'query ($id: ID!) { user(id: $id) { firstName } users(status: ACTIVE, first: 300) { nodes { id firstName } } }';

interface Change {
  event: 'meeting.updated' | 'user.updated';
  /** `/__fake/portal/...` path and body of the out-of-band change. */
  path: string;
  body: Record<string, string>;
  query: string;
  variables: Record<string, string>;
  /** Which value an answer shows: every place the data appears must agree. */
  seen: (data: unknown) => string | undefined;
}

type MeetingData = { meeting: { topic: string } | null; meetings: { nodes: Array<{ id: string; topic: string }> } };
type UserData = { user: { firstName: string } | null; users: { nodes: Array<{ id: string; firstName: string }> } };

/** The one value every place shows, or undefined when they disagree or the data is missing. */
const agreed = (...values: Array<string | undefined>) => (values.every((v) => v !== undefined && v === values[0]) ? values[0] : undefined);

function meetingChange(id: string, host: string, topic: string): Change {
  return {
    event: 'meeting.updated',
    path: `meetings/${id}`,
    body: { topic },
    query: MEETING_READ,
    variables: { id, host },
    seen: (data) => {
      const d = data as MeetingData;
      return agreed(d.meeting?.topic, d.meetings.nodes.find((n) => n.id === id)?.topic);
    },
  };
}

function userChange(id: string, firstName: string): Change {
  return {
    event: 'user.updated',
    path: `users/${id}`,
    body: { first_name: firstName },
    query: USER_READ,
    variables: { id },
    seen: (data) => {
      const d = data as UserData;
      return agreed(d.user?.firstName, d.users.nodes.find((n) => n.id === id)?.firstName);
    },
  };
}

interface Read {
  replica: number;
  sentAt: number;
  /** What the answer showed; undefined when it failed. */
  value: string | undefined;
}

async function read(g: GatewayProcess, change: Change): Promise<string | undefined> {
  try {
    const res = await fetch(`${g.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...g.headers },
      body: JSON.stringify({ query: change.query, variables: change.variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    return res.ok && body.data && !body.errors ? change.seen(body.data) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The 200 of the first delivery of `event` after the first `after` deliveries, on the fake's clock. */
async function answered(fake: FakeAdmin, after: number, event: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { deliveries } = await fake.webhooks();
    const d = deliveries.slice(after).find((x) => x.event === event);
    const attempt = d?.attempts[0];
    if (d && attempt?.status !== undefined) {
      if (attempt.status !== 200 || attempt.answeredAt === undefined)
        throw new Error(`${event} was answered ${attempt.status}${attempt.error ? ` (${attempt.error})` : ''}`);
      return attempt.answeredAt;
    }
    if (Date.now() > deadline) throw new Error(`no ${event} delivery was answered within 10 s`);
    await sleep(2);
  }
}

interface Round {
  /** This round's new value. */
  fresh: string;
  reads: Read[];
  answeredAt: number;
  changedAt: number;
  zoomCalls: number;
  /** The reads made on every replica at the 200 + WINDOW_MS. */
  atWindow: Read[];
}

/**
 * One out-of-band change: the replicas' cache is warmed and checked (a second read must not
 * reach Zoom), readers on every replica read in a loop, the change is made in the fake, and the
 * readers go on until FOLLOW_MS after the webhook's 200 and until each has seen the new value.
 */
async function round(fake: FakeAdmin, replicas: GatewayProcess[], change: Change, fresh: string): Promise<Round> {
  for (const g of replicas) await read(g, change);
  const hitsBefore = (await fake.hits()).total;
  for (const g of replicas) await read(g, change);
  const zoomCalls = (await fake.hits()).total - hitsBefore;

  const reads: Read[] = [];
  let stopAt = Infinity;
  const readers = replicas.map(async (g, replica) => {
    let sawFresh = false;
    while (Date.now() < stopAt || !sawFresh) {
      const sentAt = Date.now();
      const value = await read(g, change);
      reads.push({ replica, sentAt, value });
      sawFresh = value === fresh;
      if (sentAt > stopAt + 10_000) break;
      await sleep(PAUSE_MS);
    }
  });
  const deliveriesBefore = (await fake.webhooks()).deliveries.length;
  const changedAt = Date.now();
  await fake.portal(change.path, change.body);
  const answeredAt = await answered(fake, deliveriesBefore, change.event);
  stopAt = answeredAt + FOLLOW_MS;
  await sleep(answeredAt + WINDOW_MS - Date.now());
  const atWindow = await Promise.all(replicas.map(async (g, replica) => ({ replica, sentAt: Date.now(), value: await read(g, change) })));
  await Promise.all(readers);
  return { fresh, reads: [...reads, ...atWindow], answeredAt, changedAt, zoomCalls, atWindow };
}

/**
 * Three gateway processes sharing one Redis, the read cache on with a 10-minute TTL, and the
 * fake's webhooks subscribed (to each replica in turn, as a load balancer would spread them).
 * Each round changes one meeting's topic or one user's first name "in the web portal" (the
 * fake's admin routes), then measures, on every replica, how soon after the webhook's 200 the
 * reads show it: no read sent WINDOW_MS or more after the 200 may return the old data. Within
 * the TTL nothing but the webhook can end a cached answer.
 */
export async function freshnessAcrossReplicas(
  info: FakeInfo,
  fake: FakeAdmin,
  redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<FreshnessResult> {
  if (!(await redisReachable(redisUrl))) return { skipped: `Redis (${redisUrl}) is unreachable; set REDIS_URL` };
  const [meetingHost, user] = info.hosts;
  if (!meetingHost || !user) throw new Error('the fake needs two seeded hosts');
  const overrides = {
    CACHE_URL: redisUrl,
    CACHE_NAMESPACE: `bench-fresh-${randomBytes(4).toString('hex')}`,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    ZOOM_WEBHOOK_SECRET_TOKEN: SECRET,
    ZOOM_CACHE_TTL_SECONDS: String(TTL_SECONDS),
  };
  const handles: ChildHandle[] = [];
  try {
    const replicas: GatewayProcess[] = [];
    for (let i = 0; i < REPLICAS; i++) {
      const g = await startGateway(info, '', overrides);
      handles.push(g.handle);
      replicas.push(g);
    }
    await fake.reset(LATENCY_MS);
    const list = await fetch(`${replicas[0]!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...replicas[0]!.headers },
      body: JSON.stringify({
        query: 'query ($host: ID) { meetings(userId: $host, first: 1) { nodes { id } } }',
        variables: { host: meetingHost.id },
      }),
    });
    const meetingId = ((await list.json()) as { data?: { meetings: { nodes: Array<{ id: string }> } } }).data?.meetings.nodes[0]?.id;
    if (!meetingId) throw new Error(`no meeting of host ${meetingHost.id} through the gateway`);

    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const receiver = replicas[r % REPLICAS]!;
      await fake.subscribeWebhooks(`${receiver.url}/zoom/webhooks`, SECRET);
      const fresh = `Fresh${r}${randomBytes(3).toString('hex')}`;
      const change = r % 2 === 0 ? meetingChange(meetingId, meetingHost.id, fresh) : userChange(user.id, fresh);
      rounds.push(await round(fake, replicas, change, fresh));
    }

    // A failed read (value undefined) is counted as failed, not as stale.
    const stale = (x: Round, rd: Read) => rd.value !== undefined && rd.value !== x.fresh;
    const staleAfter = (x: Round) => x.reads.filter((rd) => rd.sentAt >= x.answeredAt + WINDOW_MS && stale(x, rd));
    const visible: number[] = [];
    for (const x of rounds) {
      for (let replica = 0; replica < REPLICAS; replica++) {
        const mine = x.reads.filter((rd) => rd.replica === replica && rd.value !== undefined).sort((a, b) => a.sentAt - b.sentAt);
        const lastOld = mine.findLastIndex((rd) => stale(x, rd));
        const first = mine[lastOld + 1];
        visible.push(first ? first.sentAt - x.answeredAt : Infinity);
      }
    }
    const staleAfterWindow = rounds.reduce((n, x) => n + staleAfter(x).length, 0);
    const staleAtWindow = rounds.reduce((n, x) => n + x.atWindow.filter((rd) => stale(x, rd)).length, 0);
    const failed = rounds.reduce((n, x) => n + x.reads.filter((rd) => rd.value === undefined).length, 0);
    const zoomCallsWhileCached = rounds.reduce((n, x) => n + x.zoomCalls, 0);
    return {
      replicas: REPLICAS,
      rounds: ROUNDS,
      upstreamLatencyMs: LATENCY_MS,
      ttlSeconds: TTL_SECONDS,
      reads: rounds.reduce((n, x) => n + x.reads.length, 0),
      failed,
      zoomCallsWhileCached,
      staleAfterWindow,
      staleAtWindow,
      visibleP50Ms: percentile(visible, 50),
      visibleMaxMs: Math.max(...visible),
      deliveryP50Ms: percentile(
        rounds.map((x) => x.answeredAt - x.changedAt),
        50,
      ),
      checks: [
        atMost(
          `freshness: reads on ${REPLICAS} replicas returning the old data ${WINDOW_MS} ms or more after the webhook's 200`,
          staleAfterWindow,
          0,
        ),
        atMost('freshness: failed reads, and Zoom calls for reads that should have been cached', failed + zoomCallsWhileCached, 0),
      ],
    };
  } finally {
    await fake.unsubscribeWebhooks().catch(() => undefined);
    await Promise.all(handles.map((h) => h.stop()));
  }
}
