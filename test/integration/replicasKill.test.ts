import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom, type ZoomUser } from '../../src/sandbox/index.js';
import type { RecordedRequest } from '../../src/sandbox/recorder.js';
import { connectRedis } from '../../src/store/redisClient.js';
import { createSharedStore } from '../../src/store/storeFactory.js';
import type { TokenRecord } from '../../src/tokens/tokenRecord.js';
import { postgresReachable, postgresStore, quiet, redisReachable, redisStore, uniqueNamespace } from '../helpers/backends.js';
import { s2sEnv, type Harness } from '../helpers/gateway.js';
import { gqlAt, startReplicas, type Replica, type Replicas } from '../helpers/replicas.js';
import { TEST_KEY } from '../helpers/stores.js';
import { NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';

const [redisUp, postgresUp] = await Promise.all([redisReachable(), postgresReachable()]);

/** Short enough that the survivors wait for a dead holder's Redis lock in well under the test budget. */
const LOCK_TTL_MS = 1500;
const ME = '{ me { id } }';
const CLIENT_ID = USER_OAUTH_ENV.ZOOM_OAUTH_CLIENT_ID!;

let running: Replicas[] = [];
let fakes: FakeZoom[] = [];
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.stopAll()));
  await Promise.all(fakes.map((f) => f.close()));
  await Promise.all(closers.map((c) => c()));
  running = [];
  fakes = [];
  closers = [];
});

interface Backend {
  name: string;
  url: string;
  reachable: boolean;
  /** Milliseconds the dead holder's lock still has to live; null where the backend frees it with the connection. */
  lockTtl: ((namespace: string, key: string) => Promise<number>) | null;
}

const backends: Backend[] = [
  {
    name: 'Redis',
    url: (redisStore as { url: string }).url,
    reachable: redisUp,
    lockTtl: async (namespace, key) => {
      const redis = await connectRedis((redisStore as { url: string }).url, quiet);
      try {
        return await redis.pTTL(`${namespace}:lock:${key}`);
      } finally {
        await redis.close();
      }
    },
  },
  { name: 'PostgreSQL', url: (postgresStore as { url: string }).url, reachable: postgresUp, lockTtl: null },
];

interface Setup {
  fake: FakeZoom;
  user: ZoomUser;
  headers: Record<string, string>;
  a: Replica;
  b: Replica;
  c: Replica;
  namespace: string;
  key: string;
}

/** Three replicas on one store, a user grant installed through A, and every replica serving it from a cached token. */
async function setup(backend: Backend): Promise<Setup> {
  const fake = await startFakeZoom({ rateLimits: false });
  fakes.push(fake);
  const namespace = uniqueNamespace(`kill-${backend.name}`);
  const env = {
    ...s2sEnv(fake),
    ...USER_OAUTH_ENV,
    ...NO_S2S,
    CACHE_URL: backend.url,
    CACHE_NAMESPACE: namespace,
    CACHE_LOCK_TTL_MS: String(LOCK_TTL_MS),
    LOG_LEVEL: 'info',
  };
  const group = await startReplicas(3, env);
  running.push(group);
  const [a, b, c] = group.replicas as [Replica, Replica, Replica];
  const user = member(fake);
  fake.knobs.setAuthorizingUser(user.id);
  const headers = await bearer(fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
  expect((await installViaBrowser({ url: a.url } as Harness, headers)).status).toBe(200);
  for (const r of [a, b, c]) expect((await gqlAt<{ me: { id: string } }>(r.url, ME, undefined, headers)).data?.me.id).toBe(user.id);
  return { fake, user, headers, a, b, c, namespace, key: `user:${CLIENT_ID}:${user.id}@${fake.url}` };
}

/** Reads the grant the replicas share, as a replica would (same store, namespace and key). */
async function storedGrant(backend: Backend, s: Setup): Promise<TokenRecord | undefined> {
  const kind = backend.name === 'Redis' ? redisStore : postgresStore;
  const store = await createSharedStore(kind, [new Uint8Array(Buffer.from(TEST_KEY, 'base64url'))], quiet, { namespace: s.namespace });
  closers.push(() => store.close());
  return store.get<TokenRecord>(s.key);
}

const refreshes = (fake: FakeZoom): RecordedRequest[] =>
  fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token');
const invalidGrants = (fake: FakeZoom) => refreshes(fake).filter((r) => r.status === 400).length;

async function until(what: string, done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

/**
 * Zoom rejects every cached access token, and A is asked for one: A takes the refresh lock
 * (invalidate, then the refresh under the lock) and its refresh request waits at the fake's hold.
 * Resolves once that request is waiting; A's own answer never matters (A is killed).
 */
async function refreshStuckInA(s: Setup): Promise<{ hold: ReturnType<FakeZoom['knobs']['hold']>; request: RecordedRequest }> {
  const hold = s.fake.knobs.hold('oauth.token');
  s.fake.knobs.expireAccessTokens();
  void gqlAt(s.a.url, ME, undefined, s.headers).catch(() => undefined);
  await hold.whenWaiting(1);
  const waiting = refreshes(s.fake);
  expect(waiting).toHaveLength(1);
  return { hold, request: waiting[0]! };
}

describe.each(backends)('kill -9 of the replica refreshing a user token ($name)', (backend) => {
  it.skipIf(!backend.reachable)(
    'before Zoom processed its refresh: another replica refreshes once after the lock is free; nobody re-authorizes',
    { timeout: 30_000 },
    async () => {
      const s = await setup(backend);
      const { hold, request } = await refreshStuckInA(s);

      await s.a.kill9();
      // A's socket closed while its request waited at the hold: the fake records it aborted, unprocessed.
      await until('the fake sees A gone', () => request.aborted === true);
      expect(request.status).toBe(0);
      if (backend.lockTtl) expect(await backend.lockTtl(s.namespace, s.key)).toBeGreaterThan(0); // A died holding it
      hold.release();

      const started = Date.now();
      const results = await Promise.all(
        [s.b, s.c, s.b, s.c, s.b, s.c].map((r) => gqlAt<{ me: { id: string } }>(r.url, ME, undefined, s.headers)),
      );
      const recoveredMs = Date.now() - started;

      expect(results.filter((r) => r.errors || r.data?.me.id !== s.user.id)).toEqual([]);
      const processed = refreshes(s.fake).filter((r) => !r.aborted);
      expect(processed).toHaveLength(1); // exactly one new refresh, by B or C
      expect(processed[0]!.status).toBe(200);
      expect(invalidGrants(s.fake)).toBe(0);
      expect(s.fake.tokenRequests('authorization_code')).toBe(1); // the install; no second authorization
      // The store carries the refresh token the fake issued last, so the next refresh works too.
      const grant = [...s.fake.state.grants.values()].find((g) => g.userId === s.user.id && !g.revoked);
      expect((await storedGrant(backend, s))?.refreshToken).toBe(grant?.currentRefreshToken);
      // The survivors waited out the dead holder's lock (its TTL) and got it: a lock wait that ran
      // out would have answered ZOOM_UNAVAILABLE, which the empty error list above rules out.
      console.info(`${backend.name}: survivors answered ${recoveredMs} ms after A was killed before its refresh`);
    },
  );

  it.skipIf(!backend.reachable)(
    'after Zoom rotated but before the answer was stored: every replica asks for re-authorization, at most once per replica',
    { timeout: 30_000 },
    async () => {
      const s = await setup(backend);
      // Held at the fake, A's refresh is in flight under A's lock. `drop after` makes the fake
      // process it (rotating the refresh token) and then destroy the connection, so no answer
      // ever reaches A. SIGKILL is sent and the hold released in one synchronous step: the fake
      // resumes the request in the next microtask, before its event loop can notice A's socket
      // close — the request is processed (not aborted), and A dies without storing anything.
      s.fake.knobs.drop({ route: 'oauth.token', when: 'after' });
      const { hold, request } = await refreshStuckInA(s);
      const killed = s.a.kill9();
      hold.release();
      await killed;

      expect(request.aborted).toBeUndefined();
      expect(request.status).toBe(200); // Zoom rotated: the stored refresh token is now dead
      expect(request.injected).toBe('drop-after');
      if (backend.lockTtl) expect(await backend.lockTtl(s.namespace, s.key)).toBeGreaterThan(0); // A died holding it

      const rounds: Array<{ replica: 'B' | 'C'; invalidGrants: number; results: Awaited<ReturnType<typeof gqlAt<{ me: unknown }>>>[] }> =
        [];
      for (const [name, r] of [
        ['B', s.b],
        ['C', s.c],
        ['B', s.b],
        ['C', s.c],
      ] as const) {
        const before = invalidGrants(s.fake);
        const results = await Promise.all(Array.from({ length: 4 }, () => gqlAt<{ me: unknown }>(r.url, ME, undefined, s.headers)));
        rounds.push({ replica: name, invalidGrants: invalidGrants(s.fake) - before, results });
      }

      for (const { results } of rounds) {
        for (const r of results) {
          expect(r.data?.me ?? null).toBeNull();
          expect(r.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
          expect(r.errors?.[0]?.extensions?.installUrl).toMatch(/^https:\/\/gateway\.example\.test\/oauth\/install/);
        }
      }
      // No loop against Zoom: each replica tries the dead refresh token at most once, ever.
      const perReplica = { B: 0, C: 0 };
      for (const round of rounds) perReplica[round.replica] += round.invalidGrants;
      expect(perReplica.B).toBeLessThanOrEqual(1);
      expect(perReplica.C).toBeLessThanOrEqual(1);
      expect(invalidGrants(s.fake)).toBeGreaterThanOrEqual(1); // someone did ask Zoom before giving up
      expect(await storedGrant(backend, s)).toBeUndefined(); // the dead grant is gone

      // Re-authorizing through any replica recovers every replica.
      expect((await installViaBrowser({ url: s.b.url } as Harness, s.headers)).status).toBe(200);
      const after = await Promise.all([s.b, s.c].map((r) => gqlAt<{ me: { id: string } }>(r.url, ME, undefined, s.headers)));
      expect(after.map((r) => r.data?.me.id)).toEqual([s.user.id, s.user.id]);
      console.info(`${backend.name}: invalid_grant after the lost rotation: B ${perReplica.B}, C ${perReplica.C}`);
    },
  );
});
