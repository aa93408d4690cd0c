import { backendKeys } from './keys.js';
import type { RedisCommands } from './redisClient.js';

/**
 * The ids of a set's pending entries, shared by every process on the backend, so any replica
 * can find work another one accepted and did not finish. The entries' values live in the store
 * itself (sealed); this only lists them. An id may outlive its value (deleted, or past its
 * TTL): readers drop such ids.
 */
export interface PendingIndex {
  add(set: string, id: string): Promise<void>;
  remove(set: string, id: string): Promise<void>;
  list(set: string): Promise<string[]>;
}

/** One process owns the store (memory): a set per name. */
export function localPending(): PendingIndex {
  const sets = new Map<string, Set<string>>();
  const of = (set: string) => sets.get(set) ?? sets.set(set, new Set()).get(set)!;
  return {
    add: async (set, id) => void of(set).add(id),
    remove: async (set, id) => void of(set).delete(id),
    list: async (set) => [...of(set)],
  };
}

/** Redis: a Redis set per name beside Keyv's keys. */
export function redisPending(redis: RedisCommands, namespace: string): PendingIndex {
  return {
    add: async (set, id) => void (await redis.sAdd(backendKeys.pending(namespace, set), id)),
    remove: async (set, id) => void (await redis.sRem(backendKeys.pending(namespace, set), id)),
    list: (set) => redis.sMembers(backendKeys.pending(namespace, set)),
  };
}

type SqlQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * SQLite and PostgreSQL: the entries' own rows in Keyv's table are the index (Keyv stores `key`
 * as `namespace:key`), so adding and removing write nothing of their own.
 */
export function sqlPending(
  dialect: 'sqlite' | 'postgres',
  table: string,
  namespace: string,
  entryKey: (set: string, id: string) => string,
  query: SqlQuery,
): PendingIndex {
  const select = `SELECT key FROM ${table} WHERE key LIKE ${dialect === 'sqlite' ? '?' : '$1'}`;
  return {
    add: async () => undefined,
    remove: async () => undefined,
    list: async (set) => {
      const prefix = `${namespace}:${entryKey(set, '')}`;
      // LIKE's `_` and `%` may occur in the namespace: the prefix is checked exactly below.
      const rows = (await query(select, [`${prefix}%`])) as Array<{ key: string }>;
      return rows.filter((r) => r.key.startsWith(prefix)).map((r) => r.key.slice(prefix.length));
    },
  };
}
