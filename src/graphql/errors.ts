import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { isGatewayError, type ErrorCode } from '../errors.js';
import { toGatewayError } from '../zoom/mapError.js';
import { ZoomApiError } from '../zoom/zoomApiError.js';

/** Apollo's own codes for requests that never reached a resolver: the client sent bad input. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

/**
 * Every error leaves with one of the contract's codes. Deliberate errors keep their message;
 * anything else is logged with its cause and masked.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const gateway = toGatewayError(gatewayCause(original));
    if (gateway) {
      if (gateway.code === 'ZOOM_UNAVAILABLE' || gateway.code === 'ZOOM_API_ERROR') {
        logger.warn({ err: gateway.cause ?? gateway, code: gateway.code, ...zoomDetails(gateway) }, 'Zoom call failed');
      }
      return { ...formatted, message: gateway.message, extensions: { ...gateway.extensions, code: gateway.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason: code } };
    }
    if (original instanceof GraphQLError && typeof code === 'string' && !original.originalError && code !== 'INTERNAL_SERVER_ERROR') {
      return formatted;
    }
    logger.error({ err: original }, 'unexpected error in GraphQL request');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Zoom's `x-zm-trackingid` is what Zoom support asks for; it goes in every Zoom-failure log line. */
function zoomDetails(err: Error): Record<string, unknown> {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e instanceof ZoomApiError) return { route: e.route, status: e.status, zoomCode: e.zoomCode, trackingId: e.trackingId };
  }
  return {};
}

export const httpStatusFor = (code: ErrorCode): number | undefined => HTTP_STATUS[code];

/**
 * Errors thrown while building the context (authentication) arrive wrapped twice: by
 * toHttpError and by Apollo ("Context creation failed: …"). Followed by `originalError`, not
 * `instanceof GraphQLError`, which fails when two copies of graphql are loaded.
 */
function gatewayCause(err: unknown): unknown {
  let current = err;
  for (let depth = 0; depth < 3 && current instanceof Error && !isGatewayError(current); depth++) {
    const next = (current as { originalError?: unknown }).originalError;
    if (!next) break;
    current = next;
  }
  return isGatewayError(current) ? current : err;
}

/**
 * For errors thrown from the context function: Apollo answers with `extensions.http.status`
 * only for a GraphQLError (anything else becomes a 500), and formatError still sees the
 * GatewayError as `originalError`, so the client gets e.g. `code: 'UNAUTHENTICATED'` with 401.
 */
export function toHttpError(err: unknown): unknown {
  if (!isGatewayError(err)) return err;
  const status = httpStatusFor(err.code);
  return new GraphQLError(err.message, {
    originalError: err,
    extensions: { ...err.extensions, code: err.code, ...(status ? { http: { status } } : {}) },
  });
}
