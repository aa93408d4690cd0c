import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import type { Logger } from 'pino';
import type { StoreConfig } from '../config.js';
import { TokenCipher } from './encryption.js';
import { LocalLock, type Lock } from './lock.js';
import type { LockTiming } from './lockWait.js';
import { KeyvTokenStore, type TokenStore } from './store.js';

export interface TokenStoreOptions {
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
export async function createTokenStore(config: StoreConfig, keys: Uint8Array[], logger: Logger, options: TokenStoreOptions = {}): Promise<TokenStore> {
  const cipher = new TokenCipher(keys);
  const namespace = options.namespace ?? 'zgg';
  const { store, lock } = await backend(config, namespace, logger, options);
  // NOTE: Keyv swallows store errors unless told otherwise; a refresh token that was not saved must fail loudly.
  const keyv = new Keyv({ store, namespace, throwOnErrors: true });
  return new KeyvTokenStore(keyv, cipher, lock, logger);
}

async function backend(config: StoreConfig, namespace: string, logger: Logger, options: TokenStoreOptions): Promise<{ store: Keyv['store']; lock: Lock }> {
  switch (config.kind) {
    case 'memory':
      return { store: new Map(), lock: new LocalLock() };
    case 'sqlite': {
      if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      return { store: new KeyvSqlite({ uri: `sqlite://${config.path}`, busyTimeout: 5000 }), lock: new LocalLock() };
    }
    case 'redis': {
      const [{ default: KeyvRedis }, { connectRedis, redisKeepsNothing, redisOptions }, { RedisLock }] = await Promise.all([
        import('@keyv/redis'),
        import('./redisClient.js'),
        import('./redisLock.js'),
      ]);
      const name = `zgg:${namespace}`;
      const client = await connectRedis(config.url, logger, name);
      if (options.durable && (await redisKeepsNothing(client).catch(() => false))) {
        logger.warn(
          'Redis keeps nothing on disk (AOF off, no RDB save points): a Redis restart loses every user refresh token and users must authorize again. Enable appendonly yes.',
        );
      }
      const store = new KeyvRedis(redisOptions(config.url, name), { throwOnErrors: true });
      // Connected before the first request: calls made while it still connects would see errors, not tokens.
      await store.getClient();
      return { store, lock: new RedisLock(client, namespace, logger, options.lock) };
    }
    case 'postgres': {
      const [{ default: KeyvPostgres }, { PgLock }] = await Promise.all([import('@keyv/postgres'), import('./pgLock.js')]);
      return {
        store: new KeyvPostgres({ uri: config.url, table: 'gateway_tokens' }),
        lock: new PgLock(config.url, namespace, logger, options.lock),
      };
    }
  }
}
