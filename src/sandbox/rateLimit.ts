import { DAY_MS, toZoomIso, utcDay, type FakeClock } from './clock.js';
import { zoomError } from './errors.js';
import type { Reply } from './http.js';
import type { RouteName } from './routes.js';

export type Plan = 'free' | 'pro' | 'business';
export type RateCategory = 'Light' | 'Medium' | 'Heavy';

interface Limit {
  perSecond: number;
  perDay?: number;
}

/** NOTE: per-account limits by plan, shared by every app and token (DOCS26 rate-limits, docs/zoom.md#errors-and-rate-limits). */
export const RATE_LIMITS: Record<Plan, Record<RateCategory, Limit>> = {
  free: { Light: { perSecond: 4, perDay: 6000 }, Medium: { perSecond: 2, perDay: 2000 }, Heavy: { perSecond: 1, perDay: 1000 } },
  pro: { Light: { perSecond: 30 }, Medium: { perSecond: 20 }, Heavy: { perSecond: 10 } },
  business: { Light: { perSecond: 80 }, Medium: { perSecond: 60 }, Heavy: { perSecond: 40 } },
};

/** NOTE: the "Rate Limit Label" in each operation's description in SPEC23/USERS26 (docs/zoom.md#users and #meetings). */
export const ROUTE_CATEGORY: Partial<Record<RouteName, RateCategory>> = {
  'users.get': 'Light',
  'users.token': 'Light',
  'users.zak': 'Light',
  'meetings.get': 'Light',
  'meetings.update': 'Light',
  'meetings.delete': 'Light',
  'meetings.status': 'Light',
  'meetings.invitation': 'Light',
  'meetings.addRegistrant': 'Light',
  'meetings.registrants': 'Medium',
  'meetings.registrantStatus': 'Medium',
  'recordings.get': 'Light',
  'users.list': 'Medium',
  'meetings.list': 'Medium',
  'meetings.create': 'Medium',
  'past.instances': 'Medium',
  'past.participants': 'Medium',
  'webinars.list': 'Medium',
  'webinars.create': 'Light',
  'webinars.get': 'Light',
  'webinars.update': 'Light',
  'webinars.delete': 'Light',
  'webinars.status': 'Light',
  'webinars.panelists': 'Medium',
  'webinars.addPanelists': 'Medium',
  'webinars.removePanelist': 'Light',
  'webinars.registrants': 'Medium',
  'webinars.addRegistrant': 'Light',
  'webinars.registrantStatus': 'Medium',
  'webinars.pastInstances': 'Light',
  'webinars.pastParticipants': 'Medium',
  'webinars.absentees': 'Heavy',
  'recordings.list': 'Medium',
  'users.create': 'Light',
  'users.update': 'Light',
  'users.delete': 'Light',
  'users.status': 'Light',
  'users.email': 'Light',
  'users.settings': 'Medium',
  'users.updateSettings': 'Medium',
  'users.summary': 'Medium',
  'roles.list': 'Medium',
  'roles.members': 'Medium',
  'roles.addMembers': 'Medium',
};

export type RateDecision = { allowed: true; headers: Record<string, string> } | { allowed: false; reply: Reply };

const PER_SECOND = 'You have reached the maximum per-second rate limit for this API. Try again later.';
const PER_DAY =
  'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.';

/** Per-account, per-category limits: a 1-second sliding window plus, on Free, a UTC-day count. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly days = new Map<string, number>();

  constructor(
    readonly plan: Plan,
    readonly enforce: boolean,
    private readonly clock: FakeClock,
  ) {}

  check(accountId: string, category: RateCategory): RateDecision {
    const now = this.clock.now();
    const limit = RATE_LIMITS[this.plan][category];
    const window = this.window(accountId, category, now);
    const dayKey = `${accountId}|${category}|${utcDay(now)}`;
    const dayCount = this.days.get(dayKey) ?? 0;
    if (this.enforce && limit.perDay !== undefined && dayCount >= limit.perDay) {
      // NOTE: Retry-After is an ISO datetime on daily limits (old marketplace docs, docs/zoom.md#errors-and-rate-limits).
      return this.denied(category, 'Daily-limit', limit.perDay, toZoomIso((utcDay(now) + 1) * DAY_MS), PER_DAY);
    }
    if (this.enforce && window.length >= limit.perSecond) {
      return this.denied(category, 'QPS', limit.perSecond, '1', PER_SECOND);
    }
    window.push(now);
    this.days.set(dayKey, dayCount + 1);
    const [shown, remaining] =
      limit.perDay !== undefined ? [limit.perDay, limit.perDay - dayCount - 1] : [limit.perSecond, limit.perSecond - window.length];
    return { allowed: true, headers: rateHeaders(category, shown, Math.max(0, remaining)) };
  }

  /** Test seam: count `n` requests against today's daily limit. */
  consumeDaily(accountId: string, category: RateCategory, n: number): void {
    const key = `${accountId}|${category}|${utcDay(this.clock.now())}`;
    this.days.set(key, (this.days.get(key) ?? 0) + n);
  }

  reset(): void {
    this.windows.clear();
    this.days.clear();
  }

  private window(accountId: string, category: RateCategory, now: number): number[] {
    const key = `${accountId}|${category}`;
    const kept = (this.windows.get(key) ?? []).filter((t) => t > now - 1000 && t <= now);
    this.windows.set(key, kept);
    return kept;
  }

  private denied(category: RateCategory, type: string, limit: number, retryAfter: string, message: string): RateDecision {
    const headers = { ...rateHeaders(category, limit, 0), 'x-ratelimit-type': type, 'retry-after': retryAfter };
    return { allowed: false, reply: { ...zoomError(429, 429, message), headers } };
  }
}

export function rateHeaders(category: RateCategory, limit: number, remaining: number): Record<string, string> {
  return {
    'x-ratelimit-category': category,
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
  };
}
