import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { backendKeys } from './keys.js';
import type { Lock } from './lock.js';
import { storeFailure } from './store.js';
import { DEFAULT_LOCK_TTL_MS, DEFAULT_LOCK_WAIT_MS, lockWaitExceeded, pollUntil, type LockTiming } from './lockWait.js';
import { closeRedis, type RedisCommands } from './redisClient.js';

// Release and renewal act only while the key still holds our owner token: a holder whose lock
// expired (it stalled past the TTL) must never delete or extend the next holder's lock.
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";

/**
 * Cross-replica lock on Redis: `SET key owner NX PX ttl`, renewed while the holder works and
 * released by compare-and-delete. A holder that dies stops renewing; its lock expires after ttl.
 */
export class RedisLock implements Lock {
  private readonly waitMs: number;
  private readonly ttlMs: number;

  constructor(
    private readonly redis: RedisCommands,
    private readonly prefix: string,
    private readonly logger: Logger,
    timing: LockTiming = {},
  ) {
    this.waitMs = timing.waitMs ?? DEFAULT_LOCK_WAIT_MS;
    this.ttlMs = timing.ttlMs ?? DEFAULT_LOCK_TTL_MS;
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const lockKey = backendKeys.lock(this.prefix, key);
    const owner = randomUUID();
    let failure: unknown;
    const acquired = await pollUntil(
      async () => {
        const taken = (await this.redis.set(lockKey, owner, { condition: 'NX', expiration: { type: 'PX', value: this.ttlMs } })) === 'OK';
        failure = undefined;
        return taken;
      },
      this.waitMs,
      (err) => {
        failure = err;
        this.logger.warn({ err, key }, 'Redis lock attempt failed; retrying');
      },
    );
    // Redis itself did not answer (rather than another replica holding the lock).
    if (!acquired && failure !== undefined) throw storeFailure(failure);
    if (!acquired) throw lockWaitExceeded(key, this.waitMs);
    const renewal = setInterval(
      () => {
        this.redis.eval(RENEW, { keys: [lockKey], arguments: [owner, String(this.ttlMs)] }).catch((err: unknown) => {
          this.logger.warn({ err, key }, 'Redis lock renewal failed');
        });
      },
      Math.max(100, Math.floor(this.ttlMs / 3)),
    );
    renewal.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renewal);
      // If the release is lost, the lock still expires after ttl.
      await this.redis.eval(RELEASE, { keys: [lockKey], arguments: [owner] }).catch((err: unknown) => {
        this.logger.warn({ err, key }, 'Redis lock release failed; it expires on its own');
      });
    }
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
