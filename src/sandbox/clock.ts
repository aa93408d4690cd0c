/**
 * The fake's notion of "now". Every time-based rule in the sandbox (token, ZAK, auth code and
 * page-token expiry, daily limits, rate windows) reads this clock, so tests can move time
 * without waiting and without faking timers in the process under test.
 */
export class FakeClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  /** Milliseconds since the epoch: real `Date.now()` plus the accumulated offset (or the frozen instant). */
  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Make `now()` return `ms` at this instant; time keeps flowing from there unless frozen. */
  set(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = ms;
    else this.offsetMs = ms - Date.now();
  }

  /**
   * Stop time at `at` (default: now); only `advance`/`set` move it then, so windows such as the
   * 1-second rate limit do not depend on how fast the test machine is.
   */
  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  /** Let time flow again from the frozen instant. */
  unfreeze(): void {
    if (this.frozenAt === undefined) return;
    this.offsetMs = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }

  /** Back to real time. */
  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }

  /** `yyyy-MM-ddTHH:mm:ssZ`, the format Zoom uses for timestamps. */
  iso(ms: number = this.now()): string {
    return toZoomIso(ms);
  }
}

export function toZoomIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const DAY_MS = 86_400_000;

/** Index of the UTC day containing `ms`; Zoom's daily limits reset at 00:00 UTC. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
