import type { Logger } from 'pino';
import { closeRedis, openRedis, type RedisCommands } from '../store/redisClient.js';
import { decodeSequenced, SEQUENCE_TTL_MS, type LiveBus } from './bus.js';
import type { DeliveryClaim, LiveEvent, UnsequencedEvent } from './liveEvent.js';
import { backendKeys } from '../store/keys.js';

/** INCR the meeting's counter and PUBLISH `<sequence> <event JSON>`, atomically. */
const PUBLISH_NEXT = `local s = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[1], s .. ' ' .. ARGV[3])
return s`;

/**
 * PUBLISH_NEXT for a delivery not claimed yet (KEYS[2] on: its claims, set for ARGV[4] ms as the
 * store's claim sets them); 0 and nothing published when one is held.
 */
const PUBLISH_ONCE = `for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
for i = 2, #KEYS do redis.call('SET', KEYS[i], '1', 'PX', ARGV[4]) end
local s = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[1], s .. ' ' .. ARGV[3])
return s`;

/**
 * Redis: `INCR` on a key per meeting for the sequence, `PUBLISH` on one channel per namespace.
 * A subscribed connection can issue no other command, so it is a connection of its own.
 */
export class RedisBus implements LiveBus {
  private readonly commands: RedisCommands;
  private readonly subscriber: RedisCommands;
  private readonly listeners: Array<(event: LiveEvent) => void> = [];
  private readonly channel: string;
  private readonly ready: Promise<void>;

  constructor(
    url: string,
    private readonly namespace: string,
    private readonly logger: Logger,
  ) {
    this.channel = `${namespace}:live:events`;
    this.commands = openRedis(url, logger, `${namespace}-live`);
    this.subscriber = openRedis(url, logger, `${namespace}-live-sub`);
    this.ready = this.subscriber
      .subscribe(this.channel, (message) => {
        const event = decodeSequenced(message, this.logger);
        if (event) for (const l of this.listeners) l(event);
      })
      .then(() => undefined);
    // Redis down at start: the subscription is made once it answers; nothing to wait for here.
    this.ready.catch((err: unknown) => logger.warn({ err }, 'live events: Redis subscription failed'));
  }

  /** Resolves once this replica receives what is published (tests, the benchmark). */
  subscribed(): Promise<void> {
    return this.ready;
  }

  async publish(event: UnsequencedEvent): Promise<void> {
    const key = `${this.namespace}:live:seq:${event.meetingId}`;
    // One script: no other replica's event of the meeting can be numbered between this one's
    // number and its publication, so every replica hears a meeting's events in sequence order.
    await this.commands.eval(PUBLISH_NEXT, { keys: [key], arguments: [this.channel, String(SEQUENCE_TTL_MS), JSON.stringify(event)] });
  }

  /** The store's claim keys (src/store/claim.ts), on the same Redis and namespace. */
  async publishOnce(event: UnsequencedEvent, claim: DeliveryClaim): Promise<boolean> {
    const keys = [`${this.namespace}:live:seq:${event.meetingId}`, ...claim.keys.map((k) => backendKeys.claim(this.namespace, k))];
    const args = [this.channel, String(SEQUENCE_TTL_MS), JSON.stringify(event), String(claim.ttlMs)];
    return (await this.commands.eval(PUBLISH_ONCE, { keys, arguments: args })) !== 0;
  }

  onEvent(listener: (event: LiveEvent) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    closeRedis(this.subscriber);
    closeRedis(this.commands);
  }
}
