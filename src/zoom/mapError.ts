import { GatewayError, badUserInput, forbidden, isGatewayError, notFound, rateLimited, zoomUnavailable } from '../errors.js';
import { ZoomApiError, ZoomUnreachableError } from './zoomApiError.js';

/**
 * The one place upstream failures become gateway errors. Zoom's 4xx messages are safe to
 * show (they describe the request); 5xx bodies never reach a client.
 */
export function toGatewayError(err: unknown): GatewayError | undefined {
  if (isGatewayError(err)) return err;
  if (err instanceof ZoomUnreachableError) return zoomUnavailable('Zoom is unavailable; retry later.', err);
  if (!(err instanceof ZoomApiError)) return undefined;
  const withCause = (e: GatewayError) => Object.assign(e, { cause: err });
  if (err.status === 429) return withCause(rateLimited(err.retryAfterSeconds ?? 1, err.message));
  if (err.status >= 500) return zoomUnavailable(`Zoom answered ${err.status}; retry later.`, err);
  if (err.status === 404) return withCause(notFound(err.message));
  if (err.status === 403 || err.zoomCode === 3003) return withCause(forbidden(err.message));
  if (err.status === 400 && err.zoomCode === 300) return withCause(badUserInput(err.message));
  return new GatewayError(
    'ZOOM_API_ERROR',
    err.message,
    { zoomCode: err.zoomCode ?? null, status: err.status, ...(err.trackingId ? { trackingId: err.trackingId } : {}) },
    { cause: err },
  );
}
