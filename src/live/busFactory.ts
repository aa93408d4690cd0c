import type { Logger } from 'pino';
import type { StoreConfig } from '../config.js';
import type { Clock } from '../clock.js';
import { LocalBus, type LiveBus } from './bus.js';

/**
 * The bus of the configured store: Redis pub/sub, PostgreSQL LISTEN/NOTIFY, or in-process for
 * memory and SQLite (one process each; see docs/webhooks-and-subscriptions.md#subscriptions). Drivers load only when used.
 */
export async function createLiveBus(store: StoreConfig, namespace: string, logger: Logger, clock?: Clock): Promise<LiveBus> {
  switch (store.kind) {
    case 'redis': {
      const { RedisBus } = await import('./redisBus.js');
      return new RedisBus(store.url, namespace, logger);
    }
    case 'postgres': {
      const { PgBus } = await import('./pgBus.js');
      return new PgBus(store.url, namespace, logger, clock);
    }
    default:
      return new LocalBus(clock);
  }
}
