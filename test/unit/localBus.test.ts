import { describe, expect, it } from 'vitest';
import { LocalBus, SEQUENCE_TTL_MS } from '../../src/live/bus.js';
import type { LiveEvent } from '../../src/live/liveEvent.js';
import { manualClock } from '../helpers/stores.js';

const event = (meetingId: string) => ({ meetingId, kind: 'STARTED', occurredAt: 1 }) as const;

describe('LocalBus (one process: memory and SQLite stores)', () => {
  it('numbers each meeting’s events from 1, and forgets a meeting SEQUENCE_TTL_MS after its last event', async () => {
    const clock = manualClock();
    const bus = new LocalBus(clock);
    const got: LiveEvent[] = [];
    bus.onEvent((e) => got.push(e));
    await bus.publish(event('m1'));
    await bus.publish(event('m2'));
    await bus.publish(event('m1'));
    expect(got.map((e) => [e.meetingId, e.sequence])).toEqual([
      ['m1', 1],
      ['m2', 1],
      ['m1', 2],
    ]);

    // m2 goes idle; m1 has an event just before m2's sequence expires.
    clock.advance(SEQUENCE_TTL_MS - 1);
    await bus.publish(event('m1'));
    clock.advance(1);
    await bus.publish(event('m3'));
    expect(bus.size).toBe(2); // m1 and m3: m2 was dropped
    await bus.publish(event('m1'));
    await bus.publish(event('m2'));
    expect(got.slice(3).map((e) => [e.meetingId, e.sequence])).toEqual([
      ['m1', 3],
      ['m3', 1],
      ['m1', 4],
      ['m2', 1],
    ]);
  });

  it('keeps only the meetings with an event within the TTL, however many there were', async () => {
    const clock = manualClock();
    const bus = new LocalBus(clock);
    for (let i = 0; i < 10_000; i++) await bus.publish(event(`old${i}`));
    clock.advance(SEQUENCE_TTL_MS);
    await bus.publish(event('new'));
    expect(bus.size).toBe(1);
  });
});
