import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { QueryLimits } from '../config.js';
import { errorBody } from '../errors.js';
import { jsonDepth, jsonDepthMessage, jsonTextDepth } from './jsonDepth.js';

/**
 * Route options for `/graphql`: the body size limit, the batch size limit, and GraphQL-shaped
 * answers for bodies Fastify rejects before Apollo sees them. A rejected body is never logged
 * or echoed (JSON parse errors quote it). The query limits run once the caller is known
 * (graphql/limits/requestLimits.ts, from the route's preHandler).
 */
export function graphqlRouteGuards(
  limits: QueryLimits,
  measure: (request: FastifyRequest, check: () => number) => number = (_r, check) => check(),
) {
  return {
    bodyLimit: limits.maxBodyBytes,
    // A callback hook: it runs on every request, and an async one costs a promise and a tick.
    preValidation(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
      const depth = measure(request, () => requestJsonDepth(request));
      if (depth > limits.maxJsonDepth) {
        const max = limits.maxJsonDepth;
        void reply.code(400).send(
          errorBody('BAD_USER_INPUT', jsonDepthMessage("The request's JSON", depth, max), {
            limit: 'HTTP_MAX_JSON_DEPTH',
            max,
            actual: depth,
          }),
        );
        return;
      }
      if (!Array.isArray(request.body) || request.body.length <= limits.maxBatch) return done();
      const actual = request.body.length;
      const max = limits.maxBatch;
      void reply.code(400).send(
        errorBody('BAD_USER_INPUT', `The request batches ${actual} operations; the limit is ${max} (GRAPHQL_MAX_BATCH).`, {
          limit: 'GRAPHQL_MAX_BATCH',
          max,
          actual,
        }),
      );
    },
    errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'GraphQL route failed');
        return reply.code(500).send(errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
      }
      const reason = error.code ?? (error instanceof SyntaxError ? 'INVALID_JSON' : 'BAD_REQUEST');
      request.log.info({ status, reason }, 'GraphQL request body rejected');
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const max = limits.maxBodyBytes;
        return reply.code(413).send(
          errorBody('BAD_USER_INPUT', `The request body exceeds ${max} bytes (GRAPHQL_MAX_BODY_BYTES).`, {
            limit: 'GRAPHQL_MAX_BODY_BYTES',
            max,
          }),
        );
      }
      const message = error instanceof SyntaxError ? 'The request body is not valid JSON.' : error.message;
      return reply.code(status).send(errorBody('BAD_USER_INPUT', message, { reason }));
    },
  };
}

/** A POST body as parsed; a GET's `variables` and `extensions`, JSON text Apollo parses later. */
function requestJsonDepth(request: FastifyRequest): number {
  if (request.method !== 'GET') return jsonDepth(request.body);
  const query = request.query as Record<string, unknown> | undefined;
  let deepest = 0;
  for (const name of ['variables', 'extensions']) {
    const value = query?.[name];
    if (typeof value === 'string') deepest = Math.max(deepest, jsonTextDepth(value));
  }
  return deepest;
}
