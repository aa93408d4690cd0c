import type { Logger } from 'pino';
import type { LiveEvent, UnsequencedEvent } from './liveEvent.js';

/**
 * Carries published events to every replica sharing the store, each stamped with the meeting's
 * next sequence number from a counter the replicas share. Delivery is at most once per replica
 * (pub/sub and NOTIFY do not replay); the hub orders what arrives.
 */
export interface LiveBus {
  publish(event: UnsequencedEvent): Promise<void>;
  /** Every event published by any replica, this one included. */
  onEvent(listener: (event: LiveEvent) => void): void;
  close(): Promise<void>;
}

/** Meeting sequences live this long after a meeting's last event (a month). */
export const SEQUENCE_TTL_MS = 30 * 24 * 60 * 60_000;

/** Decodes a bus message; null (and logged) for one that is not an event. */
export function decodeEvent(raw: string, logger: Logger): LiveEvent | null {
  try {
    const e = JSON.parse(raw) as LiveEvent;
    if (typeof e.meetingId === 'string' && typeof e.kind === 'string' && Number.isSafeInteger(e.sequence)) return e;
  } catch {
    // fall through
  }
  logger.warn('live event bus: a message that is not an event was ignored');
  return null;
}

/** `<sequence> <event JSON>`, as the Redis and PostgreSQL buses publish it. */
export function decodeSequenced(raw: string, logger: Logger): LiveEvent | null {
  const space = raw.indexOf(' ');
  const sequence = Number(raw.slice(0, space));
  return space > 0 && Number.isSafeInteger(sequence) ? decodeEvent(JSON.stringify({ ...safeParse(raw.slice(space + 1)), sequence }), logger) : decodeEvent(raw, logger);
}

function safeParse(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One process: the counter and the fan-out are in memory (memory and SQLite stores). */
export class LocalBus implements LiveBus {
  private readonly sequences = new Map<string, number>();
  private readonly listeners: Array<(event: LiveEvent) => void> = [];

  async publish(event: UnsequencedEvent): Promise<void> {
    const sequence = (this.sequences.get(event.meetingId) ?? 0) + 1;
    this.sequences.set(event.meetingId, sequence);
    for (const l of this.listeners) l({ ...event, sequence });
  }

  onEvent(listener: (event: LiveEvent) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {}
}
