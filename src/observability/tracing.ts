import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { Within } from '../graphql/compiledExecutor.js';
import type { FastifyInstance } from 'fastify';
import type { TokenCacheOptions, TokenCacheTracer } from '../tokens/tokenCache.js';
import type { ReadCache, ReadObserver, UpstreamObserver, ZoomCallTracer } from '../zoom/httpClient.js';
import type { TracingConfig } from '../config/tracing.js';

type TokenCacheObserver = NonNullable<TokenCacheOptions['observe']>;

/**
 * OpenTelemetry spans for one gateway: the HTTP request, the GraphQL operation, each Zoom call,
 * token lookups and fetches, and read cache lookups. Attributes name routes, operation names and
 * types, statuses and outcomes; never tokens, secrets, query values, documents or variables.
 * Exists only when tracing is configured: with it off, nothing here is loaded or called.
 */
export interface Tracing extends ZoomCallTracer, TokenCacheTracer {
  /** A server span per request, continuing an incoming W3C `traceparent`. */
  registerHttp(fastify: FastifyInstance): void;
  /** The GraphQL operation span (name and type). */
  apolloPlugin(): ApolloServerPlugin<BaseContext>;
  /** Runs each operation's execution inside its span, so what it calls becomes its children. */
  readonly withinOperation: Within;
  /** Counts a Zoom call's attempts and keeps the last status on its span. */
  observeUpstream(next?: UpstreamObserver): UpstreamObserver;
  /** Marks a Zoom call answered by the read cache or an identical call in flight. */
  observeRead(next?: ReadObserver): ReadObserver;
  /** A span per read cache lookup (hit or miss). */
  readCache(cache: ReadCache): ReadCache;
  /** Marks a token lookup answered from memory, the store, or by a fetch. */
  observeTokenCache(next?: TokenCacheObserver): TokenCacheObserver;
  /** `trace_id` and `span_id` of the active span, for log lines. */
  logFields(): { trace_id: string; span_id: string } | undefined;
  /** Exports what is pending and stops. */
  shutdown(): Promise<void>;
}

/** The OpenTelemetry SDK is loaded here, only when tracing is configured. */
export async function startTracing(config: TracingConfig, logger: Logger): Promise<Tracing> {
  const { OtelTracing } = await import('./otel.js');
  const tracing: Tracing = new OtelTracing(config, logger);
  return tracing;
}
