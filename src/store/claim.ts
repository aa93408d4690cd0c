import { backendKeys } from './keys.js';
import type { RedisCommands } from './redisClient.js';

/**
 * Set-if-absent with a TTL, atomic across every process sharing the backend: true for the one
 * caller that set `key`, false for all others until it expires. Holds no value worth sealing
 * (a marker), so it bypasses the cipher. Used to apply a retried delivery once.
 */
export type Claim = (key: string, ttlMs: number) => Promise<boolean>;

/** Rows of expired claims in SQL tables are swept at most this often per process. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Keyv's own row format, so a Keyv read of the key sees the expiry too. */
const marker = (ttlMs: number) => JSON.stringify({ value: '1', expires: Date.now() + ttlMs });

/** One process owns the store (memory): check-and-set never interleaves within a tick. */
export function localClaim(): Claim {
  const until = new Map<string, number>();
  return async (key, ttlMs) => {
    const now = Date.now();
    if ((until.get(key) ?? 0) > now) return false;
    until.set(key, now + ttlMs);
    if (until.size > 10_000) for (const [k, t] of until) if (t <= now) until.delete(k);
    return true;
  };
}

/** Redis: `SET NX PX`, which expires on its own. */
export function redisClaim(redis: RedisCommands, prefix: string): Claim {
  return async (key, ttlMs) =>
    (await redis.set(backendKeys.claim(prefix, key), '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK';
}

type SqlQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * SQLite and PostgreSQL: an insert that, on a conflicting key, overwrites only an expired
 * claim; RETURNING yields a row exactly when this caller set it. Both serialise the statement
 * on the row, so two processes on one SQLite file (or one database) cannot both win.
 */
export function sqlClaim(dialect: 'sqlite' | 'postgres', table: string, prefix: string, query: SqlQuery): Claim {
  const expires = dialect === 'sqlite' ? `json_extract(${table}.value, '$.expires')` : `(${table}.value::jsonb->>'expires')::bigint`;
  const p = (n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);
  const claim = `INSERT INTO ${table} (key, value) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE ${expires} < ${p(3)} RETURNING key`;
  const sweep = `DELETE FROM ${table} WHERE key LIKE ${p(1)} AND ${expires} < ${p(2)}`;
  let lastSweep = 0;
  return async (key, ttlMs) => {
    const now = Date.now();
    if (now - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = now;
      // Claims are unique per delivery: without a sweep their rows would stay forever.
      await query(sweep, [backendKeys.claimPattern(prefix), now]);
    }
    const rows = await query(claim, [backendKeys.claim(prefix, key), marker(ttlMs), now]);
    return rows.length === 1;
  };
}
