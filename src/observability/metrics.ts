import type { AnswerCacheResult } from '../graphql/answers/answerCache.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TokenCacheOptions } from '../tokens/tokenCache.js';
import type { ReadObserver, UpstreamObserver } from '../zoom/httpClient.js';
import type { ReadCacheEvent } from '../zoom/readCache.js';

type CacheEvent = Parameters<NonNullable<TokenCacheOptions['observe']>>[0];

/**
 * Every gateway metric, on a registry of its own so several apps can live in one process
 * (tests) without sharing counters. Names are documented in docs/operations.md#metrics.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  private readonly tokenFetches = new Counter({
    name: 'zgg_token_fetches_total',
    help: 'Token endpoint fetches by credential source and outcome (ok, error).',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly tokenLookups = new Counter({
    name: 'zgg_token_cache_lookups_total',
    help: "Token lookups by source and how they were answered: memory, store, miss (a fetch was needed), stale (an unexpired token past its refresh point, while Zoom's token endpoint fails).",
    labelNames: ['source', 'result'] as const,
    registers: [this.registry],
  });
  private readonly zak = new Counter({
    name: 'zgg_zak_cache_total',
    help: 'ZAK lookups answered from cache (hit) or fetched from Zoom (miss).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly lockWait = new Histogram({
    name: 'zgg_token_lock_wait_seconds',
    help: "Time spent waiting for a credential's refresh lock, by source.",
    labelNames: ['source'] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly upstream = new Histogram({
    name: 'zgg_upstream_request_duration_seconds',
    help: 'Zoom REST calls by gateway route name and HTTP status (error = no answer).',
    labelNames: ['route', 'status'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'zgg_upstream_rate_limited_total',
    help: 'HTTP 429 answers from Zoom, by route.',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'zgg_graphql_operations_total',
    help: 'GraphQL operations by type (query, mutation, unknown = rejected before execution) and outcome (ok, error).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'zgg_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  private readonly zoomCache = new Counter({
    name: 'zgg_zoom_cache_total',
    help: 'Cacheable Zoom GETs by route and how they were answered: hit (read cache) or miss (asked Zoom).',
    labelNames: ['route', 'result'] as const,
    registers: [this.registry],
  });
  private readonly answerCache = new Counter({
    name: 'zgg_answer_cache_total',
    help: 'GraphQL queries the answer cache admits, by outcome: hit (answered from it), miss, stale (a version changed or it expired) and stored.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly coalesced = new Counter({
    name: 'zgg_zoom_coalesced_total',
    help: 'Zoom GETs answered by an identical call (same credential, same URL) already in flight, by route.',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  private readonly invalidations = new Counter({
    name: 'zgg_zoom_cache_invalidations_total',
    help: 'Read cache tags made stale by a change (a write through the gateway, or a Zoom event), by tag family.',
    labelNames: ['tag'] as const,
    registers: [this.registry],
  });
  private readonly cacheErrors = new Counter({
    name: 'zgg_zoom_cache_store_errors_total',
    help: 'Read cache store operations that failed or timed out (read, write, invalidate); reads then went to Zoom.',
    labelNames: ['op'] as const,
    registers: [this.registry],
  });

  private readonly busy = new Counter({
    name: 'zgg_graphql_busy_total',
    help: 'GraphQL requests answered 503 GATEWAY_BUSY: no GRAPHQL_MAX_INFLIGHT slot freed up while they waited.',
    registers: [this.registry],
  });

  private readonly parseWork = new Histogram({
    name: 'zgg_graphql_parse_work_seconds',
    help: "Event-loop time each GraphQL request took before execution (JSON parse, depth scan, the request limits' parse and walk), charged to its caller's GRAPHQL_CALLER_PARSE_MS_PER_SECOND budget.",
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05],
    registers: [this.registry],
  });

  private readonly paced = new Counter({
    name: 'zgg_graphql_paced_total',
    help: 'GraphQL requests of a caller over its GRAPHQL_CALLER_PARSE_MS_PER_SECOND budget, by outcome: waited (their turn came), refused (503 GATEWAY_BUSY: the wait would have passed ZOOM_REQUEST_DEADLINE_MS).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly webhookRequests = new Counter({
    name: 'zgg_webhook_requests_total',
    help: 'POST /zoom/webhooks requests by event (a known name, endpoint.url_validation, other, or unverified when refused before the body was trusted) and outcome: accepted, validated (url_validation answered), unsigned, bad_signature, stale, malformed, too_large.',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly webhookEvents = new Counter({
    name: 'zgg_webhook_events_total',
    help: 'Accepted webhook events after the answer, by event and outcome: applied, duplicate (a retried delivery, applied already), ignored, failed (applied again later), recovered (applied late by a replica that found it unfinished).',
    labelNames: ['event', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'zgg_' });
  }

  /** For TokenCacheOptions.observe. */
  // Labelled by the credential kind, never the identity (keeps label sets small).
  readonly observeTokenCache = ({ source, event }: CacheEvent): void => {
    const isZak = source === 'zak';
    switch (event) {
      case 'memory_hit':
      case 'store_hit':
        this.tokenLookups.inc({ source, result: event === 'memory_hit' ? 'memory' : 'store' });
        if (isZak) this.zak.inc({ result: 'hit' });
        return;
      case 'fetch':
        this.tokenLookups.inc({ source, result: 'miss' });
        if (isZak) this.zak.inc({ result: 'miss' });
        return;
      case 'fetch_ok':
        this.tokenFetches.inc({ source, outcome: 'ok' });
        return;
      case 'fetch_error':
        this.tokenFetches.inc({ source, outcome: 'error' });
        return;
      case 'stale_served':
        this.tokenLookups.inc({ source, result: 'stale' });
        return;
      default:
        assertNever(event);
    }
  };

  /** For TokenCacheOptions.observeLockWait. */
  readonly observeLockWait = ({ source, ms }: { source: string; ms: number }): void => {
    this.lockWait.observe({ source }, ms / 1000);
  };

  /** For ZoomHttpClientOptions.observe. */
  readonly observeUpstream: UpstreamObserver = ({ route, status, ms }) => {
    this.upstream.observe({ route, status: String(status) }, ms / 1000);
    if (status === 429) this.rateLimited.inc({ route });
  };

  /** For ZoomHttpClientOptions.observeRead. */
  readonly observeRead: ReadObserver = ({ route, result }) => {
    if (result === 'coalesced') this.coalesced.inc({ route });
    else this.zoomCache.inc({ route, result });
  };

  /** For ReadCacheOptions.observe. */
  readonly observeReadCache = (e: ReadCacheEvent): void => {
    if (e.event === 'invalidated') this.invalidations.inc({ tag: e.family });
    else this.cacheErrors.inc({ op: e.op });
  };

  readonly observeAnswerCache = (result: AnswerCacheResult): void => {
    this.answerCache.inc({ result });
  };

  /** Gauges read from the answer cache at each scrape: the bytes it holds (bounded by GRAPHQL_ANSWER_CACHE_BYTES) and its answers. */
  watchAnswerCache(cache: { readonly bytes: number; readonly size: number }): void {
    new Gauge({
      name: 'zgg_answer_cache_bytes',
      help: 'Bytes of the answers the answer cache holds (GRAPHQL_ANSWER_CACHE_BYTES bounds them).',
      registers: [this.registry],
      collect() {
        this.set(cache.bytes);
      },
    });
    new Gauge({
      name: 'zgg_answer_cache_answers',
      help: 'Answers the answer cache holds.',
      registers: [this.registry],
      collect() {
        this.set(cache.size);
      },
    });
  }

  /** Gauges read from the GraphQL admission queue (GRAPHQL_MAX_INFLIGHT) at each scrape. */
  watchAdmission(admission: { readonly inflight: number; readonly waiting: number }): void {
    new Gauge({
      name: 'zgg_graphql_requests_inflight',
      help: 'GraphQL requests being worked on (at most GRAPHQL_MAX_INFLIGHT).',
      registers: [this.registry],
      collect() {
        this.set(admission.inflight);
      },
    });
    new Gauge({
      name: 'zgg_graphql_requests_waiting',
      help: 'GraphQL requests waiting for a GRAPHQL_MAX_INFLIGHT slot.',
      registers: [this.registry],
      collect() {
        this.set(admission.waiting);
      },
    });
  }

  /** A gauge read from GRAPHQL_CALLER_PARSE_MS_PER_SECOND's queues at each scrape. */
  watchPacing(pacing: { readonly waitingTotal: number }): void {
    new Gauge({
      name: 'zgg_graphql_paced_waiting',
      help: 'GraphQL requests waiting for their turn because their caller is over its GRAPHQL_CALLER_PARSE_MS_PER_SECOND budget.',
      registers: [this.registry],
      collect() {
        this.set(pacing.waitingTotal);
      },
    });
  }

  readonly observeBusy = (): void => {
    this.busy.inc();
  };

  readonly observeParseWork = (ms: number): void => {
    this.parseWork.observe(ms / 1000);
  };

  readonly observePaced = (outcome: 'waited' | 'refused'): void => {
    this.paced.inc({ outcome });
  };

  /** `event` must come from a closed set (see zoom/events.ts labelOf). */
  readonly observeWebhookRequest = (event: string, outcome: string): void => {
    this.webhookRequests.inc({ event, outcome });
  };

  readonly observeWebhookEvent = (event: string, outcome: 'applied' | 'duplicate' | 'ignored' | 'failed' | 'recovered'): void => {
    this.webhookEvents.inc({ event, outcome });
  };

  private readonly wsConnections = new Gauge({
    name: 'zgg_ws_connections',
    help: 'Open GraphQL-over-WebSocket connections on this replica.',
    registers: [this.registry],
  });
  private readonly wsSubscriptions = new Gauge({
    name: 'zgg_ws_subscriptions',
    help: 'Active subscriptions on this replica, by root field.',
    labelNames: ['field'] as const,
    registers: [this.registry],
  });
  private readonly liveDelivered = new Counter({
    name: 'zgg_live_events_delivered_total',
    help: 'Meeting events sent to subscribers, by subscription root field.',
    labelNames: ['field'] as const,
    registers: [this.registry],
  });
  private readonly liveDropped = new Counter({
    name: 'zgg_live_events_dropped_total',
    help: 'Meeting events not sent: duplicate (a sequence already passed on) or slow_consumer (queued for a client closed as too slow).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly wsClosed = new Counter({
    name: 'zgg_ws_closed_total',
    help: 'WebSocket connections closed by the gateway, by reason (unauthenticated, token_expired, too_many_connections, slow_consumer, shutdown).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** For src/http/subscriptions.ts. */
  readonly live = {
    connections: (delta: number) => this.wsConnections.inc(delta),
    subscriptions: (field: string, delta: number) => this.wsSubscriptions.inc({ field }, delta),
    delivered: (field: string, n: number) => this.liveDelivered.inc({ field }, n),
    closed: (reason: string) => this.wsClosed.inc({ reason }),
    dropped: (reason: string, n: number) => this.liveDropped.inc({ reason }, n),
  };

  observeOperation(type: string, errorCodes: string[]): void {
    this.operations.inc({ type, outcome: errorCodes.length > 0 ? 'error' : 'ok' });
    for (const code of errorCodes) this.errors.inc({ code });
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected token cache event: ${String(x)}`);
}
