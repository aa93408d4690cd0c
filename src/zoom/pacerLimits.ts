import type { RateLimitPlan } from '../config.js';
import type { RateCategory } from './rateCategory.js';

/** Zoom's published per-account limits as calls per second (docs/zoom.md#errors-and-rate-limits, 2026-02). */
export const PLAN_RATES: Record<RateLimitPlan, Record<RateCategory, number>> = {
  free: { light: 4, medium: 2, heavy: 1, resource: 10 / 60 },
  pro: { light: 30, medium: 20, heavy: 10, resource: 10 / 60 },
  business: { light: 80, medium: 60, heavy: 40, resource: 20 / 60 },
};

/**
 * Pace at this share of the published rate: Zoom counts arrivals in a sliding window, and
 * network jitter can bunch calls that left evenly spaced.
 */
export const HEADROOM = 0.9;

/** Milliseconds between two calls of a category, so no sliding second ever sees more than the limit. */
export function pacingIntervals(plan: RateLimitPlan, headroom = HEADROOM): Record<RateCategory, number> {
  const rates = PLAN_RATES[plan];
  const interval = (perSecond: number) => Math.ceil(1000 / (perSecond * headroom));
  return { light: interval(rates.light), medium: interval(rates.medium), heavy: interval(rates.heavy), resource: interval(rates.resource) };
}
