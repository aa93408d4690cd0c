import type { Logger } from 'pino';
import type { PacingPlan, StoreConfig } from '../config.js';
import { backendKeys } from '../store/keys.js';
import type { Pacer } from './httpClient.js';
import { LocalPacer } from './pacer.js';
import { pacingIntervals } from './pacerLimits.js';

export interface PacerOptions {
  plan: PacingPlan;
  store: StoreConfig;
  /** Zoom counts limits per account; replicas of one account share one budget. */
  account: string;
  namespace: string;
  logger: Logger;
}

/** Shared across replicas when the store is Redis, in-process otherwise; none for plan `none`. */
export async function createPacer(o: PacerOptions): Promise<(Pacer & { close?(): Promise<void> }) | undefined> {
  if (o.plan === 'none') return undefined;
  const intervals = pacingIntervals(o.plan);
  if (o.store.kind !== 'redis') return new LocalPacer(intervals);
  const [{ openRedis }, { RedisPacer }] = await Promise.all([import('../store/redisClient.js'), import('./pacerRedis.js')]);
  // Not awaited: Redis down at start paces in this process until it answers (see RedisPacer).
  const redis = openRedis(o.store.url, o.logger, backendKeys.redisPacerClientName(o.namespace));
  return new RedisPacer(redis, backendKeys.pacer(o.namespace, o.account), intervals, o.logger);
}
