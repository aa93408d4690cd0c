import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { isGatewayError, type ErrorCode, type GatewayError } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { sameListener } from './sameListener.js';
import { tokenRefusal } from './limits/documentLimits.js';
import { toGatewayError } from '../zoom/mapError.js';
import { ZoomApiError } from '../zoom/zoomApiError.js';

/**
 * Apollo's own codes for requests that never reached a resolver: the client sent bad input. They
 * reach clients as Apollo gives them (Apollo Client, urql and tools switch on them); the
 * gateway's closed set is for what it adds.
 */
const CLIENT_CODES = new Set<unknown>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** For errors thrown before execution (the context): a store outage there fails the whole request. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, STORE_UNAVAILABLE: 503 };

type Verdict =
  { kind: 'gateway'; error: GatewayError } | { kind: 'client' | 'graphql'; error?: undefined } | { kind: 'unexpected'; error: unknown };

/** What an error is: deliberate (GatewayError), the client's (parse, validation), GraphQL's own, or a bug. */
function classify(error: unknown, formattedCode?: unknown): Verdict {
  const original = unwrapResolverError(error);
  const gateway = toGatewayError(gatewayCause(original));
  if (gateway) return { kind: 'gateway', error: gateway };
  const code = formattedCode ?? (original instanceof GraphQLError ? original.extensions.code : undefined);
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return { kind: 'client' };
  // Apollo refuses some requests with a bare 4xx and no code of their own ("provided sha does not
  // match query"); its formatting then calls them INTERNAL_SERVER_ERROR.
  const own = (original as { extensions?: { code?: unknown; http?: { status?: unknown } } } | undefined)?.extensions;
  if (own && own.code === undefined && isClientStatus(own.http?.status)) return { kind: 'client' };
  if (original instanceof GraphQLError && typeof code === 'string' && !original.originalError && code !== 'INTERNAL_SERVER_ERROR') {
    return { kind: 'graphql' };
  }
  return { kind: 'unexpected', error: original };
}

const isClientStatus = (status: unknown) => typeof status === 'number' && status >= 400 && status < 500;

/**
 * Every error leaves with one of the contract's codes, or Apollo's for the GraphQL layer's own
 * refusals (parse, validation, persisted queries). Deliberate errors keep their message;
 * anything else is masked (and logged by errorLogPlugin, with the request's id).
 */
export function createFormatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const verdict = classify(error, formatted.extensions?.code);
    switch (verdict.kind) {
      case 'gateway':
        return { ...formatted, message: verdict.error.message, extensions: { ...verdict.error.extensions, code: verdict.error.code } };
      case 'client': {
        const code = formatted.extensions?.code;
        // Apollo's parse stopping at GRAPHQL_MAX_TOKENS: refused like every other limit.
        const tokens = code === 'GRAPHQL_PARSE_FAILED' ? tokenRefusal(error) : undefined;
        if (tokens) return { message: tokens.message, extensions: { code: 'BAD_USER_INPUT', limit: tokens.limit, max: tokens.max } };
        // A query limit enforced by a validation rule is the gateway's own refusal (limitError.ts).
        if (formatted.extensions?.limit !== undefined)
          return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
        // Apollo refuses some requests with a bare 4xx and no code ("provided sha does not match query").
        return code === 'INTERNAL_SERVER_ERROR' || code === undefined
          ? { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } }
          : formatted;
      }
      case 'graphql':
        return formatted;
      case 'unexpected':
        return {
          message: 'Internal server error',
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
    }
  };
}

/** Logs a failed Zoom call (warn) or an unexpected error (error, with its cause); nothing else. */
export function logGraphQLError(logger: Pick<FastifyBaseLogger, 'warn' | 'error'>, error: unknown): void {
  const verdict = classify(error);
  if (verdict.kind === 'gateway' && (verdict.error.code === 'ZOOM_UNAVAILABLE' || verdict.error.code === 'ZOOM_API_ERROR')) {
    logger.warn({ err: verdict.error.cause ?? verdict.error, code: verdict.error.code, ...zoomDetails(verdict.error) }, 'Zoom call failed');
  } else if (verdict.kind === 'gateway' && verdict.error.code === 'STORE_UNAVAILABLE') {
    logger.warn({ err: verdict.error.cause ?? verdict.error, code: verdict.error.code }, 'shared store unavailable');
  } else if (verdict.kind === 'unexpected') {
    logger.error({ err: verdict.error }, 'unexpected error in GraphQL request');
  }
}

/** Logs the errors of each operation through the request's own logger, so every line carries its reqId. */
export function errorLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return sameListener<GraphQLContext>({
    async didEncounterErrors({ contextValue, errors }) {
      for (const error of errors) logGraphQLError(contextValue.logger, error);
    },
  });
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
