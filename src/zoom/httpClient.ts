import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { storeUnavailable } from '../errors.js';
import type { Credential } from '../tokens/credential.js';
import type { TokenRecord } from '../tokens/tokenRecord.js';
import { ZoomApiError, ZoomUnreachableError, parseRetryAfter } from './zoomApiError.js';
import type { RateCategory } from './rateCategory.js';
import { Coalescer, deepFreeze } from './coalescer.js';
import type { CacheTag } from './cacheTags.js';
import { keyOf, type CachedResponse } from './readCache.js';
import type { ReadLog } from './readLog.js';
import type { ZoomResponse } from './types.js';

export interface ZoomRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below `/v2`, each id encoded by `pathSegment` (zoom/pathSegment.ts), e.g. `/users/abc/meetings`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Stable name for logs and metrics, e.g. `users.list`. */
  route: string;
  category: RateCategory;
  /**
   * What a GET's answer depends on (zoom/cacheTags.ts); set, the answer may be served from and
   * kept in the read cache. Unset (ZAKs, reads the gateway authorizes by their content for
   * callers on a token other than their own), the GET is only shared with identical ones in flight.
   */
  cacheTags?: readonly CacheTag[];
}

/** Paces calls per rate-limit category before they leave (see zoom/pacer*.ts). */
export interface Pacer {
  /** Resolves when a call of `category` may leave; throws ZOOM_RATE_LIMITED when that is more than `maxWaitMs` away. */
  acquire(category: RateCategory, maxWaitMs?: number): Promise<void>;
}

/** Where GET answers are kept across requests and replicas (zoom/readCache.ts). */
export interface ReadCache {
  versions(tags: readonly CacheTag[]): Promise<string[] | null>;
  get<T>(key: string): Promise<CachedResponse<T> | undefined>;
  /** Resolves to when the answer expires. */
  set<T>(key: string, res: ZoomResponse<T>): Promise<number>;
}

/** What endpoint functions call Zoom through: the client, or its view recording one request's reads. */
export interface ZoomCaller {
  call<T>(req: ZoomRequest, credential: Credential): Promise<ZoomResponse<T>>;
}

/** How a GET was answered: from the read cache, by Zoom, or by an identical call in flight. */
export type ReadObserver = (e: { route: string; result: 'hit' | 'miss' | 'coalesced' }) => void;

/** Spans around each call (observability/tracing.ts). */
export interface ZoomCallTracer {
  call<T>(req: ZoomRequest, run: () => Promise<T>): Promise<T>;
}

/** Observes every upstream call (metrics). */
export type UpstreamObserver = (e: { route: string; status: number | 'error'; ms: number }) => void;

export interface ZoomHttpClientOptions {
  /** REST base used when a token carries no `api_url`, e.g. https://api.zoom.us/v2 */
  apiUrl: string;
  logger: Logger;
  clock: Clock;
  dispatcher?: Dispatcher;
  /** Per attempt: no headers or no body bytes for this long fails the attempt. @default 10000 */
  timeoutMs?: number;
  /**
   * Whole call, pacing, 429 waits and retries included (ZOOM_REQUEST_DEADLINE_MS); a call
   * never outlives it, so a GraphQL request is answered in bounded time. @default 15000
   */
  deadlineMs?: number;
  /** Extra attempts for idempotent calls on connection errors and 5xx. @default 2 */
  retries?: number;
  pacer?: Pacer;
  observe?: UpstreamObserver;
  /** Off (undefined) when ZOOM_CACHE_TTL_SECONDS=0; identical GETs in flight are shared either way. */
  readCache?: ReadCache;
  observeRead?: ReadObserver;
  /** Unset when tracing is off: then a call costs nothing more. */
  tracing?: ZoomCallTracer;
  /** True while the shared store is down (OutageAwareStore). */
  storeDown?: () => boolean;
}

const IDEMPOTENT = new Set(['GET', 'DELETE']);

/** One keep-alive HTTP pool to Zoom for the whole process. */
export class ZoomHttpClient {
  readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly deadlineMs: number;
  private readonly flights = new Coalescer();

  constructor(private readonly opts: ZoomHttpClientOptions) {
    this.ownsDispatcher = !opts.dispatcher;
    this.dispatcher = opts.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 128 });
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.retries = opts.retries ?? 2;
    this.deadlineMs = opts.deadlineMs ?? 15_000;
  }

  /**
   * Calls Zoom with the credential's token; on 401/124 takes a fresh token once and retries once.
   * A GET is shared with identical ones in flight (same credential, same URL) and, with
   * `cacheTags`, answered from the read cache; an answer several callers share is frozen.
   */
  call<T>(req: ZoomRequest, credential: Credential, log?: ReadLog): Promise<ZoomResponse<T>> {
    const tracing = this.opts.tracing;
    return tracing ? tracing.call(req, () => this.untraced<T>(req, credential, log)) : this.untraced<T>(req, credential, log);
  }

  /** This client, noting in `log` what each call read (graphql/answerCache.ts). */
  recordingInto(log: ReadLog): ZoomCaller {
    return { call: (req, credential) => this.call(req, credential, log) };
  }

  private async untraced<T>(req: ZoomRequest, credential: Credential, log?: ReadLog): Promise<ZoomResponse<T>> {
    if (req.method !== 'GET') log?.spoil('a write');
    // NOTE: a write is the change the read cache's versions record for every replica. While the
    // store is down they cannot be bumped, and the replicas would serve the old answer for up to
    // ZOOM_CACHE_TTL_SECONDS once it is back: the write is refused instead, before Zoom sees it.
    if (req.method !== 'GET' && this.opts.readCache && this.opts.storeDown?.()) {
      throw storeUnavailable(
        'The token store cannot be reached, so changes cannot be made now (the read cache could not be told of them); retry later.',
      );
    }
    const deadline = Date.now() + this.deadlineMs;
    const token = await credential.get();
    if (req.method === 'GET') return this.read<T>(req, credential, token, deadline, log);
    try {
      return await this.callWith<T>(req, credential, token, deadline);
    } finally {
      // A read that starts once this write is done must not share an answer fetched before it.
      this.flights.detachAll();
    }
  }

  private async read<T>(
    req: ZoomRequest,
    credential: Credential,
    token: TokenRecord,
    deadline: number,
    log?: ReadLog,
  ): Promise<ZoomResponse<T>> {
    // The credential identity is part of the key: an answer is never shared across credentials.
    const url = this.urlFor(req, token);
    const href = url.href;
    const tagList = req.cacheTags;
    const cache = tagList ? this.opts.readCache : undefined;
    const versions = cache && tagList ? await cache.versions(tagList) : null;
    const scope = versions && tagList ? tagList.map((t, i) => `${t}=${versions[i]!}`).join('&') : null;
    // A user's own grant can be revoked or replaced, which no version records.
    if (log && (versions === null || credential.source === 'user')) log.spoil('a read outside the versions');
    const flightKey = `${credential.key}\n${href}\n${scope ?? ''}`;
    const { result, joined } = this.flights.run(
      flightKey,
      async (): Promise<ZoomResponse<T> & { expiresAt?: number }> => {
        const key = scope === null ? undefined : keyOf(credential.key, req.method, href, scope);
        if (cache && key) {
          const hit = await cache.get<T>(key);
          this.opts.observeRead?.({ route: req.route, result: hit ? 'hit' : 'miss' });
          if (hit) return hit;
        }
        const res = await this.callWith<T>(req, credential, token, deadline, url);
        if (cache && key) return { ...res, expiresAt: await cache.set(key, res) };
        return res;
      },
      // Callers sharing one answer hold the same object: none may change what the others see.
      deepFreeze,
    );
    if (joined) this.opts.observeRead?.({ route: req.route, result: 'coalesced' });
    if (!log) return result;
    try {
      const res = await result;
      if (versions && tagList && res.expiresAt !== undefined) log.read(tagList, versions, res.expiresAt);
      else log.spoil('a read outside the versions');
      return res;
    } catch (err) {
      log.spoil('a failed read');
      throw err;
    }
  }

  /** `url`: the request's URL for `token`, when the caller has built it already. */
  private async callWith<T>(
    req: ZoomRequest,
    credential: Credential,
    token: TokenRecord,
    deadline: number,
    url?: URL,
  ): Promise<ZoomResponse<T>> {
    try {
      return await this.send<T>(req, token, deadline, url);
    } catch (err) {
      // NOTE: Zoom answers 401 {"code":124} for expired, revoked and unknown tokens (docs/zoom.md#user-oauth).
      if (!(err instanceof ZoomApiError && err.status === 401 && err.zoomCode === 124)) throw err;
      this.opts.logger.info({ route: req.route, source: credential.source }, 'Zoom rejected a cached token; fetching a new one');
      await credential.invalidate(token);
      let fresh = await credential.get();
      if (fresh.accessToken === token.accessToken) {
        // A store read that began before the invalidation can hand the rejected token back: drop it again.
        await credential.invalidate(token);
        fresh = await credential.get();
      }
      return this.send<T>(req, fresh, deadline);
    }
  }

  private async send<T>(req: ZoomRequest, token: TokenRecord, deadline: number, url = this.urlFor(req, token)): Promise<ZoomResponse<T>> {
    // NOTE: a POST whose answer was lost may have been applied (a meeting created): never repeat it.
    const attempts = IDEMPOTENT.has(req.method) ? this.retries + 1 : 1;
    for (let failures = 0; ;) {
      try {
        return await this.once<T>(req, url, token, deadline);
      } catch (err) {
        const left = deadline - Date.now();
        if (err instanceof ZoomApiError && err.status === 429) {
          // A 429 was not applied, so any method may go again once Zoom's Retry-After has passed.
          const waitMs = (err.retryAfterSeconds ?? 1) * 1000;
          if (waitMs >= left) throw err;
          this.opts.logger.info({ route: req.route, waitMs }, 'Zoom rate limit reached; waiting for Retry-After');
          await sleep(waitMs);
          continue;
        }
        const retriable = err instanceof ZoomUnreachableError || (err instanceof ZoomApiError && err.status >= 500);
        if (!retriable || ++failures >= attempts) throw err;
        const backoffMs = 50 * 2 ** failures * (0.5 + Math.random());
        if (backoffMs >= left) throw err;
        await sleep(backoffMs);
      }
    }
  }

  private async once<T>(req: ZoomRequest, url: URL, token: TokenRecord, deadline: number): Promise<ZoomResponse<T>> {
    await this.opts.pacer?.acquire(req.category, Math.max(0, deadline - Date.now()));
    const left = deadline - Date.now();
    if (left <= 0) throw new ZoomUnreachableError(`Zoom request ${req.route} ran out of time`, req.route);
    const started = performance.now();
    let res: Dispatcher.ResponseData;
    let text: string;
    // NOTE: not AbortSignal.timeout(left): its timer outlives the call by up to the whole deadline,
    // and thousands of those per second pile up in the old generation. This one is cleared at once.
    // An EventEmitter, which undici takes as a signal (with its `reason`): an AbortController's
    // EventTarget and abort listener cost tens of µs per call.
    const deadlineAbort: EventEmitter & { reason?: unknown } = new EventEmitter();
    const deadlineTimer = setTimeout(() => {
      deadlineAbort.reason = new DOMException(`deadline of ${left} ms exceeded`, 'TimeoutError');
      deadlineAbort.emit('abort');
    }, left);
    try {
      res = await request(url, {
        method: req.method,
        dispatcher: this.dispatcher,
        headers: {
          authorization: `Bearer ${token.accessToken}`,
          accept: 'application/json',
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : null,
        headersTimeout: Math.min(this.timeoutMs, left),
        bodyTimeout: Math.min(this.timeoutMs, left),
        signal: deadlineAbort,
      });
      text = await res.body.text();
    } catch (err) {
      this.opts.observe?.({ route: req.route, status: 'error', ms: performance.now() - started });
      throw new ZoomUnreachableError(`Zoom request ${req.route} failed: ${(err as Error).message}`, req.route, { cause: err });
    } finally {
      clearTimeout(deadlineTimer);
    }
    this.opts.observe?.({ route: req.route, status: res.statusCode, ms: performance.now() - started });
    const trackingId = header(res.headers['x-zm-trackingid']);
    if (res.statusCode >= 200 && res.statusCode < 300) {
      if (text === '') return { status: res.statusCode, body: undefined as T };
      try {
        return { status: res.statusCode, body: JSON.parse(text) as T };
      } catch (err) {
        throw new ZoomUnreachableError(`Zoom answered ${req.route} with a malformed body`, req.route, { cause: err });
      }
    }
    throw this.toError(req, res, text, trackingId);
  }

  private toError(req: ZoomRequest, res: Dispatcher.ResponseData, text: string, trackingId?: string): ZoomApiError {
    let code: number | undefined;
    let message = `Zoom answered ${res.statusCode}`;
    if (res.statusCode < 500) {
      try {
        const body = JSON.parse(text) as { code?: unknown; message?: unknown };
        if (typeof body.code === 'number') code = body.code;
        if (typeof body.message === 'string') message = body.message;
      } catch {
        // Not Zoom's JSON error shape: keep the generic message.
      }
    }
    const now = this.opts.clock.now();
    let retryAfter = parseRetryAfter(header(res.headers['retry-after']), now);
    // NOTE: Zoom's daily limits, the per-user 100 meeting creates/updates above all, may come
    // without Retry-After and reset at 00:00 UTC (docs/zoom.md#errors-and-rate-limits): waiting a second would not help.
    if (res.statusCode === 429 && retryAfter === undefined && isDailyLimit(header(res.headers['x-ratelimit-type']), message)) {
      retryAfter = secondsToUtcMidnight(now);
    }
    if (res.statusCode >= 400) {
      this.opts.logger.debug({ route: req.route, status: res.statusCode, zoomCode: code, trackingId }, 'Zoom error');
    }
    return new ZoomApiError(res.statusCode, code, message, trackingId, req.route, retryAfter);
  }

  private urlFor(req: ZoomRequest, token: TokenRecord): URL {
    // NOTE: the token's api_url is the account's regional base (docs/zoom.md#server-to-server-oauth) and has no /v2.
    const base = token.apiUrl ? `${token.apiUrl.replace(/\/+$/, '')}/v2` : this.opts.apiUrl;
    // The query string is serialised once and parsed with the rest (setting each parameter on
    // the URL re-serialises the whole query every time).
    const params = new URLSearchParams();
    for (const k in req.query) {
      const v = req.query[k];
      if (v !== undefined && v !== '') params.append(k, String(v));
    }
    const query = params.size > 0 ? `?${params.toString()}` : '';
    const url = new URL(base + req.path + query);
    // NOTE: the URL parser resolves dot segments (also spelled %2e) and moves an unencoded `?` or
    // `#` out of the path; a path that did not survive it unchanged would reach another Zoom route.
    if (url.search !== query || url.hash !== '' || !url.pathname.endsWith(req.path)) {
      throw new Error(`Zoom request ${req.route} has a path that is not made of encoded segments`);
    }
    return url;
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}

const isDailyLimit = (type: string | undefined, message: string) => /daily/i.test(type ?? '') || /daily rate limit/i.test(message);

function secondsToUtcMidnight(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}

const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
