/** The closed set of `extensions.code` values clients can rely on (docs/errors.md). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'ZOOM_AUTHORIZATION_REQUIRED'
  | 'ZOOM_AUTHORIZATION_FAILED'
  | 'ZOOM_RATE_LIMITED'
  | 'ZOOM_UNAVAILABLE'
  | 'ZOOM_API_ERROR'
  | 'GATEWAY_BUSY'
  | 'STORE_UNAVAILABLE'
  | 'UNTRUSTED_DOCUMENT'
  | 'INTERNAL_SERVER_ERROR';

/**
 * A deliberate, client-safe error. Its message and extensions reach clients as they are,
 * so they must never carry a token, a secret or an upstream 5xx body.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GatewayError';
  }
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;

export const unauthenticated = (message = 'Authentication required.') => new GatewayError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new GatewayError('FORBIDDEN', message);
export const badUserInput = (message: string, argument?: string) =>
  new GatewayError('BAD_USER_INPUT', message, argument ? { argument } : {});
export const notFound = (message: string) => new GatewayError('NOT_FOUND', message);
export const authorizationRequired = (message: string, installUrl?: string) =>
  new GatewayError('ZOOM_AUTHORIZATION_REQUIRED', message, installUrl ? { installUrl } : {});
export const authorizationFailed = (message: string, reason: string, cause?: unknown) =>
  new GatewayError('ZOOM_AUTHORIZATION_FAILED', message, { reason }, { cause });
export const rateLimited = (retryAfterSeconds: number, message = 'Zoom rate limit reached; retry later.') =>
  new GatewayError('ZOOM_RATE_LIMITED', message, { retryAfterSeconds });
export const zoomUnavailable = (message: string, cause?: unknown) => new GatewayError('ZOOM_UNAVAILABLE', message, {}, { cause });
export const gatewayBusy = (message: string, retryAfterSeconds: number) => new GatewayError('GATEWAY_BUSY', message, { retryAfterSeconds });
export const storeUnavailable = (message: string, cause?: unknown) => new GatewayError('STORE_UNAVAILABLE', message, {}, { cause });

/** One GraphQL error in a response body. */
export interface ErrorEntry {
  message: string;
  extensions: { code: ErrorCode } & Record<string, unknown>;
}

/**
 * The body of every GraphQL-shaped error answer the gateway builds itself (admission, HTTP
 * limits, the cost plugin): `{ errors: [{ message, extensions: { code, … } }] }`, its code
 * taken from the closed set.
 */
export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): { errors: [ErrorEntry] } {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}
