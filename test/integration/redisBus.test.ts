import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../src/live/liveEvent.js';
import { RedisBus } from '../../src/live/redisBus.js';
import type { SharedStore } from '../../src/store/store.js';
import { createSharedStore } from '../../src/store/storeFactory.js';
import { quiet, redisReachable, redisStore, REDIS_URL, uniqueNamespace } from '../helpers/backends.js';
import { TEST_KEY } from '../helpers/stores.js';

const redisUp = await redisReachable();
const open: Array<RedisBus | SharedStore> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

const event = (meetingId: string) => ({ meetingId, kind: 'STARTED', occurredAt: 1 }) as const;

describe.skipIf(!redisUp)(`RedisBus.publishOnce (Redis at ${REDIS_URL}${redisUp ? '' : ': unreachable, skipped'})`, () => {
  it('publishes a delivery once, whichever replica claims it, and shares its claims with the store', async () => {
    const namespace = uniqueNamespace('redisbus');
    const [a, b] = [new RedisBus(REDIS_URL, namespace, quiet), new RedisBus(REDIS_URL, namespace, quiet)];
    const store = await createSharedStore(redisStore, [new Uint8Array(Buffer.from(TEST_KEY, 'base64url'))], quiet, { namespace });
    open.push(a, b, store);
    await Promise.all([a.subscribed(), b.subscribed()]);
    const got: LiveEvent[] = [];
    a.onEvent((e) => got.push(e));
    const claim = (...keys: string[]) => ({ keys, ttlMs: 60_000 });

    // The same delivery at two replicas at once, then Zoom's retry under another request id.
    const first = await Promise.all([
      a.publishOnce(event('m1'), claim('event-1', 'request-1')),
      b.publishOnce(event('m1'), claim('event-1', 'request-1')),
    ]);
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await b.publishOnce(event('m1'), claim('event-1', 'request-2'))).toBe(false);
    // A key the store claimed (as for events published without it) holds here too, and the other way round.
    expect(await store.claim(['event-2'], 60_000)).toBe(true);
    expect(await a.publishOnce(event('m1'), claim('event-2', 'request-3'))).toBe(false);
    expect(await a.publishOnce(event('m1'), claim('event-4', 'request-4'))).toBe(true);
    expect(await store.claim(['request-4'], 60_000)).toBe(false);

    await vi.waitFor(() => expect(got.map((e) => e.sequence)).toEqual([1, 2]), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toHaveLength(2);
  });
});
