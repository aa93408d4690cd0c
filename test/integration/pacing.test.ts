import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { LocalPacer } from '../../src/zoom/pacer.js';
import { pacingIntervals } from '../../src/zoom/pacerLimits.js';
import { redisReachable, REDIS_URL, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, type Harness } from '../helpers/gateway.js';

const redisUp = await redisReachable();
const USER = 'query ($id: ID!) { user(id: $id) { id } }';

let harnesses: Harness[] = [];
let fakes: FakeZoom[] = [];
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.stop()));
  await Promise.all(fakes.map((f) => f.close()));
  harnesses = [];
  fakes = [];
});

/** Offers `perSecond` user(id) queries a second for `seconds`, spread evenly over `gateways`. */
async function offer(gateways: Harness[], fake: FakeZoom, perSecond: number, seconds: number) {
  // A different user each time: identical reads waiting for the pace together would share a call.
  const ids = fake.state.users.map((u) => u.id).filter(Boolean);
  const pending: Array<Promise<{ errors?: unknown[] }>> = [];
  for (let i = 0; i < perSecond * seconds; i++) {
    pending.push(gateways[i % gateways.length]!.gql(USER, { id: ids[i % ids.length] }));
    await sleep(1000 / perSecond);
  }
  return Promise.all(pending);
}

const throttled = (fake: FakeZoom) => fake.requests.filter((r) => r.status === 429).length;

describe('pacing per rate-limit category (plan free: Light 4/s)', () => {
  it('paces a little under the published rate: 90% of 4/s is one call per 278 ms', () => {
    expect(pacingIntervals('free').light).toBe(278);
    expect(pacingIntervals('pro').medium).toBe(56);
    expect(pacingIntervals('business').resource).toBe(3334);
  });

  it('a call that would wait past its deadline gets ZOOM_RATE_LIMITED at once and takes no slot', async () => {
    const pacer = new LocalPacer({ light: 1000, medium: 1000, heavy: 1000, resource: 1000 });
    await pacer.acquire('light', 0);
    await expect(pacer.acquire('light', 100)).rejects.toMatchObject({ code: 'ZOOM_RATE_LIMITED', extensions: { retryAfterSeconds: 1 } });
    const started = Date.now();
    await pacer.acquire('light', 2000); // the refused call did not push this one further out
    // Its slot is 1 s after the first; pushed out by the refused call it would be 2 s. The margin
    // between the two absorbs late timers on a loaded machine.
    expect(Date.now() - started).toBeLessThan(1700);
  });

  it('one gateway offered 8/s for 3 s causes 0 429s at the fake, and every request succeeds', async () => {
    const fake = await startFakeZoom({ rateLimits: true, plan: 'free' });
    fakes.push(fake);
    const h = await startHarness({ fake, env: { ZOOM_RATE_LIMIT_PLAN: 'free' } });
    harnesses.push(h);
    const results = await offer([h], fake, 8, 3);
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(fake.hits('users.get')).toBe(24);
    expect(throttled(fake)).toBe(0);
  });

  it('without pacing the same load does meet 429s (the fake enforces the limit)', async () => {
    const fake = await startFakeZoom({ rateLimits: true, plan: 'free' });
    fakes.push(fake);
    const h = await startHarness({ fake, env: { ZOOM_RATE_LIMIT_PLAN: 'none' } });
    harnesses.push(h);
    await offer([h], fake, 8, 1);
    expect(throttled(fake)).toBeGreaterThan(0);
  });

  it.skipIf(!redisUp)('two gateways sharing Redis, 4/s each (8/s together), cause 0 429s: the pace is shared', async () => {
    const fake = await startFakeZoom({ rateLimits: true, plan: 'free' });
    fakes.push(fake);
    const env = { ZOOM_RATE_LIMIT_PLAN: 'free', CACHE_URL: REDIS_URL, CACHE_NAMESPACE: uniqueNamespace('pacing') };
    const a = await startHarness({ fake, env });
    harnesses.push(a);
    const b = await startHarness({ fake, env });
    harnesses.push(b);
    const results = await offer([a, b], fake, 8, 3);
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(throttled(fake)).toBe(0);
  });
});
