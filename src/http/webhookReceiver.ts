import type { FastifyBaseLogger } from 'fastify';
import type { TokenStore } from '../store/store.js';
import type { UserOAuthSource } from '../tokens/userOAuth.js';
import type { ZakCache } from '../tokens/zak.js';
import type { ZoomChangeSink } from '../zoom/changes.js';
import { liveKindOf, type LiveEventSink } from '../live/liveEvent.js';
import type { Clock } from '../clock.js';
import { isParticipantEvent, type EventLabel, type ZoomEvent } from './webhookEvents.js';

/**
 * How long a delivery is remembered. NOTE: Zoom retries after 5, 20 and 60 minutes (ZOOM.md §9),
 * so the last retry comes at most 85 minutes after the first attempt; two hours leaves margin.
 */
const DELIVERY_TTL_MS = 2 * 60 * 60_000;

export interface WebhookReceiverOptions {
  store: TokenStore;
  changes: ZoomChangeSink;
  zaks: ZakCache;
  /** Null when no user OAuth app is configured: there are no grants to purge. */
  userOAuth: UserOAuthSource | null;
  observe: (event: EventLabel, outcome: 'applied' | 'duplicate' | 'ignored' | 'failed') => void;
  /** Subscribers' events: each meeting event is published once, after its delivery is claimed. */
  live?: LiveEventSink;
  clock?: Clock;
}

type Actionable = Exclude<ZoomEvent, { type: 'url_validation' }>;

/**
 * Applies accepted events after Zoom has its answer: once per delivery across replicas (a claim
 * in the shared store), then reports changes and drops what a departed user leaves behind.
 */
export class WebhookReceiver {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly opts: WebhookReceiverOptions) {}

  /** Starts the work without waiting for it; `drain` waits for all of it. */
  enqueue(event: Actionable, label: EventLabel, deliveryKeys: string[], log: FastifyBaseLogger): void {
    const work = this.apply(event, label, deliveryKeys).catch((err: unknown) => {
      this.opts.observe(label, 'failed');
      log.error({ err, event: label }, 'webhook event could not be applied');
    });
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async apply(event: Actionable, label: EventLabel, deliveryKeys: string[]): Promise<void> {
    if (event.type === 'other') return this.opts.observe(label, 'ignored');
    const { userOAuth } = this.opts;
    if (event.type === 'deauthorized' && event.clientId && userOAuth && event.clientId !== userOAuth.clientId) {
      // Another app of the account was removed: this gateway holds no grant of it.
      return this.opts.observe(label, 'ignored');
    }
    // One at a time, the event's identity first: claimed all at once, two deliveries of one event
    // (a retry with the same request id) could each win one key and both count as duplicates.
    for (const key of deliveryKeys) {
      if (!(await this.opts.store.claim(key, DELIVERY_TTL_MS))) return this.opts.observe(label, 'duplicate');
    }
    await this.effects(event);
    this.opts.observe(label, 'applied');
  }

  private async effects(event: Exclude<Actionable, { type: 'other' }>): Promise<void> {
    const { changes } = this.opts;
    switch (event.type) {
      case 'meeting': {
        // Who joins or leaves changes nothing a cached read returns.
        if (!isParticipantEvent(event.event)) {
          await changes.changed({ kind: 'meeting', meetingId: event.meetingId, ...(event.hostId ? { hostId: event.hostId } : {}) });
        }
        const kind = liveKindOf(event.event);
        if (!kind || !this.opts.live) return;
        const { meetingId, hostId, topic, at, participant } = event;
        const occurredAt = event.eventTs ?? (this.opts.clock ?? Date).now();
        return this.opts.live.publish({ meetingId, kind, occurredAt, ...(hostId ? { hostId } : {}), ...(topic ? { topic } : {}), ...(at ? { at } : {}), ...(participant ? { participant } : {}) });
      }
      case 'registrants':
        return changes.changed({ kind: 'registrants', meetingId: event.meetingId });
      case 'user':
        if (event.gone && event.userId) await this.forgetUser(event.userId);
        return changes.changed({ kind: 'user', ...(event.userId ? { userId: event.userId } : {}), ...(event.email ? { email: event.email } : {}) });
      case 'deauthorized':
        return this.forgetUser(event.userId);
      default:
        return assertNever(event);
    }
  }

  private async forgetUser(userId: string): Promise<void> {
    await Promise.all([this.opts.userOAuth?.purge(userId), this.opts.zaks.invalidate(userId)]);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected webhook event: ${JSON.stringify(x)}`);
}
