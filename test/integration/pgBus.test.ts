import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEQUENCE_TTL_MS } from '../../src/live/bus.js';
import type { LiveEvent } from '../../src/live/liveEvent.js';
import { PgBus } from '../../src/live/pgBus.js';
import { DATABASE_URL, postgresReachable, quiet, uniqueNamespace } from '../helpers/backends.js';
import { manualClock } from '../helpers/stores.js';

const postgresUp = await postgresReachable();
const buses: PgBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

const event = (meetingId: string) => ({ meetingId, kind: 'STARTED', occurredAt: 1 }) as const;

describe.skipIf(!postgresUp)(`PgBus sequences (PostgreSQL at ${DATABASE_URL}${postgresUp ? '' : ': unreachable, skipped'})`, () => {
  it('numbers each meeting from 1, starts again after SEQUENCE_TTL_MS without an event, and deletes idle rows', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const namespace = uniqueNamespace('pgbus');
    const bus = new PgBus(DATABASE_URL, namespace, quiet, clock);
    buses.push(bus);
    await bus.subscribed();
    const got: LiveEvent[] = [];
    bus.onEvent((e) => got.push(e));
    const publish = async (meetingId: string) => {
      const before = got.length;
      await bus.publish(event(meetingId));
      await vi.waitFor(() => expect(got.length).toBe(before + 1), { timeout: 5000 });
      return got.at(-1)!.sequence;
    };

    expect([await publish('m1'), await publish('m2'), await publish('m1')]).toEqual([1, 1, 2]);
    clock.advance(SEQUENCE_TTL_MS - 1);
    expect(await publish('m1')).toBe(3);
    clock.advance(1);
    // m2's last event is SEQUENCE_TTL_MS old: it starts again; m1's is 1 ms old.
    expect([await publish('m2'), await publish('m1')]).toEqual([1, 4]);

    // A row idle past the TTL is deleted by the next prune (at most hourly per process).
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      const rows = async () =>
        (
          await db.query<{ key: string }>('SELECT key FROM gateway_live_sequences WHERE key LIKE $1 ORDER BY key', [`${namespace}:%`])
        ).rows.map((r) => r.key.slice(namespace.length + 1));
      expect(await rows()).toEqual(['m1', 'm2']);
      clock.advance(SEQUENCE_TTL_MS + 60 * 60_000);
      expect(await publish('m3')).toBe(1);
      expect(await rows()).toEqual(['m3']);
    } finally {
      await db.end();
    }
  });

  it('a table from before touched_at gains the column once, and its meetings go on from their numbers', async () => {
    // A schema of its own, so the shared table of the other tests is not altered.
    const schema = `zggt_upgrade_${process.pid}_${Date.now()}`;
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      await db.query(`CREATE SCHEMA ${schema}`);
      await db.query(`CREATE TABLE ${schema}.gateway_live_sequences (key text PRIMARY KEY, seq bigint NOT NULL)`);
      const namespace = uniqueNamespace('pgbus-upgrade');
      await db.query(`INSERT INTO ${schema}.gateway_live_sequences (key, seq) VALUES ($1, 41)`, [`${namespace}:m1`]);
      const url = new URL(DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const bus = new PgBus(url.toString(), namespace, quiet);
      buses.push(bus);
      await bus.subscribed();
      const got: LiveEvent[] = [];
      bus.onEvent((e) => got.push(e));
      await bus.publish(event('m1'));
      await vi.waitFor(() => expect(got.map((e) => e.sequence)).toEqual([42]), { timeout: 5000 });
      const { rows } = await db.query<{ touched_at: string }>(`SELECT touched_at FROM ${schema}.gateway_live_sequences`);
      expect(Number(rows[0]?.touched_at)).toBeGreaterThan(0);
    } finally {
      await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      await db.end();
    }
  });
});
