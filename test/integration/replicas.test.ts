import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config.js';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, postgresReachable, postgresStore, redisReachable, redisStore, uniqueNamespace } from '../helpers/backends.js';
import { s2sEnv, type Harness } from '../helpers/gateway.js';
import { NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';
import { gqlAt, startReplicas, type Replicas } from '../helpers/replicas.js';

const [redisUp, postgresUp] = await Promise.all([redisReachable(), postgresReachable()]);
const USERS = '{ users(first: 1) { nodes { id } } }';

let running: Replicas[] = [];
let fakes: FakeZoom[] = [];
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.stopAll()));
  await Promise.all(fakes.map((f) => f.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  running = [];
  fakes = [];
  dirs = [];
});

const shared: Array<{ name: string; store: StoreConfig & { url: string }; reachable: boolean }> = [
  { name: 'Redis', store: redisStore as StoreConfig & { url: string }, reachable: redisUp },
  { name: 'PostgreSQL', store: postgresStore as StoreConfig & { url: string }, reachable: postgresUp },
];

describe.each(shared)('3 gateway processes sharing $name', ({ store, reachable, name }) => {
  it.skipIf(!reachable)(
    '300 concurrent cold requests spread over them cause exactly 1 S2S token request',
    { timeout: 90_000 },
    async () => {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = { ...s2sEnv(fake), CACHE_URL: store.url, CACHE_NAMESPACE: uniqueNamespace(`replicas-${name}`), LOG_LEVEL: 'info' };
      const group = await startReplicas(3, env);
      running.push(group);
      const urls = group.replicas.map((r) => r.url);
      expect(new Set(urls).size).toBe(3);

      const results = await Promise.all(Array.from({ length: 300 }, (_, i) => gqlAt<{ users: { nodes: unknown[] } }>(urls[i % 3]!, USERS)));

      const failed = results.filter((r) => r.status !== 200 || r.errors);
      expect(failed).toEqual([]);
      expect(results.every((r) => r.data?.users.nodes.length === 1)).toBe(true);
      expect(fake.hits('oauth.token')).toBe(1);
      // Identical reads in flight on one replica share one Zoom call; each replica makes at least one.
      expect(fake.hits('users.list')).toBeGreaterThanOrEqual(3);
      expect(fake.hits('users.list')).toBeLessThanOrEqual(300);
      // Every replica used that one token.
      expect(new Set(fake.requests.filter((r) => r.route === 'users.list').map((r) => r.accessToken)).size).toBe(1);
    },
  );

  it.skipIf(!reachable)(
    'after Zoom expires a user token, 300 concurrent requests over them cause 1 refresh and 0 invalid_grant',
    { timeout: 90_000 },
    async () => {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = {
        ...s2sEnv(fake),
        ...USER_OAUTH_ENV,
        ...NO_S2S,
        CACHE_URL: store.url,
        CACHE_NAMESPACE: uniqueNamespace(`user-${name}`),
        LOG_LEVEL: 'info',
      };
      const group = await startReplicas(3, env);
      running.push(group);
      const urls = group.replicas.map((r) => r.url);
      const user = member(fake);
      fake.knobs.setAuthorizingUser(user.id);
      const headers = await bearer(fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
      expect((await installViaBrowser({ url: urls[0] } as Harness, headers)).status).toBe(200);
      const me = () =>
        Promise.all(
          Array.from({ length: 300 }, (_, i) => gqlAt<{ me: { id: string } }>(urls[i % 3]!, '{ me { id } }', undefined, headers)),
        );
      expect((await me()).filter((r) => r.errors || r.data?.me.id !== user.id)).toEqual([]);

      fake.knobs.expireAccessTokens(); // every replica's cached access token now gets 401/124
      fake.resetCounters();
      const results = await me();

      expect(results.filter((r) => r.errors || r.data?.me.id !== user.id)).toEqual([]);
      const refreshes = fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token');
      expect(refreshes).toHaveLength(1);
      expect(refreshes.filter((r) => r.status !== 200)).toEqual([]); // no invalid_grant
    },
  );
});

const ME = '{ me { id } }';
const CREDENTIALS = '{ credentials { selectedSource userAuthorized } }';

const sharedGrantStores: Array<{ name: string; cacheUrl: () => string; reachable: boolean }> = [
  {
    name: 'one SQLite file',
    cacheUrl: () => {
      const dir = mkdtempSync(join(tmpdir(), 'zggt-replicas-'));
      dirs.push(dir);
      return `sqlite://${join(dir, 'gateway.sqlite')}`;
    },
    reachable: true,
  },
  { name: 'Redis', cacheUrl: () => REDIS_URL, reachable: redisUp },
];

describe.each(sharedGrantStores)('2 gateway processes sharing $name', ({ name, cacheUrl, reachable }) => {
  it.skipIf(!reachable)(
    'after A finds a user grant dead (invalid_grant), B reports userAuthorized false and no longer serves the linked identity',
    { timeout: 90_000 },
    async () => {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = {
        ...s2sEnv(fake),
        ...USER_OAUTH_ENV,
        CACHE_URL: cacheUrl(),
        CACHE_NAMESPACE: uniqueNamespace(`grant-${name.replace(/\W+/g, '-')}`),
        LOG_LEVEL: 'info',
      };
      const group = await startReplicas(2, env);
      running.push(group);
      const [a, b] = group.replicas.map((r) => r.url) as [string, string];
      const user = member(fake);
      fake.knobs.setAuthorizingUser(user.id);
      // alice's credential names the Zoom user; carol's names none and is linked by its install.
      const alice = await bearer(fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
      const carol = await bearer(fake, { sub: 'carol', roles: ['user'] });
      expect((await installViaBrowser({ url: a }, carol)).status).toBe(200);
      // Both replicas serve both callers with the user token, so both hold it in memory.
      for (const url of [a, b]) {
        for (const headers of [alice, carol])
          expect((await gqlAt<{ me: { id: string } }>(url, ME, undefined, headers)).data?.me.id).toBe(user.id);
        expect((await gqlAt(url, CREDENTIALS, undefined, alice)).data).toEqual({
          credentials: { selectedSource: 'USER', userAuthorized: true },
        });
      }

      fake.knobs.revokeAll(user.id); // the user removes the app at Zoom
      const dead = await gqlAt(a, ME, undefined, alice);
      expect(dead.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
      expect(fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token').map((r) => r.status)).toEqual([400]);

      fake.resetCounters();
      expect((await gqlAt(b, CREDENTIALS, undefined, alice)).data).toEqual({
        credentials: { selectedSource: 'S2S', userAuthorized: false },
      });
      expect((await gqlAt(b, CREDENTIALS, undefined, carol)).data).toEqual({
        credentials: { selectedSource: null, userAuthorized: false },
      });
      const carolOnB = await gqlAt<{ me: { id: string } | null }>(b, ME, undefined, carol);
      expect(carolOnB.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
      expect(carolOnB.data?.me ?? null).toBeNull();
      // B answered from the store alone: no Zoom call, and nothing reached Zoom as that user.
      expect(fake.requests).toEqual([]);
    },
  );
});
