import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PgLock } from '../../src/store/pgLock.js';
import { connectRedis, type RedisCommands } from '../../src/store/redisClient.js';
import { RedisLock } from '../../src/store/redisLock.js';
import { DATABASE_URL, postgresReachable, quiet, REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';

const [redisUp, postgresUp] = await Promise.all([redisReachable(), postgresReachable()]);
const never = () => new Promise<never>(() => undefined);
let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.map((c) => c().catch(() => undefined)));
  cleanup = [];
});

describe.skipIf(!redisUp)('RedisLock (SET NX PX + owner token)', () => {
  const ns = uniqueNamespace('redislock');
  const client = async () => {
    const c = await connectRedis(REDIS_URL, quiet);
    cleanup.push(() => c.close());
    return c;
  };

  it('a holder that dies (connection gone, no release, no renewal) loses the lock once its TTL passes', async () => {
    const holderConn = await client();
    const holder = new RedisLock(holderConn, ns, quiet, { ttlMs: 400, waitMs: 2000 });
    const waiter = new RedisLock(await client(), ns, quiet, { ttlMs: 400, waitMs: 2000 });
    let entered = false;
    void holder.withLock('k', () => ((entered = true), never())).catch(() => undefined);
    await sleep(50);
    expect(entered).toBe(true);
    holderConn.destroy(); // as kill -9 would
    const started = Date.now();
    expect(await waiter.withLock('k', async () => 'mine')).toBe('mine');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(200); // it did wait for the dead holder's lock to expire…
    expect(waited).toBeLessThan(1500); // …and no longer than the TTL and a poll
  });

  it("a holder whose lock expired while it stalled does not release the next holder's lock", async () => {
    const admin = await client();
    const a = new RedisLock(await client(), ns, quiet, { ttlMs: 5000, waitMs: 2000 });
    const b = new RedisLock(await client(), ns, quiet, { ttlMs: 5000, waitMs: 2000 });
    const c = new RedisLock(await client(), ns, quiet, { ttlMs: 5000, waitMs: 200 });
    let finishA!: () => void;
    const aDone = a.withLock('k2', () => new Promise<void>((r) => (finishA = r)));
    await sleep(30);
    await admin.del(`${ns}:lock:k2`); // A's lock expires while A is stalled
    let finishB!: () => void;
    let bEntered = false;
    const bDone = b.withLock('k2', () => ((bEntered = true), new Promise<void>((r) => (finishB = r))));
    await sleep(100);
    expect(bEntered).toBe(true);
    finishA();
    await aDone; // A's release runs now: it must leave B's lock alone
    const owner = await admin.get(`${ns}:lock:k2`);
    expect(owner).toMatch(/^[0-9a-f-]{36}$/);
    await expect(c.withLock('k2', async () => 'c')).rejects.toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
    finishB();
    await bDone;
    expect(await admin.get(`${ns}:lock:k2`)).toBeNull();
  });

  it('keeps working across a dropped connection (CLIENT KILL of its own connection)', async () => {
    const conn: RedisCommands = await client();
    const lock = new RedisLock(conn, ns, quiet, { ttlMs: 1000, waitMs: 3000 });
    const admin = await client();
    const id = await conn.clientId();
    await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(id)]);
    expect(await lock.withLock('k3', async () => randomUUID())).toMatch(/-/);
  });
});

describe.skipIf(!postgresUp)('PgLock (session advisory locks)', () => {
  const ns = uniqueNamespace('pglock');
  const lock = (waitMs = 2000) => {
    const l = new PgLock(DATABASE_URL, ns, quiet, { waitMs });
    cleanup.push(() => l.close());
    return l;
  };

  it('a holder whose connection dies releases the lock at once (PostgreSQL ends its session)', async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    cleanup.push(() => admin.end());
    const holder = lock();
    const waiter = lock();
    let finishHolder!: () => void;
    const held = holder.withLock('k', () => new Promise<void>((r) => (finishHolder = r))).catch(() => 'released on a dead connection');
    await sleep(100);
    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = hashtext($1)::oid AND objid = hashtext($2)::oid AND objsubid = 2",
      [ns, 'k'],
    );
    expect(rows).toHaveLength(1);
    const started = Date.now();
    const entered = waiter.withLock('k', async () => 'mine');
    await sleep(100);
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]); // the holder dies
    expect(await entered).toBe('mine');
    expect(Date.now() - started).toBeLessThan(1500);
    finishHolder(); // its unlock fails on the dead connection, which is dropped, not reused
    await held;
  });

  it('a waiter that times out (lock_timeout) holds nothing afterwards', async () => {
    const holder = lock();
    const impatient = lock(200);
    let release!: () => void;
    const held = holder.withLock('k2', () => new Promise<void>((r) => (release = r)));
    await sleep(100);
    await expect(impatient.withLock('k2', async () => 'x')).rejects.toMatchObject({ code: 'ZOOM_UNAVAILABLE' });
    release();
    await held;
    expect(await impatient.withLock('k2', async () => 'x')).toBe('x');
  });
});
