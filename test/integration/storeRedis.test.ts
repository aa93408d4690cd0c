import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { connectRedis, redisKeepsNothing, type RedisCommands } from '../../src/store/redisClient.js';
import { quiet, REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, type Harness } from '../helpers/gateway.js';

const redisUp = await redisReachable();
const USERS = '{ users(first: 1) { nodes { id } } }';
const HOUR = 3_600_000;
const USER_OAUTH = {
  ZOOM_OAUTH_CLIENT_ID: 'sandbox-oauth-client',
  ZOOM_OAUTH_CLIENT_SECRET: 'sandbox-oauth-secret',
  ZOOM_OAUTH_REDIRECT_URI: 'https://gateway.example.test/oauth/callback',
};
const WARNING = 'Redis keeps nothing on disk';

describe.skipIf(!redisUp)('Redis store', () => {
  let admin: RedisCommands;
  let fake: FakeZoom;
  let running: Harness[] = [];
  beforeAll(async () => {
    admin = await connectRedis(REDIS_URL, quiet);
  });
  afterAll(async () => {
    await admin.close();
  });
  afterEach(async () => {
    await Promise.all(running.map((h) => h.stop()));
    running = [];
    await fake?.close();
  });
  const start = async (env: Record<string, string>) => {
    const h = await startHarness({ fake, env: { CACHE_URL: REDIS_URL, ...env } });
    running.push(h);
    return h;
  };

  it('warns at start when user OAuth is on and this Redis keeps nothing on disk; not without user OAuth', async () => {
    fake = await startFakeZoom({ rateLimits: false });
    const keepsNothing = await redisKeepsNothing(admin);
    const withOAuth = await start({ ...USER_OAUTH, CACHE_NAMESPACE: uniqueNamespace('persist') });
    const warning = withOAuth.logs.find((l) => l.includes(WARNING));
    if (keepsNothing) {
      expect(warning).toBeDefined();
      expect(JSON.parse(warning!).level).toBe(40);
    } else {
      expect(warning).toBeUndefined();
    }
    const s2sOnly = await start({ CACHE_NAMESPACE: uniqueNamespace('persist') });
    expect(s2sOnly.logs.some((l) => l.includes(WARNING))).toBe(false);
  });

  it('the machine Redis keeps nothing on disk, so the warning above fires here', async () => {
    // Documents this machine; elsewhere (AOF on) the previous test checks the silent branch.
    const info = await admin.info('persistence');
    expect(info).toMatch(/aof_enabled:0/);
    expect(await redisKeepsNothing(admin)).toBe(true);
  });

  it("requests keep working when Redis drops the gateway's connections; the token is refetched at most once", async () => {
    fake = await startFakeZoom({ rateLimits: false });
    const namespace = uniqueNamespace('restart');
    const a = await start({ CACHE_NAMESPACE: namespace });
    expect((await a.gql(USERS)).errors).toBeUndefined();
    expect(fake.hits('oauth.token')).toBe(1);

    const ours = async () => (await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'normal'])) as string;
    const idsOf = (list: string) =>
      list
        .split('\n')
        .filter((l) => l.includes(` name=zgg:${namespace}`))
        .map((l) => /\bid=(\d+)/.exec(l)![1]!);
    const before = idsOf(await ours());
    expect(before.length).toBeGreaterThanOrEqual(1); // values and locks share one connection
    for (const id of before) await admin.sendCommand(['CLIENT', 'KILL', 'ID', id]);

    // During the outage: served from memory.
    expect((await a.gql(USERS)).errors).toBeUndefined();
    for (let i = 0; i < 50 && idsOf(await ours()).length < before.length; i++) await sleep(50);
    expect(idsOf(await ours()).filter((id) => before.includes(id))).toEqual([]); // all new connections

    fake.clock.advance(HOUR - 200_000); // inside the margin: the store and the lock are needed again
    const results = await Promise.all(Array.from({ length: 20 }, () => a.gql(USERS)));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(fake.hits('oauth.token')).toBe(2);

    // A second gateway reads what was written after the reconnect.
    const b = await start({ CACHE_NAMESPACE: namespace });
    expect((await b.gql(USERS)).errors).toBeUndefined();
    expect(fake.hits('oauth.token')).toBe(2);
  });
});
