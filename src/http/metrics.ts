import type { GatewayFastify } from './gatewayFastify.js';
import type { GatewayMetrics } from '../observability/metrics.js';

/** `/metrics` in Prometheus text format. It names routes and counts, never tokens or callers. */
export function registerMetricsRoute(fastify: GatewayFastify, metrics: GatewayMetrics): void {
  fastify.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
