import type { Logger } from 'pino';
import { closeRedis, openRedis, type RedisCommands } from '../store/redisClient.js';
import { decodeEvent, SEQUENCE_TTL_MS, type LiveBus } from './bus.js';
import type { LiveEvent, UnsequencedEvent } from './liveEvent.js';

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
        const event = decodeEvent(message, this.logger);
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
    const [sequence] = (await this.commands.multi().incr(key).pExpire(key, SEQUENCE_TTL_MS).exec()) as unknown as [number, number];
    await this.commands.publish(this.channel, JSON.stringify({ ...event, sequence: Number(sequence) }));
  }

  onEvent(listener: (event: LiveEvent) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    closeRedis(this.subscriber);
    closeRedis(this.commands);
  }
}
