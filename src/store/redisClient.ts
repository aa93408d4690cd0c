import { createClient } from '@keyv/redis';
import type { Logger } from 'pino';

/**
 * Options for every Redis connection of the gateway: commands issued while it reconnects wait
 * in the queue (a dropped connection is back in milliseconds) but never longer than 3 s, so
 * each caller stays within its own deadline when Redis is really gone.
 */
const redisOptions = (url: string, name?: string) => ({
  url,
  // Shows up in CLIENT LIST, so operators can tell this gateway's connections apart.
  ...(name ? { name } : {}),
  commandOptions: { timeout: 3000 },
  socket: { connectTimeout: 5000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
});

const newClient = (url: string, name?: string) => createClient(redisOptions(url, name));

export type RedisCommands = ReturnType<typeof newClient>;

/**
 * A Redis connection for the store, locks and pacing, returned at once: it connects (and
 * reconnects) in the background, so a Redis that is down at start leaves the gateway
 * listening with /readyz at 503, as PostgreSQL does, until Redis answers. Commands issued
 * meanwhile wait in the client's queue up to the command timeout.
 */
export function openRedis(url: string, logger: Logger, name?: string): RedisCommands {
  const client = newClient(url, name);
  let lastLogged = 0;
  client.on('error', (err: unknown) => {
    // A dropped connection reports once per reconnect attempt; once a few seconds is enough.
    if (Date.now() - lastLogged < 5000) return;
    lastLogged = Date.now();
    // The message only: the stack is the client's own reconnect loop every time.
    logger.warn({ reason: err instanceof Error ? err.message || err.name : String(err) }, 'Redis connection error; reconnecting');
  });
  // Settles only once connected (the reconnect strategy retries forever) or closed.
  client.connect().catch((err: unknown) => logger.debug({ err }, 'Redis connection given up'));
  return client;
}

/** A Redis connection, once it is connected (tests and tools; the gateway uses openRedis). */
export async function connectRedis(url: string, logger: Logger, name?: string): Promise<RedisCommands> {
  const client = openRedis(url, logger, name);
  if (!client.isReady) await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

/**
 * Drops the connection at once. Called at shutdown, when every request has finished and
 * nothing is left to wait for. NOTE: node-redis's graceful close() waits for its queue to
 * empty, and after commands timed out during an outage it can wait forever; shutdown must not.
 */
export function closeRedis(client: RedisCommands): void {
  if (client.isOpen) client.destroy();
}

/**
 * True when this Redis server writes nothing to disk: AOF off and no RDB save points. A
 * restart then loses every user refresh token (docs/operations.md#several-replicas-with-redis: refresh tokens are durable state).
 */
export async function redisKeepsNothing(client: RedisCommands): Promise<boolean> {
  const info = await client.info('persistence');
  if (/^aof_enabled:1\s*$/m.test(info)) return false;
  try {
    const save = await client.configGet('save');
    return (save.save ?? '').trim() === '';
  } catch {
    // CONFIG is often disabled on managed Redis; those persist by default, so do not cry wolf.
    return false;
  }
}
