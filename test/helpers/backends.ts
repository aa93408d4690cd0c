import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { pino } from 'pino';
import type { StoreConfig } from '../../src/config.js';

/** The machine's services unless the environment names others (CI exports both). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A TCP connect within one second; enough to tell a running service from none. */
function canConnect(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function redisReachable(): Promise<boolean> {
  const ok = await canConnect(REDIS_URL, 6379);
  if (!ok) console.warn(`Skipping Redis tests: REDIS_URL (${REDIS_URL}) is unreachable; set REDIS_URL to a running Redis to run them.`);
  return ok;
}

export async function postgresReachable(): Promise<boolean> {
  const ok = await canConnect(DATABASE_URL, 5432);
  if (!ok)
    console.warn(
      `Skipping PostgreSQL tests: DATABASE_URL (${DATABASE_URL}) is unreachable; set DATABASE_URL to a running PostgreSQL to run them.`,
    );
  return ok;
}

/** Namespaces handed out in this test file; removeTestNamespaces deletes what was stored under them. */
const usedNamespaces = new Set<string>();

/** A key namespace no other run uses, so parallel runs on one Redis or database never collide. */
export const uniqueNamespace = (what: string) => {
  const namespace = `zggt-${what}-${process.pid}-${randomUUID().slice(0, 8)}`;
  usedNamespaces.add(namespace);
  return namespace;
};

/**
 * Deletes every Redis key and PostgreSQL row stored under the namespaces this file used (tokens,
 * refresh tokens kept without expiry, pacing counters, read-cache versions, live sequences), so a
 * test run leaves the shared services as it found them. Run after every file (test/setup.ts);
 * a service that is not there is skipped.
 */
export async function removeTestNamespaces(): Promise<void> {
  const namespaces = [...usedNamespaces];
  usedNamespaces.clear();
  if (namespaces.length === 0) return;
  await Promise.all([removeFromRedis(namespaces), removeFromPostgres(namespaces)]);
}

async function removeFromRedis(namespaces: string[]): Promise<void> {
  if (!(await canConnect(REDIS_URL, 6379))) return;
  const { createClient } = await import('@keyv/redis');
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    for (const namespace of namespaces) {
      // Every key of a namespace starts with it: Keyv's `ns::ns:…`, locks, claims, pacing, pending sets.
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${namespace}*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length > 0) await client.unlink(keys);
    }
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function removeFromPostgres(namespaces: string[]): Promise<void> {
  if (!(await canConnect(DATABASE_URL, 5432))) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    for (const table of ['gateway_tokens', 'gateway_live_sequences']) {
      const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [table]);
      if (!exists.rows[0]?.t) continue;
      for (const namespace of namespaces) await client.query(`DELETE FROM ${table} WHERE key LIKE $1`, [`${namespace}%`]);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const redisStore: StoreConfig = { kind: 'redis', url: REDIS_URL };
export const postgresStore: StoreConfig = { kind: 'postgres', url: DATABASE_URL };
export const quiet = pino({ level: 'silent' });
