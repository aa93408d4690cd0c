import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';

/**
 * The gateway's Fastify instance: its logger is the gateway's pino logger, so routes log with it;
 * a request's logger is made from it on the request's first logged line (requestLogger.ts).
 */
export type GatewayFastify = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger>;
