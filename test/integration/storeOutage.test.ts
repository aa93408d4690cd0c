import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_URL, postgresReachable, REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { flakyStore } from '../helpers/stores.js';

const [redisUp, postgresUp] = await Promise.all([redisReachable(), postgresReachable()]);
const { track } = stopAfterEach();
const USERS = '{ users(status: ACTIVE, first: 2) { nodes { id } } }';

/** A port nobody listens on (until the proxy below does). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The store coming back: a TCP proxy on `port` to the machine's service at `url`. */
function serviceOn(port: number, url = REDIS_URL): Promise<Server> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const upstream = connect(Number(target.port || (target.protocol === 'redis:' ? 6379 : 5432)), target.hostname);
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

let proxy: Server | undefined;
afterEach(async () => {
  proxy?.close();
  proxy = undefined;
});

/** Rejects instead of waiting forever: before, the gateway never finished starting. */
/** Waits (up to 15 s) for /readyz to answer 200 once the store is reachable again. */
async function readyAgain(url: string): Promise<void> {
  await vi.waitFor(async () => expect((await fetch(`${url}/readyz`)).status).toBe(200), { timeout: 15_000, interval: 250 });
}

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  return Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`${what} did not finish within ${ms} ms`)))]);
}

describe('a shared store whose backend fails', () => {
  it('answers STORE_UNAVAILABLE, never ZOOM_UNAVAILABLE, and asks Zoom for no token', async () => {
    const { store, setFailing } = flakyStore(true);
    const h = track(await startHarness({ overrides: { store } }));

    const down = await h.gql(USERS);
    expect(down.status).toBe(200);
    expect(down.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
    expect(JSON.stringify(down)).not.toContain('ECONNREFUSED');
    expect(h.fake.tokenRequests('account_credentials')).toBe(0);

    // The store's probe notices it is back within a fraction of a second; no request is needed for it.
    setFailing(false);
    await vi.waitFor(async () => expect((await fetch(`${h.url}/readyz`)).status).toBe(200), { timeout: 5_000, interval: 100 });
    const up = await h.gql<{ users: { nodes: unknown[] } }>(USERS);
    expect(up.errors).toBeUndefined();
    expect(up.data?.users.nodes).toHaveLength(2);
  });
});

describe.skipIf(!redisUp)('Redis unreachable at start (like PostgreSQL: listening, not ready)', () => {
  it('listens with /readyz 503, answers STORE_UNAVAILABLE (not ZOOM_UNAVAILABLE), and recovers when Redis comes back', async () => {
    const port = await closedPort();
    const h = track(
      await within(
        20_000,
        'the gateway start',
        startHarness({
          env: { CACHE_URL: `redis://127.0.0.1:${port}`, CACHE_NAMESPACE: uniqueNamespace('outage'), ZOOM_RATE_LIMIT_PLAN: 'pro' },
        }),
      ),
    );
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { store: 'token store unreachable' } });

    const down = await h.gql(USERS);
    expect(down.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
    expect(down.errors?.[0]?.message).toBe('The token store cannot be reached; retry later.');
    expect(h.fake.tokenRequests('account_credentials')).toBe(0);
    expect(h.logs.some((l) => l.includes('shared store unavailable'))).toBe(true);
    // Each reconnect is one line with the reason, not the client's stack again.
    const reconnects = h.logs.filter((l) => l.includes('Redis connection error') || l.includes('shared store error'));
    expect(reconnects.length).toBeGreaterThan(0);
    for (const line of reconnects) expect(JSON.parse(line)).toMatchObject({ reason: expect.stringMatching(/ECONNREFUSED|connect/) });
    expect(reconnects.join('\n')).not.toContain('"stack"');

    proxy = await serviceOn(port);
    await readyAgain(h.url);
    const up = await h.gql<{ users: { nodes: unknown[] } }>(USERS);
    expect(up.errors).toBeUndefined();
    expect(up.data?.users.nodes).toHaveLength(2);
    await within(15_000, 'the gateway stop', h.stop());
  }, 60_000);

  it('never logs the password of CACHE_URL, whether Redis is down or answers the credentials', async () => {
    const PASSWORD = 'hunter2-s3cret';
    const target = new URL(REDIS_URL);
    for (const url of [`redis://admin:${PASSWORD}@127.0.0.1:${await closedPort()}`, `redis://admin:${PASSWORD}@${target.host}`]) {
      const h = await within(
        20_000,
        'the gateway start',
        startHarness({ env: { CACHE_URL: url, CACHE_NAMESPACE: uniqueNamespace('password'), ZOOM_RATE_LIMIT_PLAN: 'pro' } }),
      );
      await h.gql(USERS);
      await fetch(`${h.url}/readyz`);
      await within(10_000, 'the gateway stop', h.stop());
      expect(h.logs.length).toBeGreaterThan(0);
      expect(h.logs.join('\n')).not.toContain(PASSWORD);
    }
  }, 60_000);

  it('stops promptly while Redis is still unreachable', async () => {
    const port = await closedPort();
    const h = await within(
      20_000,
      'the gateway start',
      startHarness({ env: { CACHE_URL: `redis://127.0.0.1:${port}`, ZOOM_RATE_LIMIT_PLAN: 'pro' } }),
    );
    await within(10_000, 'the gateway stop', h.stop());
  }, 40_000);
});

describe.skipIf(!postgresUp)('PostgreSQL unreachable at start', () => {
  it('listens with /readyz 503, answers STORE_UNAVAILABLE, and recovers when PostgreSQL comes back', async () => {
    const port = await closedPort();
    const url = new URL(DATABASE_URL);
    url.host = `127.0.0.1:${port}`;
    const h = track(
      await within(
        20_000,
        'the gateway start',
        startHarness({ env: { CACHE_URL: url.toString(), CACHE_NAMESPACE: uniqueNamespace('pg-outage') } }),
      ),
    );
    expect((await fetch(`${h.url}/readyz`)).status).toBe(503);
    const down = await h.gql(USERS);
    expect(down.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);

    proxy = await serviceOn(port, DATABASE_URL);
    await readyAgain(h.url);
    const up = await h.gql<{ users: { nodes: unknown[] } }>(USERS);
    expect(up.errors).toBeUndefined();
    expect(up.data?.users.nodes).toHaveLength(2);
  }, 60_000);
});
