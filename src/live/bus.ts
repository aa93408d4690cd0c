import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import type { DeliveryClaim, LiveEvent, UnsequencedEvent } from './liveEvent.js';

/**
 * Carries published events to every replica sharing the store, each stamped with the meeting's
 * next sequence number from a counter the replicas share. Delivery is at most once per replica
 * (pub/sub and NOTIFY do not replay); the hub orders what arrives.
 */
export interface LiveBus {
  publish(event: UnsequencedEvent): Promise<void>;
  /** Where the bus shares the store's backend: the delivery's claim and the publication in one step (LiveEventSink). */
  publishOnce?(event: UnsequencedEvent, claim: DeliveryClaim): Promise<boolean>;
  /** Every event published by any replica, this one included. */
  onEvent(listener: (event: LiveEvent) => void): void;
  close(): Promise<void>;
}

/** Meeting sequences live this long after a meeting's last event (a month). */
export const SEQUENCE_TTL_MS = 30 * 24 * 60 * 60_000;

/** A decoded bus message as an event; null (and logged) for one that is not an event. */
function asEvent(value: unknown, logger: Logger): LiveEvent | null {
  const e = value as Partial<LiveEvent> | null;
  if (
    typeof e === 'object' &&
    e !== null &&
    typeof e.meetingId === 'string' &&
    typeof e.kind === 'string' &&
    Number.isSafeInteger(e.sequence)
  )
    return e as LiveEvent;
  logger.warn('live event bus: a message that is not an event was ignored');
  return null;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `<sequence> <event JSON>`, as the Redis and PostgreSQL buses publish it; parsed once. */
export function decodeSequenced(raw: string, logger: Logger): LiveEvent | null {
  const space = raw.indexOf(' ');
  const sequence = Number(raw.slice(0, space));
  if (!(space > 0 && Number.isSafeInteger(sequence))) return asEvent(parsed(raw), logger);
  const value = parsed(raw.slice(space + 1));
  return asEvent(typeof value === 'object' && value !== null ? { ...value, sequence } : null, logger);
}

/**
 * One process: the counter and the fan-out are in memory (memory and SQLite stores). A meeting's
 * sequence is forgotten SEQUENCE_TTL_MS after its last event, as the shared buses' counters expire.
 */
export class LocalBus implements LiveBus {
  /** In order of last event, oldest first, so the expired ones are at the front. */
  private readonly sequences = new Map<string, { sequence: number; at: number }>();
  private readonly listeners: Array<(event: LiveEvent) => void> = [];

  constructor(private readonly clock: Clock = systemClock) {}

  /** Meetings whose sequence is kept. */
  get size(): number {
    return this.sequences.size;
  }

  async publish(event: UnsequencedEvent): Promise<void> {
    const now = this.clock.now();
    for (const [meetingId, last] of this.sequences) {
      if (now - last.at < SEQUENCE_TTL_MS) break;
      this.sequences.delete(meetingId);
    }
    const sequence = (this.sequences.get(event.meetingId)?.sequence ?? 0) + 1;
    // Deleted first, so that the meeting moves to the end of the order.
    this.sequences.delete(event.meetingId);
    this.sequences.set(event.meetingId, { sequence, at: now });
    for (const l of this.listeners) l({ ...event, sequence });
  }

  onEvent(listener: (event: LiveEvent) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {}
}
