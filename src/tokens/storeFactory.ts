import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { Logger } from 'pino';
import type { StoreConfig } from '../config.js';
import { TokenCipher } from './encryption.js';
import { LocalLock, type Lock } from './lock.js';
import { KeyvTokenStore, type TokenStore } from './store.js';

const NAMESPACE = 'zgg';

/** Builds the configured Keyv backend with its lock; one adapter per backend. */
export async function createTokenStore(config: StoreConfig, keys: Uint8Array[], logger: Logger): Promise<TokenStore> {
  const cipher = new TokenCipher(keys);
  const { keyv, lock } = await backend(config);
  return new KeyvTokenStore(keyv, cipher, lock, logger);
}

async function backend(config: StoreConfig): Promise<{ keyv: Keyv; lock: Lock }> {
  switch (config.kind) {
    case 'memory':
      return { keyv: new Keyv({ namespace: NAMESPACE }), lock: new LocalLock() };
    case 'sqlite': {
      if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
      const store = new KeyvSqlite({ uri: `sqlite://${config.path}`, busyTimeout: 5000 });
      return { keyv: new Keyv({ store, namespace: NAMESPACE }), lock: new LocalLock() };
    }
    case 'redis':
    case 'postgres':
      throw new Error(`CACHE_URL ${config.kind} store is not available in this build`);
  }
}
