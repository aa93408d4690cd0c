import { utcDay, type FakeClock } from './clock.js';

/**
 * NOTE: meeting create + update requests are limited to 100 per day per host user, resetting at
 * 00:00 UTC (docs/zoom.md#errors-and-rate-limits, devforum 18928).
 */
export class MeetingQuota {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly clock: FakeClock,
    readonly limit = 100,
  ) {}

  private key(userId: string): string {
    return `${userId}|${utcDay(this.clock.now())}`;
  }

  used(userId: string): number {
    return this.counts.get(this.key(userId)) ?? 0;
  }

  exceeded(userId: string): boolean {
    return this.used(userId) >= this.limit;
  }

  record(userId: string): void {
    this.set(userId, this.used(userId) + 1);
  }

  /** Test seam: pretend `userId` already made `count` create/update requests today. */
  set(userId: string, count: number): void {
    this.counts.set(this.key(userId), count);
  }

  reset(): void {
    this.counts.clear();
  }
}
