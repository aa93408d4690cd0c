import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import type { HttpServerLimits } from '../config.js';

/**
 * Server options that bound how long a client may hold a connection without finishing a
 * request. Left to themselves Fastify sets no request timeout and Node allows 60 s for a
 * request head, so a client that sends a head and one byte of body keeps its socket forever.
 * The request timeout covers receiving the request only: an execution waiting on Zoom is
 * bounded by ZOOM_REQUEST_DEADLINE_MS instead.
 */
export function httpServerOptions(limits: HttpServerLimits) {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // NOTE: Node checks the head and request timeouts on this interval (30 s by default), so
      // each fires up to one interval late; a quarter of the head timeout keeps that small.
      connectionsCheckingInterval: Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)),
    },
  };
}

/**
 * Past the cap Node closes each new connection as soon as it is accepted. Kept below the
 * process's file descriptor limit, it leaves descriptors for the Zoom and store connections
 * that every request needs, and keeps serving the clients already connected.
 */
export function capConnections(server: Server, limits: HttpServerLimits): void {
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
}

/**
 * Stops accepting connections and waits for the open ones: idle ones close at once, busy ones
 * after their response. Whatever is still open at `deadlineMs` (a client that never finishes
 * its request) is closed then, so shutting down always ends.
 */
export async function closeWithin(fastify: Pick<FastifyInstance, 'server' | 'close' | 'log'>, deadlineMs: number): Promise<void> {
  const force = setTimeout(() => {
    fastify.log.warn({ deadlineMs }, 'closing the connections still open at the shutdown deadline');
    fastify.server.closeIdleConnections();
    fastify.server.closeAllConnections();
  }, deadlineMs);
  try {
    await fastify.close();
  } finally {
    clearTimeout(force);
  }
}
