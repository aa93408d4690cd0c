import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { backendKeys } from '../store/keys.js';
import { closeRedis, type RedisCommands } from '../store/redisClient.js';
import type { Pacer } from './httpClient.js';
import { LocalPacer, pacingExceeded } from './pacer.js';
import type { RateCategory } from './rateCategory.js';

// The next free slot per account+category, on Redis's own clock so replicas' clocks need not
// agree. Returns the wait in ms, or -(wait+1) when the wait exceeds the caller's limit (no slot taken).
const TAKE_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if slot < now then slot = now end
local wait = slot - now
if wait > maxWait then return -(wait + 1) end
redis.call('SET', KEYS[1], slot + interval, 'PX', wait + interval + 1000)
return wait
`;

/** Pacing shared by every replica on one Redis; falls back to in-process pacing while Redis is unreachable. */
export class RedisPacer implements Pacer {
  private readonly fallback: LocalPacer;
  private lastWarned = 0;

  constructor(
    private readonly redis: RedisCommands,
    private readonly prefix: string,
    private readonly intervals: Record<RateCategory, number>,
    private readonly logger: Logger,
  ) {
    this.fallback = new LocalPacer(intervals);
  }

  async acquire(category: RateCategory, maxWaitMs = 3_600_000): Promise<void> {
    let wait: number;
    try {
      // Not connected: waiting out the command timeout first would only delay the Zoom call.
      if (!this.redis.isReady) throw new Error('Redis is not connected');
      const reply = await this.redis.eval(TAKE_SLOT, {
        keys: [backendKeys.pacerSlot(this.prefix, category)],
        arguments: [String(this.intervals[category]), String(Math.floor(Math.min(maxWaitMs, 3_600_000)))],
      });
      wait = Number(reply);
    } catch (err) {
      if (Date.now() - this.lastWarned > 5000) {
        this.lastWarned = Date.now();
        this.logger.warn({ err }, 'Redis pacing unavailable; pacing in this process only');
      }
      return this.fallback.acquire(category, maxWaitMs);
    }
    if (wait < 0) throw pacingExceeded(-wait - 1);
    if (wait > 0) await sleep(wait);
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
