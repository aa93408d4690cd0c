import { setTimeout as sleep } from 'node:timers/promises';
import { rateLimited } from '../errors.js';
import type { Pacer } from './httpClient.js';
import type { RateCategory } from './rateCategory.js';

/** The wait for a pacing slot is longer than the call may wait: answer ZOOM_RATE_LIMITED now. */
export const pacingExceeded = (waitMs: number) =>
  rateLimited(Math.max(1, Math.ceil(waitMs / 1000)), "The gateway is pacing calls to stay under Zoom's rate limit; retry later.");

/**
 * In-process pacing: each call of a category takes the next free slot, `interval` ms after
 * the previous one. A call that would wait longer than it may takes no slot at all, so an
 * overload does not push the queue further out.
 */
export class LocalPacer implements Pacer {
  private readonly next = new Map<RateCategory, number>();

  constructor(private readonly intervals: Record<RateCategory, number>) {}

  async acquire(category: RateCategory, maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next.get(category) ?? 0);
    const wait = slot - now;
    if (wait > maxWaitMs) throw pacingExceeded(wait);
    this.next.set(category, slot + this.intervals[category]);
    if (wait > 0) await sleep(wait);
  }
}
