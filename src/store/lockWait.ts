import { setTimeout as sleep } from 'node:timers/promises';
import { zoomUnavailable } from '../errors.js';

/** How long a cross-replica lock is waited for and held. */
export interface LockTiming {
  /** Longest wait for a lock another replica holds. @default 10000 */
  waitMs?: number;
  /**
   * Redis: the lock expires this long after its holder stops renewing it (the holder died).
   * PostgreSQL: a holder whose host vanished without closing its connection loses it after about this long.
   * @default 8000 (CACHE_LOCK_TTL_MS): below the 10 s wait, so waiters outlast a dead holder; live holders renew it.
   */
  ttlMs?: number;
}

export const DEFAULT_LOCK_WAIT_MS = 10_000;
export const DEFAULT_LOCK_TTL_MS = 8_000;

/** The wait ran out: another replica holds the lock and has not finished. */
export const lockWaitExceeded = (key: string, waitMs: number, cause?: unknown) =>
  zoomUnavailable(
    `Another gateway replica is refreshing this Zoom credential and did not finish within ${waitMs} ms; retry.`,
    cause ?? new Error(`lock ${key}`),
  );

/** Polls `attempt` with jittered, growing pauses until it returns true or `waitMs` passes. */
export async function pollUntil(attempt: () => Promise<boolean>, waitMs: number, onError: (err: unknown) => void): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 200)) {
    try {
      if (await attempt()) return true;
    } catch (err) {
      // A store hiccup (reconnect) while waiting is retried until the deadline like a busy lock.
      onError(err);
    }
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await sleep(Math.min(left, pause * (0.5 + Math.random())));
  }
}
