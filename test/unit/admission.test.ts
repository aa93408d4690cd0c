import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/http/admission.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('Admission: at most max requests at once, the rest wait in arrival order', () => {
  it('admits up to max at once, queues the rest, and hands each freed slot to the longest waiter', async () => {
    const a = new Admission(2, 10_000);
    const r1 = await a.enter();
    const r2 = await a.enter();
    expect(a.inflight).toBe(2);
    const order: number[] = [];
    const w3 = a.enter().then((r) => (order.push(3), r));
    const w4 = a.enter().then((r) => (order.push(4), r));
    await tick();
    expect(a.waiting).toBe(2);
    expect(order).toEqual([]);
    r1!();
    r1!(); // idempotent: a second call frees nothing more
    const r3 = await w3;
    await tick();
    expect(order).toEqual([3]);
    expect(a.inflight).toBe(2);
    r2!();
    const r4 = await w4;
    expect(order).toEqual([3, 4]);
    r3!();
    r4!();
    expect(a.inflight).toBe(0);
    expect(a.waiting).toBe(0);
  });

  it('a newcomer never overtakes a waiter', async () => {
    const a = new Admission(1, 10_000);
    const r1 = await a.enter();
    const waiter = a.enter();
    r1!();
    // The slot went to the waiter, so the newcomer queues behind it.
    const newcomer = a.enter();
    const rw = await waiter;
    await tick();
    expect(a.waiting).toBe(1);
    rw!();
    expect(await newcomer).toBeTypeOf('function');
  });

  it('gives up after maxWaitMs (null) and the timed-out waiter never takes a slot later', async () => {
    const a = new Admission(1, 50);
    const r1 = await a.enter();
    expect(await a.enter()).toBeNull();
    expect(a.waiting).toBe(0);
    r1!();
    expect(a.inflight).toBe(0);
  });

  it('drops a waiter whose client went away', async () => {
    const a = new Admission(1, 10_000);
    const r1 = await a.enter();
    let cancel: (() => void) | undefined;
    const waiter = a.enter((c) => (cancel = c));
    await tick();
    expect(a.waiting).toBe(1);
    cancel!();
    expect(await waiter).toBeNull();
    expect(a.waiting).toBe(0);
    r1!();
    expect(a.inflight).toBe(0);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new Admission(0, 1000)).toThrow(RangeError);
    expect(() => new Admission(1.5, 1000)).toThrow(RangeError);
  });
});
