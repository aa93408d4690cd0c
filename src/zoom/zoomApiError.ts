/** A non-2xx answer from Zoom's REST API, with what Zoom said about it. */
export class ZoomApiError extends Error {
  constructor(
    readonly status: number,
    /** Zoom's own error code from the body (`{code, message}`), when there was one. */
    readonly zoomCode: number | undefined,
    message: string,
    readonly trackingId: string | undefined,
    readonly route: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ZoomApiError';
  }
}

/** Zoom could not be reached or answered with something that is not Zoom's JSON. */
export class ZoomUnreachableError extends Error {
  constructor(
    message: string,
    readonly route: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ZoomUnreachableError';
  }
}

/**
 * `Retry-After` comes as seconds or, for daily limits, as a date (docs/zoom.md#errors-and-rate-limits).
 * Returns whole seconds from `now`, at least 1.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Math.max(1, Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(1, Math.ceil((at - now) / 1000));
}
