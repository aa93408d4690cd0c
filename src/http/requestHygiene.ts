import { randomUUID } from 'node:crypto';
import type { GatewayFastify } from './gatewayFastify.js';
import type { IncomingMessage } from 'node:http';
import { withoutQueryValues } from '../logger.js';

/** A caller's id is kept only when it cannot smuggle anything into a log line. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** For Fastify's `genReqId`: honours `x-request-id` from a proxy or caller, else a UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * Echoes the request id so a caller can quote it; answers unknown routes without the query
 * string (Fastify's default 404 logs and returns the full URL, OAuth codes included); and
 * while draining, closes each connection after its response.
 */
export function registerRequestHygiene(fastify: GatewayFastify): void {
  let draining = false;
  fastify.addHook('preClose', async () => {
    draining = true;
  });
  // Callback hooks on every request: an async hook costs a promise and a tick each.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  // NOTE: Fastify closes the connections that are idle when close() starts; a keep-alive
  // connection whose request was still running would stay open and the drain never end.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.setNotFoundHandler(async (request, reply) => {
    const route = `${request.method}:${withoutQueryValues(request.url)}`;
    request.log.info({ route }, 'route not found');
    return reply.code(404).send({ error: 'Not Found', message: `Route ${route} not found`, statusCode: 404 });
  });
}
