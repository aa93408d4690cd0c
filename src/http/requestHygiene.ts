import { randomUUID } from 'node:crypto';
import type { GatewayFastify } from './gatewayFastify.js';
import type { IncomingMessage } from 'node:http';
import { withoutQueryValues } from '../logger.js';

/**
 * For HTML the gateway writes itself (the OAuth flow's pages): nothing may load, run, submit,
 * be based elsewhere or frame it. GraphiQL sets a policy of its own, which is kept.
 */
const HTML_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
 * string (Fastify's default 404 logs and returns the full URL, OAuth codes included); sends
 * the browser security headers on every HTML answer; and while draining, closes each
 * connection after its response.
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
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      if (!reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', HTML_CSP);
      void reply.header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    }
    done(null, payload);
  });
  fastify.setNotFoundHandler(async (request, reply) => {
    const route = `${request.method}:${withoutQueryValues(request.url)}`;
    request.log.info({ route }, 'route not found');
    return reply.code(404).send({ error: 'Not Found', message: `Route ${route} not found`, statusCode: 404 });
  });
}
