import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { decodeSequenced, type LiveBus } from '../../src/live/bus.js';
import { LiveHub } from '../../src/live/hub.js';
import type { LiveEvent } from '../../src/live/liveEvent.js';

/** A bus whose deliveries the test makes, in the order it chooses (as replicas' messages may arrive). */
function handBus() {
  let listener: (e: LiveEvent) => void = () => undefined;
  const bus: LiveBus = { publish: async () => undefined, onEvent: (l) => void (listener = l), close: async () => undefined };
  return {
    bus,
    arrive: (sequence: number, meetingId = '81234567890') => listener({ meetingId, kind: 'UPDATED', sequence, occurredAt: sequence }),
  };
}

describe('LiveHub', () => {
  it('passes a meeting’s events on in sequence order, once each, whatever order they arrive in', async () => {
    const { bus, arrive } = handBus();
    const dropped: Array<[string, number]> = [];
    const hub = new LiveHub(bus, { dropped: (r, n) => void dropped.push([r, n]) }, pino({ level: 'silent' }));
    const feed = hub.subscribe(
      (e) => e.meetingId === '81234567890',
      () => undefined,
    );
    const other = hub.subscribe(
      (e) => e.meetingId === '99999999999',
      () => undefined,
    );
    arrive(2);
    arrive(1);
    arrive(2);
    arrive(3);
    arrive(1, '99999999999');
    const got = [await feed.next(), await feed.next(), await feed.next()].map((r) => r.value?.sequence);
    expect(got).toEqual([1, 2, 3]);
    expect(dropped).toEqual([['duplicate', 1]]);
    expect((await other.next()).value?.meetingId).toBe('99999999999');
    await hub.close();
    expect((await feed.next()).done).toBe(true);
  });

  it('takes a meeting numbered from 1 again (its counter expired after a month without events) for a new run, not duplicates', async () => {
    const { bus, arrive } = handBus();
    const dropped: Array<[string, number]> = [];
    const hub = new LiveHub(bus, { dropped: (r, n) => void dropped.push([r, n]) }, pino({ level: 'silent' }));
    const feed = hub.subscribe(
      (e) => e.meetingId === '81234567890',
      () => undefined,
    );
    for (const sequence of [1, 2, 3, 1, 2, 2]) arrive(sequence);
    const got = [];
    for (let i = 0; i < 5; i++) got.push((await feed.next()).value?.sequence);
    expect(got).toEqual([1, 2, 3, 1, 2]);
    expect(dropped).toEqual([['duplicate', 1]]);
    await hub.close();
  });

  it('ends a subscription whose client does not keep up, and says so once', () => {
    const { bus, arrive } = handBus();
    const overflows: number[] = [];
    const dropped: Array<[string, number]> = [];
    const hub = new LiveHub(bus, { dropped: (r, n) => void dropped.push([r, n]) }, pino({ level: 'silent' }));
    hub.subscribe(
      () => true,
      (n) => overflows.push(n),
    );
    for (let i = 1; i <= 1002; i++) arrive(i);
    expect(overflows).toEqual([1001]);
    expect(dropped).toEqual([['slow_consumer', 1001]]);
    expect(hub.subscriptions).toBe(0);
  });
});

describe('Feed handing events to a listener', () => {
  it('hands each event over as it arrives, in order; one whose work is pending holds back the ones after it', async () => {
    const { bus, arrive } = handBus();
    const hub = new LiveHub(bus, { dropped: () => undefined }, pino({ level: 'silent' }));
    const feed = hub.subscribe(
      () => true,
      () => undefined,
    );
    arrive(1);
    const got: number[] = [];
    let release: () => void = () => undefined;
    feed.listen((e) => {
      got.push(e.sequence);
      if (e.sequence === 2) return new Promise<void>((r) => (release = r));
    });
    expect(got).toEqual([1]);
    arrive(2);
    arrive(3);
    arrive(4);
    expect(got).toEqual([1, 2]);
    release();
    await Promise.resolve();
    expect(got).toEqual([1, 2, 3, 4]);
    const ended = feed.next();
    await hub.close();
    expect((await ended).done).toBe(true);
  });

  it('counts the events held back towards the bound, and ends the subscription past it', () => {
    const { bus, arrive } = handBus();
    const overflows: number[] = [];
    const hub = new LiveHub(bus, { dropped: () => undefined }, pino({ level: 'silent' }));
    const feed = hub.subscribe(
      () => true,
      (n) => overflows.push(n),
    );
    feed.listen(() => new Promise<void>(() => undefined));
    for (let i = 1; i <= 1003; i++) arrive(i);
    expect(overflows).toEqual([1001]);
    expect(hub.subscriptions).toBe(0);
  });
});

describe('decodeSequenced (the Redis and PostgreSQL buses’ messages)', () => {
  const logger = pino({ level: 'silent' });
  const event = { meetingId: '81234567890', kind: 'STARTED', occurredAt: 1 };

  it('takes the sequence from the prefix and the event from the JSON after it', () => {
    expect(decodeSequenced(`7 ${JSON.stringify(event)}`, logger)).toEqual({ ...event, sequence: 7 });
    expect(decodeSequenced(JSON.stringify({ ...event, sequence: 3 }), logger)).toEqual({ ...event, sequence: 3 });
  });

  it('drops what is not an event: bad JSON, a non-object, a missing field, no sequence', () => {
    for (const raw of ['7 {not json', '7 42', '7 null', `7 ${JSON.stringify({ kind: 'STARTED' })}`, JSON.stringify(event), 'x {}', '']) {
      expect(decodeSequenced(raw, logger)).toBeNull();
    }
  });
});
