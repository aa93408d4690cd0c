import type { Logger } from 'pino';
import type { LiveBus } from './bus.js';
import type { DeliveryClaim, LiveEvent, LiveEventSink, UnsequencedEvent } from './liveEvent.js';

/**
 * How long an event waits for an earlier one of its meeting. The Redis and PostgreSQL buses
 * publish in sequence order, so this is a safety net: a gap lasts this long only when an event
 * was lost (a bus connection dropped while it was sent), or once per meeting for a replica that
 * joins while its events are flowing.
 */
const REORDER_WAIT_MS = 2000;
/** Meetings whose order and host one replica remembers; the least recently active go first. */
const MAX_MEETINGS = 50_000;
/** Events one subscription may have waiting to be sent before its client counts as slow. */
export const MAX_QUEUED_EVENTS = 1000;

export type DropReason = 'duplicate' | 'slow_consumer';

export interface HubObserver {
  dropped(reason: DropReason, n: number): void;
}

interface MeetingOrder {
  /** The last sequence passed on; an event at or below it was seen already. */
  last: number;
  pending: Map<number, LiveEvent>;
  timer?: NodeJS.Timeout;
  /** The host as the latest event naming one said. */
  hostId?: string;
  /** Nothing passed on yet: a gap before the first event is history this replica never saw. */
  fresh: boolean;
}

/**
 * One subscription's events, in order: pulled as an async iterator (graphql-js's way), or handed
 * to a listener as they arrive (`listen`). Bounded: a client that cannot keep up is reported once
 * (`onOverflow`) and gets nothing more.
 */
export class Feed implements AsyncIterableIterator<LiveEvent> {
  private readonly buffer: LiveEvent[] = [];
  private waiter: ((r: IteratorResult<LiveEvent>) => void) | undefined;
  private done = false;
  private listener: ((event: LiveEvent) => Promise<void> | void) | undefined;
  /** The listener's work for an earlier event is still under way: later events wait in the buffer. */
  private busy = false;

  constructor(
    readonly accepts: (event: LiveEvent) => boolean,
    private readonly onOverflow: (queued: number) => void,
    private readonly onEnd: (feed: Feed) => void,
    private readonly cap = MAX_QUEUED_EVENTS,
  ) {}

  push(event: LiveEvent): void {
    if (this.done) return;
    if (this.listener && !this.busy) return this.deliver(event);
    const waiter = this.listener ? undefined : this.waiter;
    if (waiter) {
      this.waiter = undefined;
      return waiter({ value: event, done: false });
    }
    if (this.buffer.length >= this.cap) {
      const queued = this.buffer.length + 1;
      this.end();
      return this.onOverflow(queued);
    }
    this.buffer.push(event);
  }

  /**
   * From now on every event goes to `listener` as it arrives, in order: while the promise it
   * returned for one is pending, the next ones wait (and count towards the bound). `next()`
   * then only tells when the feed ends.
   */
  listen(listener: (event: LiveEvent) => Promise<void> | void): void {
    this.listener = listener;
    this.drain();
  }

  async next(): Promise<IteratorResult<LiveEvent>> {
    const event = this.listener ? undefined : this.buffer.shift();
    if (event) return { value: event, done: false };
    if (this.done) return { value: undefined, done: true };
    return new Promise((resolve) => (this.waiter = resolve));
  }

  async return(): Promise<IteratorResult<LiveEvent>> {
    this.end();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private deliver(event: LiveEvent): void {
    const pending = this.listener!(event);
    if (!pending) return;
    this.busy = true;
    const resume = () => {
      this.busy = false;
      this.drain();
    };
    pending.then(resume, resume);
  }

  private drain(): void {
    while (!this.busy && !this.done && this.buffer.length > 0) this.deliver(this.buffer.shift()!);
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.buffer.length = 0;
    this.waiter?.({ value: undefined, done: true });
    this.waiter = undefined;
    this.onEnd(this);
  }
}

/**
 * This replica's share of the live events: publishes what its webhook receiver accepted, and
 * passes what any replica published to the subscriptions held here, once each and in sequence
 * order per meeting (an event that arrives ahead of an earlier one waits for it, briefly).
 */
export class LiveHub implements LiveEventSink {
  private readonly feeds = new Set<Feed>();
  private readonly meetings = new Map<string, MeetingOrder>();

  constructor(
    private readonly bus: LiveBus,
    private readonly observer: HubObserver,
    private readonly logger: Logger,
  ) {
    bus.onEvent((event) => this.arrived(event));
    if (bus.publishOnce) this.publishOnce = (event, claim) => bus.publishOnce!(event, claim);
  }

  publish(event: UnsequencedEvent): Promise<void> {
    return this.bus.publish(event);
  }

  readonly publishOnce?: (event: UnsequencedEvent, claim: DeliveryClaim) => Promise<boolean>;

  /** Events for which `accepts` is true, from now on. */
  subscribe(accepts: (event: LiveEvent) => boolean, onOverflow: (queued: number) => void): Feed {
    const feed = new Feed(
      accepts,
      (queued) => {
        this.observer.dropped('slow_consumer', queued);
        onOverflow(queued);
      },
      (f) => this.feeds.delete(f),
    );
    this.feeds.add(feed);
    return feed;
  }

  /** The host as this replica last heard it from an event; undefined when no event named one. */
  hostOf(meetingId: string): string | undefined {
    return this.meetings.get(meetingId)?.hostId;
  }

  get subscriptions(): number {
    return this.feeds.size;
  }

  async close(): Promise<void> {
    for (const m of this.meetings.values()) clearTimeout(m.timer);
    for (const feed of [...this.feeds]) await feed.return();
    await this.bus.close();
  }

  private arrived(event: LiveEvent): void {
    let m = this.meetings.get(event.meetingId);
    if (m && event.sequence === 1 && m.last > 0) {
      // The buses number a meeting from 1 again once it has had no event for SEQUENCE_TTL_MS (a
      // monthly meeting keeps its id): a new run of sequences, not the first event again.
      clearTimeout(m.timer);
      this.meetings.delete(event.meetingId);
      m = { last: 0, pending: new Map(), fresh: false, ...(m.hostId ? { hostId: m.hostId } : {}) };
    } else if (m) {
      // Re-inserted: the map's order is then least recently active first.
      this.meetings.delete(event.meetingId);
    } else {
      // Earlier events of the meeting may still be on their way from other replicas: the first
      // one seen waits for them like any other out-of-order event (a joining replica waits once).
      m = { last: 0, pending: new Map(), fresh: true };
      if (this.meetings.size >= MAX_MEETINGS) this.forgetOldest();
    }
    this.meetings.set(event.meetingId, m);
    if (event.sequence <= m.last || m.pending.has(event.sequence)) return this.observer.dropped('duplicate', 1);
    m.pending.set(event.sequence, event);
    this.flush(m);
  }

  private flush(m: MeetingOrder): void {
    for (let next = m.pending.get(m.last + 1); next; next = m.pending.get(m.last + 1)) {
      m.pending.delete(next.sequence);
      m.last = next.sequence;
      m.fresh = false;
      this.dispatch(m, next);
    }
    if (m.pending.size === 0) {
      clearTimeout(m.timer);
      m.timer = undefined;
    } else {
      m.timer ??= setTimeout(() => {
        m.timer = undefined;
        // The missing event is lost (a replica died between its sequence and its publish): skip it.
        const first = Math.min(...m.pending.keys());
        if (!m.fresh)
          this.logger.warn({ missing: m.last + 1, resumedAt: first }, 'live events: a sequence number never arrived; skipping it');
        m.last = first - 1;
        this.flush(m);
      }, REORDER_WAIT_MS);
    }
  }

  private dispatch(m: MeetingOrder, event: LiveEvent): void {
    if (event.hostId) m.hostId = event.hostId;
    for (const feed of this.feeds) if (feed.accepts(event)) feed.push(event);
  }

  private forgetOldest(): void {
    for (const [id, m] of this.meetings) {
      if (m.pending.size > 0) continue;
      this.meetings.delete(id);
      return;
    }
  }
}
