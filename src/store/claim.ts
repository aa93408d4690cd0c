import { backendKeys } from './keys.js';
import type { RedisCommands } from './redisClient.js';

/**
 * Set-if-absent with a TTL, atomic across every process sharing the backend: true for the one
 * caller that set every key of `keys`, false for all others until they expire (a caller refused
 * for one key may have set others). Holds no value worth sealing (a marker), so it bypasses the
 * cipher. Used to apply a retried delivery once.
 */
export type Claim = (keys: readonly string[], ttlMs: number) => Promise<boolean>;

/** Rows of expired claims in SQL tables are swept at most this often per process. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Keyv's own row format, so a Keyv read of the key sees the expiry too. */
const marker = (ttlMs: number) => JSON.stringify({ value: '1', expires: Date.now() + ttlMs });

/** One process owns the store (memory): check-and-set never interleaves within a tick. */
export function localClaim(): Claim {
  const until = new Map<string, number>();
  return async (keys, ttlMs) => {
    const now = Date.now();
    if (keys.some((key) => (until.get(key) ?? 0) > now)) return false;
    for (const key of keys) until.set(key, now + ttlMs);
    if (until.size > 10_000) for (const [k, t] of until) if (t <= now) until.delete(k);
    return true;
  };
}

/** Every key or none, in one round trip: none may be held yet. */
const CLAIM_ALL = `for _, k in ipairs(KEYS) do
  if redis.call('EXISTS', k) == 1 then return 0 end
end
for _, k in ipairs(KEYS) do redis.call('SET', k, '1', 'PX', ARGV[1]) end
return 1`;

/** Redis: `SET NX PX` (a script for several keys), which expires on its own. */
export function redisClaim(redis: RedisCommands, prefix: string): Claim {
  return async (keys, ttlMs) => {
    const claimKeys = keys.map((key) => backendKeys.claim(prefix, key));
    if (claimKeys.length === 1) {
      return (await redis.set(claimKeys[0]!, '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK';
    }
    return (await redis.eval(CLAIM_ALL, { keys: claimKeys, arguments: [String(ttlMs)] })) === 1;
  };
}

type SqlQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * SQLite and PostgreSQL: an insert that, on a conflicting key, overwrites only an expired
 * claim; RETURNING yields a row exactly when this caller set it. Both serialise the statement
 * on the row, so two processes on one SQLite file (or one database) cannot both win. Several keys
 * are claimed one at a time, in order, until one is held: two callers claiming the same keys
 * meet at the first, so one of them wins them all.
 */
export function sqlClaim(dialect: 'sqlite' | 'postgres', table: string, prefix: string, query: SqlQuery): Claim {
  const expires = dialect === 'sqlite' ? `json_extract(${table}.value, '$.expires')` : `(${table}.value::jsonb->>'expires')::bigint`;
  const p = (n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);
  const claim = `INSERT INTO ${table} (key, value) VALUES (${p(1)}, ${p(2)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE ${expires} < ${p(3)} RETURNING key`;
  const sweep = `DELETE FROM ${table} WHERE key LIKE ${p(1)} AND ${expires} < ${p(2)}`;
  let lastSweep = 0;
  return async (keys, ttlMs) => {
    const now = Date.now();
    if (now - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = now;
      // Claims are unique per delivery: without a sweep their rows would stay forever.
      await query(sweep, [backendKeys.claimPattern(prefix), now]);
    }
    for (const key of keys) {
      const rows = await query(claim, [backendKeys.claim(prefix, key), marker(ttlMs), now]);
      if (rows.length !== 1) return false;
    }
    return true;
  };
}
