import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config.js';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { postgresReachable, postgresStore, redisReachable, redisStore, uniqueNamespace } from '../helpers/backends.js';
import { s2sEnv, type Harness } from '../helpers/gateway.js';
import { NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';
import { gqlAt, startReplicas, type Replicas } from '../helpers/replicas.js';

const [redisUp, postgresUp] = await Promise.all([redisReachable(), postgresReachable()]);
const USERS = '{ users(first: 1) { nodes { id } } }';

let running: Replicas[] = [];
let fakes: FakeZoom[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.stopAll()));
  await Promise.all(fakes.map((f) => f.close()));
  running = [];
  fakes = [];
});

const shared: Array<{ name: string; store: StoreConfig & { url: string }; reachable: boolean }> = [
  { name: 'Redis', store: redisStore as StoreConfig & { url: string }, reachable: redisUp },
  { name: 'PostgreSQL', store: postgresStore as StoreConfig & { url: string }, reachable: postgresUp },
];

describe.each(shared)('3 gateway processes sharing $name', ({ store, reachable, name }) => {
  it.skipIf(!reachable)('300 concurrent cold requests spread over them cause exactly 1 S2S token request', { timeout: 90_000 }, async () => {
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
    expect(fake.hits('users.list')).toBe(300);
    // Every replica used that one token.
    expect(new Set(fake.requests.filter((r) => r.route === 'users.list').map((r) => r.accessToken)).size).toBe(1);
  });

  it.skipIf(!reachable)('after Zoom expires a user token, 300 concurrent requests over them cause 1 refresh and 0 invalid_grant', { timeout: 90_000 }, async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = { ...s2sEnv(fake), ...USER_OAUTH_ENV, ...NO_S2S, CACHE_URL: store.url, CACHE_NAMESPACE: uniqueNamespace(`user-${name}`), LOG_LEVEL: 'info' };
    const group = await startReplicas(3, env);
    running.push(group);
    const urls = group.replicas.map((r) => r.url);
    const user = member(fake);
    fake.knobs.setAuthorizingUser(user.id);
    const headers = await bearer(fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
    expect((await installViaBrowser({ url: urls[0] } as Harness, headers)).status).toBe(200);
    const me = () => Promise.all(Array.from({ length: 300 }, (_, i) => gqlAt<{ me: { id: string } }>(urls[i % 3]!, '{ me { id } }', undefined, headers)));
    expect((await me()).filter((r) => r.errors || r.data?.me.id !== user.id)).toEqual([]);

    fake.knobs.expireAccessTokens(); // every replica's cached access token now gets 401/124
    fake.resetCounters();
    const results = await me();

    expect(results.filter((r) => r.errors || r.data?.me.id !== user.id)).toEqual([]);
    const refreshes = fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes.filter((r) => r.status !== 200)).toEqual([]); // no invalid_grant
  });
});
