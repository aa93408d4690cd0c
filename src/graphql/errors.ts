import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { isGatewayError, type ErrorCode } from '../errors.js';
import { toGatewayError } from '../zoom/mapError.js';

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
    const gateway = toGatewayError(original);
    if (gateway) {
      if (gateway.code === 'ZOOM_UNAVAILABLE' || gateway.code === 'ZOOM_API_ERROR') {
        logger.warn({ err: gateway.cause ?? gateway, code: gateway.code }, 'Zoom call failed');
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

export const httpStatusFor = (code: ErrorCode): number | undefined => HTTP_STATUS[code];
