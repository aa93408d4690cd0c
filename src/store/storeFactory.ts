import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Keyv from 'keyv';
import type { Logger } from 'pino';
import { ConfigError, type StoreConfig } from '../config.js';
import { localClaim, redisClaim, sqlClaim, type Claim } from './claim.js';
import { StoreCipher } from './encryption.js';
import { backendKeys, storeKeys } from './keys.js';
import { LocalLock, type Lock } from './lock.js';
import { localPending, redisPending, sqlPending, type PendingIndex } from './pending.js';
import type { LockTiming } from './lockWait.js';
import { KeyvSharedStore, type SharedStore } from './store.js';

export interface SharedStoreOptions {
  /** Prefix of every key and lock; replicas sharing a store must agree on it. @default 'zgg' */
  namespace?: string;
  /** User OAuth is on: refresh tokens live in the store, so a store that forgets them is worth a warning. */
  durable?: boolean;
  lock?: LockTiming;
}

/**
 * Builds the configured Keyv backend with its lock; one adapter per backend. Each backend's
 * driver is loaded only when configured, so a process never holds the other three in memory.
 */
export async function createSharedStore(
  config: StoreConfig,
  keys: Uint8Array[],
  logger: Logger,
  options: SharedStoreOptions = {},
): Promise<SharedStore> {
  const cipher = new StoreCipher(keys);
  const namespace = options.namespace ?? 'zgg';
  const { store, lock, claim, pending } = await backend(config, namespace, logger, options);
  // NOTE: Keyv swallows store errors unless told otherwise; a refresh token that was not saved must fail loudly.
  const keyv = new Keyv({ store, namespace, throwOnErrors: true });
  return new KeyvSharedStore(keyv, cipher, lock, logger, claim, pending);
}

interface Backend {
  store: Keyv['store'];
  lock: Lock;
  claim: Claim;
  pending: PendingIndex;
}

async function backend(config: StoreConfig, namespace: string, logger: Logger, options: SharedStoreOptions): Promise<Backend> {
  switch (config.kind) {
    case 'memory':
      return { store: new Map(), lock: new LocalLock(), claim: localClaim(), pending: localPending() };
    case 'sqlite': {
      const store = await openSqlite(config.path);
      // Several processes may open one SQLite file: claims are decided by SQLite, not in memory.
      const query = (sql: string, params: unknown[]) => store.query(sql, ...params);
      return {
        store,
        lock: new LocalLock(),
        claim: sqlClaim('sqlite', 'keyv', namespace, query),
        pending: sqlPending('sqlite', 'keyv', namespace, storeKeys.pending, query),
      };
    }
    case 'redis': {
      const [{ default: KeyvRedis }, { openRedis, redisKeepsNothing }, { RedisLock }] = await Promise.all([
        import('@keyv/redis'),
        import('./redisClient.js'),
        import('./redisLock.js'),
      ]);
      // One connection for values and locks. Not awaited: see openRedis.
      const client = openRedis(config.url, logger, backendKeys.redisClientName(namespace));
      if (options.durable) {
        const check = () =>
          redisKeepsNothing(client).then((nothing) => {
            if (nothing) {
              logger.warn(
                'Redis keeps nothing on disk (AOF off, no RDB save points): a Redis restart loses every user refresh token and users must authorize again. Enable appendonly yes.',
              );
            }
          });
        // Redis down at start: checked once it answers instead.
        await check().catch(() => client.once('ready', () => void check().catch(() => undefined)));
      }
      return {
        store: new KeyvRedis(client, { throwOnErrors: true }),
        lock: new RedisLock(client, namespace, logger, options.lock),
        claim: redisClaim(client, namespace),
        pending: redisPending(client, namespace),
      };
    }
    case 'postgres': {
      const [{ default: KeyvPostgres }, { PgLock }] = await Promise.all([import('@keyv/postgres'), import('./pgLock.js')]);
      const store = new KeyvPostgres({ uri: config.url, table: 'gateway_tokens' });
      const query = (sql: string, params: unknown[]) => store.query(sql, params) as Promise<unknown[]>;
      return {
        store,
        lock: new PgLock(config.url, namespace, logger, options.lock),
        claim: sqlClaim('postgres', 'gateway_tokens', namespace, query),
        pending: sqlPending('postgres', 'gateway_tokens', namespace, storeKeys.pending, query),
      };
    }
  }
}

/**
 * Opens the SQLite file and writes to it once, so a path the process cannot use stops the
 * start with a message naming CACHE_URL and the path, instead of an unhandled rejection later.
 */
async function openSqlite(path: string): Promise<InstanceType<typeof import('@keyv/sqlite').default>> {
  const cannot = (what: string, err: unknown) =>
    new ConfigError(
      [
        `CACHE_URL: cannot ${what} "${path}" (${(err as Error).message}); make its directory writable by this user, or point CACHE_URL at a writable file elsewhere, e.g. ${elsewhere(path)}`,
      ],
      'Cannot start',
    );
  if (path !== ':memory:') {
    try {
      makeDirectory(dirname(path));
    } catch (err) {
      throw cannot('create the directory of the SQLite store', err);
    }
  }
  const { default: KeyvSqlite } = await import('@keyv/sqlite');
  const store = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5000 });
  try {
    await store.set('__writable__', '1');
    await store.delete('__writable__');
  } catch (err) {
    await store.disconnect().catch(() => undefined);
    throw cannot('open or write the SQLite store', err);
  }
  return store;
}

/** A SQLite path to suggest that is not the one that failed: under the user's temporary directory. */
function elsewhere(path: string): string {
  const suggestion = join(tmpdir(), 'zoom-graphql-gateway', 'gateway.sqlite');
  return resolve(path) === resolve(suggestion) ? 'memory:// (tokens then last until the process ends)' : `sqlite://${suggestion}`;
}

/** mkdir -p, one level at a time: Node's recursive mkdir never returns for some /proc paths. */
function makeDirectory(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
