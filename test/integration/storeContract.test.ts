import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreConfig } from '../../src/config.js';
import { isGatewayError } from '../../src/errors.js';
import type { SharedStore } from '../../src/store/store.js';
import { createSharedStore } from '../../src/store/storeFactory.js';
import { TEST_KEY } from '../helpers/stores.js';
import { postgresReachable, postgresStore, quiet, redisReachable, redisStore, uniqueNamespace } from '../helpers/backends.js';

const KEY = new Uint8Array(Buffer.from(TEST_KEY, 'base64url'));
const dir = mkdtempSync(join(tmpdir(), 'zgg-store-'));
const [redisUp, postgresUp] = await Promise.all([redisReachable(), postgresReachable()]);

interface Backend {
  name: string;
  config: StoreConfig;
  /** Several processes can open it at once (locks must work across instances). */
  shared: boolean;
  reachable: boolean;
}

const backends: Backend[] = [
  { name: 'memory', config: { kind: 'memory' }, shared: false, reachable: true },
  { name: 'sqlite', config: { kind: 'sqlite', path: join(dir, 'contract.sqlite'), url: '' }, shared: false, reachable: true },
  { name: 'redis', config: redisStore, shared: true, reachable: redisUp },
  { name: 'postgres', config: postgresStore, shared: true, reachable: postgresUp },
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(backends)('SharedStore contract: $name', (b) => {
  const namespace = uniqueNamespace(`contract-${b.name}`);
  let opened: SharedStore[] = [];
  const open = async (lock = { waitMs: 2000, ttlMs: 1000 }) => {
    const s = await createSharedStore(b.config, [KEY], quiet, { namespace, lock });
    opened.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(opened.map((s) => s.close()));
    opened = [];
  });

  describe.skipIf(!b.reachable)('', () => {
    it('reads back what it wrote; a missing key is undefined; delete removes', async () => {
      const s = await open();
      expect(await s.get('missing')).toBeUndefined();
      await s.set('k1', { accessToken: 'a', n: 1 }, 60_000);
      expect(await s.get('k1')).toEqual({ accessToken: 'a', n: 1 });
      await s.delete('k1');
      expect(await s.get('k1')).toBeUndefined();
    });

    it('forgets an entry once its TTL has passed; a zero TTL stores nothing', async () => {
      const s = await open();
      await s.set('short', { v: 1 }, 300);
      expect(await s.get('short')).toEqual({ v: 1 });
      await sleep(450);
      expect(await s.get('short')).toBeUndefined();
      await s.set('zero', { v: 1 }, 0);
      expect(await s.get('zero')).toBeUndefined();
    });

    it.skipIf(b.name === 'memory')('keeps a durable entry (no TTL) across a reopen', async () => {
      const first = await open();
      await first.set('durable', { refreshToken: 'r1' });
      await first.close();
      opened = [];
      const second = await open();
      expect(await second.get('durable')).toEqual({ refreshToken: 'r1' });
      await second.delete('durable');
    });

    it.skipIf(b.name === 'memory')('an entry written with another key is treated as missing, not thrown', async () => {
      const s = await open();
      await s.set('foreign', { v: 1 }, 60_000);
      const other = await createSharedStore(b.config, [new Uint8Array(32).fill(9)], quiet, { namespace });
      opened.push(other);
      expect(await other.get('foreign')).toBeUndefined();
      expect(await s.get('foreign')).toEqual({ v: 1 });
      await s.delete('foreign');
    });

    it('the lock admits one holder at a time per key, across store instances when shared', async () => {
      const stores = b.shared ? [await open(), await open(), await open()] : [await open()];
      let inside = 0;
      let maxInside = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          stores[i % stores.length]!.withLock('same', async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            await sleep(15);
            order.push(i);
            inside--;
          }),
        ),
      );
      expect(maxInside).toBe(1);
      expect(order).toHaveLength(9);
    });

    it('a claim is won by exactly one of many concurrent callers, across store instances, and again once it expired', async () => {
      // SQLite counts as shared here: several processes may open one file.
      const stores = b.name === 'memory' ? [await open()] : [await open(), await open(), await open()];
      // A long TTL for the race: however slow the machine, no claim can expire while the others run.
      const wins = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % stores.length]!.claim(['delivery-1'], 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await stores[0]!.claim(['delivery-2'], 300)).toBe(true);
      expect(await stores[0]!.claim(['delivery-2'], 300)).toBe(false);
      // Redis expires PX keys on its own clock, so expiry is waited out in real time (longer than the TTL only).
      await sleep(450);
      const again = await Promise.all(stores.map((s) => s.claim(['delivery-2'], 60_000)));
      expect(again.filter(Boolean)).toHaveLength(1);
    });

    it('claims several keys together: refused when any is held; of concurrent callers with a key in common, one wins', async () => {
      const stores = b.name === 'memory' ? [await open()] : [await open(), await open(), await open()];
      const [s] = stores as [SharedStore];
      expect(await s.claim(['event-1', 'request-1'], 60_000)).toBe(true);
      expect(await s.claim(['event-2', 'request-1'], 60_000)).toBe(false);
      expect(await s.claim(['event-1', 'request-2'], 60_000)).toBe(false);
      // A retry with the same keys, and the same event under other request ids.
      const retries = await Promise.all(
        Array.from({ length: 12 }, (_, i) => stores[i % stores.length]!.claim(['event-3', 'request-3'], 60_000)),
      );
      expect(retries.filter(Boolean)).toHaveLength(1);
      const resent = await Promise.all(
        Array.from({ length: 12 }, (_, i) => stores[i % stores.length]!.claim(['event-4', `request-4-${i}`], 60_000)),
      );
      expect(resent.filter(Boolean)).toHaveLength(1);
    });

    it('a pending entry is listed (decrypted) by every instance until deleted; an id whose value expired is dropped', async () => {
      const stores = b.name === 'memory' ? [await open()] : [await open(), await open()];
      const [a, other] = [stores[0]!, stores.at(-1)!];
      await a.putPending('jobs', 'one', { event: 'meeting.updated', n: 1 }, 60_000);
      await a.putPending('jobs', 'two', { n: 2 }, 300);
      await a.putPending('other-set', 'three', { n: 3 }, 60_000);
      const sorted = (l: Array<{ id: string }>) => [...l].sort((x, y) => x.id.localeCompare(y.id));
      expect(sorted(await other.listPending('jobs'))).toEqual([
        { id: 'one', value: { event: 'meeting.updated', n: 1 } },
        { id: 'two', value: { n: 2 } },
      ]);
      // Only the entries whose id is wanted are read.
      expect(await other.listPending('jobs', (id) => id === 'two')).toEqual([{ id: 'two', value: { n: 2 } }]);
      await other.deletePending('jobs', 'one');
      expect(await a.listPending('jobs')).toEqual([{ id: 'two', value: { n: 2 } }]);
      // Redis expires PX keys on its own clock, so expiry is waited out in real time.
      await sleep(450);
      expect(await a.listPending('jobs')).toEqual([]);
      expect(await other.listPending('other-set')).toEqual([{ id: 'three', value: { n: 3 } }]);
      await a.deletePending('other-set', 'three');
      expect(await a.listPending('other-set')).toEqual([]);
    });

    it('different keys do not wait for each other', async () => {
      const s = await open();
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const held = s.withLock('a', () => new Promise<void>((r) => ((release = r), entered())));
      await inside; // 'a' is really held (taking a PostgreSQL lock first opens a connection)
      const started = Date.now();
      await s.withLock('b', async () => undefined);
      expect(Date.now() - started).toBeLessThan(1000);
      release();
      await held;
    });

    it.skipIf(!b.shared)('a waiter gives up after its bounded wait with ZOOM_UNAVAILABLE, and the holder keeps the lock', async () => {
      const holder = await open();
      const waiter = await open({ waitMs: 300, ttlMs: 1000 });
      let release: (() => void) | undefined;
      const held = holder.withLock('busy', () => new Promise<void>((r) => (release = r)));
      try {
        // Inside its lock before the waiter asks: a fixed pause raced a slow store.
        await vi.waitFor(() => expect(release).toBeDefined(), { timeout: 10_000, interval: 10 });
        const started = Date.now();
        const err = await waiter.withLock('busy', async () => 'ran').catch((e: unknown) => e);
        expect(isGatewayError(err) && err.code).toBe('ZOOM_UNAVAILABLE');
        expect(Date.now() - started).toBeGreaterThanOrEqual(250);
        // The failed waiter released nothing: a third instance still cannot get in.
        const third = await open({ waitMs: 200, ttlMs: 1000 });
        await expect(third.withLock('busy', async () => 'ran')).rejects.toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
        release!();
        await held;
        expect(await third.withLock('busy', async () => 'ran')).toBe('ran');
      } finally {
        // A failed expectation must not leave the lock held: closing the store would wait for it.
        release?.();
        await held;
      }
    });

    it('the holder of a lock that outlives its TTL keeps it (renewed while it works)', async () => {
      const s = await open({ waitMs: 2000, ttlMs: 300 });
      const other = b.shared ? await open({ waitMs: 2000, ttlMs: 300 }) : s;
      let inside = 0;
      let maxInside = 0;
      const work = () => async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await sleep(700);
        inside--;
      };
      await Promise.all([s.withLock('long', work()), sleep(50).then(() => other.withLock('long', work()))]);
      expect(maxInside).toBe(1);
    });
  });
});
