import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import type { Credential } from '../../src/tokens/credential.js';
import { TokenCache } from '../../src/tokens/tokenCache.js';
import { ZakCache } from '../../src/tokens/zak.js';
import { ZoomHttpClient } from '../../src/zoom/httpClient.js';
import { fetchZak } from '../../src/zoom/zak.js';
import { memoryStore, silent } from '../helpers/stores.js';

let fake: FakeZoom;
let client: ZoomHttpClient;
beforeEach(async () => {
  fake = await startFakeZoom({ rateLimits: false });
  client = new ZoomHttpClient({ apiUrl: `${fake.url}/v2`, logger: silent, clock: fake.clock });
});
afterEach(async () => {
  await client.close();
  await fake.close();
});

/** A user-level OAuth credential for `userId`, issued by the fake without the browser flow. */
function userCredential(userId: string): Credential {
  const { accessToken } = fake.state.issueUserToken(userId);
  const record = { accessToken, expiresAt: fake.clock.now() + 3_600_000, obtainedAt: fake.clock.now(), scopes: [] };
  return { source: 'user', key: `user:${userId}`, get: async () => record, invalidate: async () => {} };
}

function setup(marginSeconds: number) {
  const { store, keyv } = memoryStore();
  const cache = new TokenCache({ store, clock: fake.clock, marginMs: marginSeconds * 1000, logger: silent });
  return { keyv, zaks: new ZakCache({ cache, clock: fake.clock, marginMs: marginSeconds * 1000 }) };
}

describe('ZAKs with the user’s own OAuth token (/users/me/zak, 5-minute ZAKs)', () => {
  it('with the default 300 s margin: concurrent callers share one fetch, nothing is stored, the next call fetches again', async () => {
    const user = fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    const credential = userCredential(user.id);
    const { keyv, zaks } = setup(300);
    const sentAt = fake.clock.now();
    const got = await Promise.all(
      Array.from({ length: 20 }, () => zaks.get(user.id, credential, (ttl) => fetchZak(client, credential, 'me', ttl))),
    );
    expect(fake.hits('users.zak')).toBe(1);
    expect(fake.hits('users.token')).toBe(0);
    expect(new Set(got.map((r) => r.accessToken)).size).toBe(1);
    expect(got[0]!.expiresAt - sentAt).toBeGreaterThanOrEqual(300_000);
    expect(got[0]!.expiresAt - fake.clock.now()).toBeLessThanOrEqual(300_000);
    expect(fake.state.isZakValid(got[0]!.accessToken)).toBe(true);
    expect(fake.state.zaks.get(got[0]!.accessToken)?.userId).toBe(user.id);
    expect(await keyv.get(ZakCache.key(user.id, 300))).toBeUndefined();

    await zaks.get(user.id, credential, (ttl) => fetchZak(client, credential, 'me', ttl));
    expect(fake.hits('users.zak')).toBe(2);
  });

  it('with a 60 s margin a 5-minute ZAK is cached for 240 s under (user, 300)', async () => {
    const user = fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    const credential = userCredential(user.id);
    const { keyv, zaks } = setup(60);
    fake.clock.freeze(); // the 1 s either side of the ZAK's refresh point is the test's, not the machine's
    const fetch = (ttl: number) => fetchZak(client, credential, 'me', ttl);
    const first = await zaks.get(user.id, credential, fetch);
    expect(typeof (await keyv.get(ZakCache.key(user.id, 300)))).toBe('string');
    fake.clock.advance(239_000);
    expect((await zaks.get(user.id, credential, fetch)).accessToken).toBe(first.accessToken);
    expect(fake.hits('users.zak')).toBe(1);
    fake.clock.advance(2_000);
    expect((await zaks.get(user.id, credential, fetch)).accessToken).not.toBe(first.accessToken);
    expect(fake.hits('users.zak')).toBe(2);
    expect(await zaks.invalidate(user.id)).toBe(true);
    expect(await keyv.get(ZakCache.key(user.id, 300))).toBeUndefined();
  });
});
