import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  createContextKey,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { urlForDisplay } from '../config.js';
import type { Within } from '../graphql/compiledExecutor.js';
import type { CacheSource, Fetcher, TokenCacheOptions } from '../tokens/tokenCache.js';
import type { ReadCache, ReadObserver, UpstreamObserver, ZoomRequest } from '../zoom/httpClient.js';
import type { SamplerName, TracingConfig } from '../config/tracing.js';

type TokenCacheObserver = NonNullable<TokenCacheOptions['observe']>;

/** A request's server span, and a GraphQL operation's context (one per operation, batches included). */
const SPAN = Symbol('span');
const OPERATION = Symbol('operation');
type WithOperation = { [OPERATION]?: Context };
type Traced = FastifyRequest & { [SPAN]: { span: Span; ctx: Context } | null };

/** Probes and scrapes: every few seconds, and nothing to follow across services. */
const UNTRACED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
/** At most one warning a minute about failed exports (a collector that is down fails every batch). */
const EXPORT_WARNING_INTERVAL_MS = 60_000;

interface ZoomCallState {
  span: Span;
  attempts: number;
  status?: number;
}

const ZOOM_CALL = createContextKey('zgg zoom call');
const TOKEN_LOOKUP = createContextKey('zgg token lookup');

/**
 * Tracing with the OpenTelemetry SDK, kept to this gateway: its own provider, context manager and
 * propagator, never registered as the process's globals, so several gateways in one process
 * (tests) each export their own spans, and nothing else in the process is traced by accident.
 * It implements `Tracing` without naming it: tracing.ts, which loads this module lazily, checks
 * the class against the interface where it builds it, so this file does not import tracing.ts back.
 */
export class OtelTracing {
  private readonly provider: NodeTracerProvider;
  private readonly tracer: Tracer;
  private readonly contexts = new AsyncLocalStorageContextManager().enable();
  private readonly propagator = new W3CTraceContextPropagator();
  private readonly continueTraceparent: boolean;
  private readonly warnExportFailed: (err: unknown) => void;
  constructor(config: TracingConfig, logger: Logger) {
    this.continueTraceparent = config.continueTraceparent;
    const exporter = new OTLPTraceExporter({ url: config.url, headers: config.headers, timeoutMillis: config.timeoutMs });
    this.provider = new NodeTracerProvider({
      resource: defaultResource().merge(
        resourceFromAttributes({ ...config.resource, [ATTR_SERVICE_NAME]: config.serviceName, [ATTR_SERVICE_VERSION]: packageVersion() }),
      ),
      sampler: sampler(config.sampler, config.samplerRatio),
      spanProcessors: [new BatchSpanProcessor(exporter)],
    });
    this.tracer = this.provider.getTracer('zoom-graphql-gateway', packageVersion());
    let warnedAt = -Infinity;
    // NOTE: the message names the failure (`connect ECONNREFUSED …`, an HTTP status), never the headers.
    this.warnExportFailed = (err) => {
      if (Date.now() - warnedAt < EXPORT_WARNING_INTERVAL_MS) return;
      warnedAt = Date.now();
      logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'tracing: spans could not be exported');
    };
    // The SDK reports failed background exports here.
    setGlobalErrorHandler(this.warnExportFailed);
    logger.info(
      { endpoint: urlForDisplay(config.url), sampler: config.sampler, serviceName: config.serviceName },
      config.protobufAsked
        ? 'tracing on: OTLP over HTTP, sent as JSON (every OTLP/HTTP receiver accepts it)'
        : 'tracing on: OTLP over HTTP (JSON)',
    );
  }

  registerHttp(fastify: FastifyInstance): void {
    // A property of each request rather than a WeakMap entry keyed by it: the WeakMap kept
    // requests alive through young collections (see http/callers.ts).
    fastify.decorateRequest(SPAN, null);
    const requests = {
      set: (request: FastifyRequest, started: { span: Span; ctx: Context }) => void ((request as Traced)[SPAN] = started),
      get: (request: FastifyRequest) => (request as Traced)[SPAN] ?? undefined,
    };
    fastify.addHook('onRequest', (request, _reply, done) => {
      const route = request.routeOptions.url;
      if (route !== undefined && UNTRACED_ROUTES.has(route)) return done();
      const parent = this.continueTraceparent ? this.propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter) : ROOT_CONTEXT;
      // The route template (`/graphql-ide/assets/:name`), never the path or its query string.
      const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: request.method, ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}) };
      const span = this.tracer.startSpan(
        route ? `${request.method} ${route}` : request.method,
        { kind: SpanKind.SERVER, attributes },
        parent,
      );
      const ctx = trace.setSpan(parent, span);
      requests.set(request, { span, ctx });
      this.contexts.with(ctx, done);
    });
    // Again before the handler: reading the body runs outside the request's async context.
    fastify.addHook('preHandler', (request, _reply, done) => {
      const started = requests.get(request);
      if (started) this.contexts.with(started.ctx, done);
      else done();
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      const started = requests.get(request);
      if (started) {
        started.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
        if (reply.statusCode >= 500)
          started.span.setStatus({ code: SpanStatusCode.ERROR }).setAttribute(ATTR_ERROR_TYPE, String(reply.statusCode));
        started.span.end();
      }
      done();
    });
    fastify.addHook('onRequestAbort', (request, done) => {
      requests.get(request)?.span.setAttribute(ATTR_ERROR_TYPE, 'aborted').end();
      done();
    });
  }

  apolloPlugin(): ApolloServerPlugin<BaseContext> {
    return {
      requestDidStart: async ({ metrics }) => {
        const parent = this.contexts.active();
        const span = this.tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, parent);
        // On the operation's own object (the context value is shared by a batch's operations),
        // not in a WeakMap keyed by it (see http/callers.ts).
        (metrics as WithOperation)[OPERATION] = trace.setSpan(parent, span);
        return {
          // The name and type only: the document holds literal values and the variables are the caller's.
          didResolveOperation: async ({ operation, operationName }) => {
            if (!operation) return;
            span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
            span.setAttribute('graphql.operation.type', operation.operation);
            if (operationName) span.setAttribute('graphql.operation.name', operationName);
          },
          didEncounterErrors: async ({ errors }) => {
            const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
            span.setStatus({ code: SpanStatusCode.ERROR }).setAttribute('graphql.error.codes', [...new Set(codes)]);
          },
          willSendResponse: async () => {
            span.end();
          },
        };
      },
    };
  }

  readonly withinOperation: Within = (operation, run) => {
    const ctx = (operation as WithOperation)[OPERATION];
    return ctx ? this.contexts.with(ctx, run) : run();
  };

  call<T>(req: ZoomRequest, run: () => Promise<T>): Promise<T> {
    const parent = this.contexts.active();
    // The route's stable name (`users.list`): the path holds ids and emails, the query string values.
    const span = this.tracer.startSpan(
      `zoom ${req.route}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method, 'zoom.route': req.route, 'zoom.rate_limit.category': req.category },
      },
      parent,
    );
    const state: ZoomCallState = { span, attempts: 0 };
    const ctx = trace.setSpan(parent, span).setValue(ZOOM_CALL, state);
    const end = (err?: unknown) => {
      span.setAttribute('zoom.retry_count', Math.max(0, state.attempts - 1));
      if (state.status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, state.status);
      if (err !== undefined) span.setStatus({ code: SpanStatusCode.ERROR }).setAttribute(ATTR_ERROR_TYPE, errorType(err));
      span.end();
    };
    return this.contexts.with(ctx, run).then(
      (result) => (end(), result),
      (err: unknown) => {
        end(err);
        throw err;
      },
    );
  }

  observeUpstream(next?: UpstreamObserver): UpstreamObserver {
    return (e) => {
      const state = this.contexts.active().getValue(ZOOM_CALL) as ZoomCallState | undefined;
      if (state) {
        state.attempts++;
        state.status = e.status === 'error' ? undefined : e.status;
      }
      next?.(e);
    };
  }

  observeRead(next?: ReadObserver): ReadObserver {
    return (e) => {
      const state = this.contexts.active().getValue(ZOOM_CALL) as ZoomCallState | undefined;
      if (e.result === 'coalesced') state?.span.setAttribute('zoom.coalesced', true);
      else state?.span.setAttribute('zoom.cache', e.result);
      next?.(e);
    };
  }

  readCache(cache: ReadCache): ReadCache {
    return {
      versions: (tags) => cache.versions(tags),
      get: <T>(key: string) =>
        this.inSpan('zoom read cache lookup', {}, async (span) => {
          const hit = await cache.get<T>(key);
          span.setAttribute('cache.hit', hit !== undefined);
          return hit;
        }),
      set: (key, res) => cache.set(key, res),
    };
  }

  lookup<T>(source: CacheSource, run: () => Promise<T>): Promise<T> {
    return this.inSpan('token lookup', { 'zoom.token.source': source }, () => run(), TOKEN_LOOKUP);
  }

  fetch(source: CacheSource, fetcher: Fetcher): Fetcher {
    return (current) =>
      this.inSpan('token fetch', { 'zoom.token.source': source }, async (span) => {
        try {
          const record = await fetcher(current);
          span.setAttribute('zoom.token.outcome', 'ok');
          return record;
        } catch (err) {
          span.setAttribute('zoom.token.outcome', 'error');
          // TokenEndpointError's `error` is an OAuth error code (`invalid_client`), checked as such.
          const code = (err as { error?: unknown }).error;
          if (typeof code === 'string') span.setAttribute('zoom.token.error', code);
          throw err;
        }
      });
  }

  observeTokenCache(next?: TokenCacheObserver): TokenCacheObserver {
    return (e) => {
      const span = this.contexts.active().getValue(TOKEN_LOOKUP) as Span | undefined;
      if (span) {
        if (e.event === 'memory_hit' || e.event === 'store_hit')
          span.setAttributes({ 'cache.hit': true, 'cache.layer': e.event === 'memory_hit' ? 'memory' : 'store' });
        else if (e.event === 'fetch') span.setAttribute('cache.hit', false);
        else if (e.event === 'stale_served') span.setAttribute('zoom.token.stale', true);
      }
      next?.(e);
    };
  }

  logFields(): { trace_id: string; span_id: string } | undefined {
    const span = trace.getSpan(this.contexts.active());
    if (!span) return undefined;
    const { traceId, spanId } = span.spanContext();
    return { trace_id: traceId, span_id: spanId };
  }

  /** Never throws: a collector that is down costs the pending spans, not the shutdown. */
  async shutdown(): Promise<void> {
    try {
      await this.provider.shutdown();
    } catch (err) {
      this.warnExportFailed(err);
    } finally {
      this.contexts.disable();
    }
  }

  /** Runs `fn` in a child span of the active one; the span ends (with an error status when `fn` throws) when it settles. */
  private inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>, key?: symbol): Promise<T> {
    const parent = this.contexts.active();
    const span = this.tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes }, parent);
    const ctx = key ? trace.setSpan(parent, span).setValue(key, span) : trace.setSpan(parent, span);
    return this.contexts.with(ctx, fn, undefined, span).then(
      (result) => (span.end(), result),
      (err: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR }).setAttribute(ATTR_ERROR_TYPE, errorType(err)).end();
        throw err;
      },
    );
  }
}

/** The error's class or gateway code, never its message (Zoom's texts may repeat what was sent). */
function errorType(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code)) return code;
  return err instanceof Error ? err.name : 'unknown';
}

function sampler(name: SamplerName, ratio: number): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

let version: string | undefined;
function packageVersion(): string {
  try {
    version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    version = 'unknown';
  }
  return version;
}
