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
  if (!ok) console.warn(`Skipping PostgreSQL tests: DATABASE_URL (${DATABASE_URL}) is unreachable; set DATABASE_URL to a running PostgreSQL to run them.`);
  return ok;
}

/** A key namespace no other run uses, so parallel runs on one Redis or database never collide. */
export const uniqueNamespace = (what: string) => `zggt-${what}-${process.pid}-${randomUUID().slice(0, 8)}`;

export const redisStore: StoreConfig = { kind: 'redis', url: REDIS_URL };
export const postgresStore: StoreConfig = { kind: 'postgres', url: DATABASE_URL };
export const quiet = pino({ level: 'silent' });
