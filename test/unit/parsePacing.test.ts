import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParsePacing, type Turn } from '../../src/http/parsePacing.js';
import { manualClock } from '../helpers/stores.js';

// GRAPHQL_CALLER_PARSE_MS_PER_SECOND's rules on a hand-driven clock. The pacing sleeps on timers
// between looks at its clock, so the timers are faked too and both move together.
beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => void vi.useRealTimers());

function setup(msPerSecond = 100, maxWaitMs = 15_000) {
  const clock = manualClock();
  const pacing = new ParsePacing(msPerSecond, clock, maxWaitMs);
  const advance = async (ms: number) => {
    clock.advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { clock, pacing, advance };
}

/** Enters and records when the turn comes. */
function enter(pacing: ParsePacing, caller: string, onCancel?: (cancel: () => void) => void) {
  const state: { turn?: Turn; retryAfter?: number } = {};
  const done = pacing.enter(caller, onCancel).then((r) => {
    if (typeof r === 'number') state.retryAfter = r;
    else state.turn = r;
  });
  return Object.assign(state, { done });
}

const settled = () => vi.advanceTimersByTimeAsync(0);

describe('a caller within its budget', () => {
  it('goes at once, with any number of requests in parallel, until its debt passes one second of budget', async () => {
    const { pacing } = setup(100);
    const turns = await Promise.all(Array.from({ length: 50 }, () => pacing.enter('a')));
    expect(turns.every((t) => typeof t === 'object' && !t.waited)).toBe(true);
    // 50 requests of 2 ms each: exactly the 100 ms bound, not past it.
    for (const t of turns) (t as Turn).charge(2);
    expect(pacing.owed('a')).toBe(100);
    const next = enter(pacing, 'a');
    await settled();
    expect(next.turn?.waited).toBe(false);
  });

  it('pays off its debt at its budget per second of the clock', async () => {
    const { pacing, advance } = setup(100);
    pacing.charge('a', 250);
    await advance(1000);
    expect(pacing.owed('a')).toBe(150);
    await advance(5000);
    expect(pacing.owed('a')).toBe(0);
  });
});

describe('a caller over its budget', () => {
  it('waits before its body is read until its debt is back within one second of budget', async () => {
    const { pacing, advance } = setup(100);
    pacing.charge('a', 130);
    const held = enter(pacing, 'a');
    await settled();
    expect(held.turn).toBeUndefined();
    expect(pacing.waiting('a')).toBe(1);
    await advance(299);
    expect(held.turn).toBeUndefined();
    await advance(1);
    expect(held.turn?.waited).toBe(true);
    expect(pacing.waitingTotal).toBe(0);
  });

  it('goes one request at a time: the next waits for the one before it to be charged', async () => {
    const { pacing, advance } = setup(100);
    pacing.charge('a', 120);
    const first = enter(pacing, 'a');
    const second = enter(pacing, 'a');
    await advance(200);
    expect(first.turn?.waited).toBe(true);
    // The debt is within bounds, but the first has not been charged yet.
    await advance(10_000);
    expect(second.turn).toBeUndefined();
    // The debt was paid off meanwhile; charged with 150 ms of work, the second waits until 50 ms are.
    first.turn!.charge(150);
    await advance(499);
    expect(second.turn).toBeUndefined();
    await advance(1);
    expect(second.turn?.waited).toBe(true);
  });

  it('holds no other caller back', async () => {
    const { pacing } = setup(100);
    pacing.charge('attacker', 5000);
    const held = enter(pacing, 'attacker');
    const other = enter(pacing, 'victim');
    await settled();
    expect(held.turn).toBeUndefined();
    expect(other.turn?.waited).toBe(false);
  });

  it('keeps later requests behind earlier ones, even once the debt is within bounds', async () => {
    const { pacing, advance } = setup(100);
    pacing.charge('a', 101);
    const first = enter(pacing, 'a');
    const second = enter(pacing, 'a');
    await advance(10);
    expect(first.turn?.waited).toBe(true);
    // Within bounds now, but one is waiting: a newcomer queues behind it.
    const third = enter(pacing, 'a');
    await settled();
    expect(third.turn).toBeUndefined();
    first.turn!.charge(0);
    await settled();
    expect(second.turn?.waited).toBe(true);
    expect(third.turn).toBeUndefined();
    second.turn!.charge(0);
    await settled();
    expect(third.turn?.waited).toBe(true);
  });

  it('drops a waiter whose client went away, and the next one moves up', async () => {
    const { pacing, advance } = setup(100);
    pacing.charge('a', 110);
    let cancel: () => void = () => undefined;
    const gone = enter(pacing, 'a', (c) => (cancel = c));
    const next = enter(pacing, 'a');
    await settled();
    cancel();
    expect(pacing.waiting('a')).toBe(1);
    await advance(100);
    expect(gone.turn).toBeUndefined();
    expect(gone.retryAfter).toBeUndefined();
    expect(next.turn?.waited).toBe(true);
  });

  it('is refused at once, with seconds to wait, when its wait would pass the bound on waiting', async () => {
    const { pacing } = setup(100, 1000);
    // 250 ms over one second's worth at 100 ms/s: 2.5 s of waiting, past 1 s.
    pacing.charge('a', 350);
    const refused = enter(pacing, 'a');
    await settled();
    expect(refused.retryAfter).toBe(3);
    expect(pacing.waiting('a')).toBe(0);
  });

  it('is refused when it has waited as long as the bound allows', async () => {
    const { pacing, advance } = setup(100, 1000);
    pacing.charge('a', 150);
    const first = enter(pacing, 'a');
    await advance(500);
    expect(first.turn?.waited).toBe(true);
    // Over the bound again, with the first never charged (its answer is slow): the one behind it runs out of time.
    pacing.charge('a', 50);
    const second = enter(pacing, 'a');
    await advance(999);
    expect(second.retryAfter).toBeUndefined();
    await advance(1);
    expect(second.retryAfter).toBe(1);
    expect(pacing.waitingTotal).toBe(0);
  });

  it('charges a turn once, however often it is handed back', async () => {
    const { pacing } = setup(100);
    const turn = (await pacing.enter('a')) as Turn;
    turn.charge(40);
    turn.charge(40);
    expect(pacing.owed('a')).toBe(40);
  });
});
