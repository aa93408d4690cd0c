import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { TokenEndpointError } from './oauthClient.js';
import { SingleFlight } from './singleFlight.js';
import type { SharedStore } from '../store/store.js';
import { isFresh, type TokenRecord, type TokenSourceKind } from './tokenRecord.js';
import { isGatewayError } from '../errors.js';

/**
 * What a lookup may do while the store is down. `memory`: serve this process's copy while it has
 * not expired, else fail (a user token: refreshing it would rotate a refresh token that could
 * not be stored). `fetch`: also fetch a new one without storing it (credentials without a
 * refresh token: the account token, a ZAK).
 */
export type WithoutStore = 'memory' | 'fetch';

interface LookupOptions {
  memory?: boolean;
  source?: TokenSourceKind;
  withoutStore?: WithoutStore;
}

export interface TokenCacheOptions {
  store: SharedStore;
  clock: Clock;
  /** Refresh this long before expiry (TOKEN_REFRESH_MARGIN_SECONDS). */
  marginMs: number;
  logger: Logger;
  /** First pause after a failed fetch; doubles per failure up to maxBackoffMs. @default 1000 */
  backoffMs?: number;
  /** @default 60000 */
  maxBackoffMs?: number;
  /** Observes outcomes (metrics). */
  observe?: (e: {
    key: string;
    source: CacheSource;
    event: 'memory_hit' | 'store_hit' | 'fetch' | 'fetch_ok' | 'fetch_error' | 'stale_served';
  }) => void;
  /** Spans around lookups and fetches (observability/tracing.ts); unset when tracing is off. */
  tracing?: TokenCacheTracer;
  /** Observes how long a load waited for the store's lock, in wall-clock ms (metrics). */
  observeLockWait?: (e: { key: string; source: CacheSource; ms: number }) => void;
}

/** The kind of credential a key holds, as its caller says; labels metrics. */
export type CacheSource = TokenSourceKind | 'unknown';

export type Fetcher = (current: TokenRecord | undefined) => Promise<TokenRecord>;

export interface TokenCacheTracer {
  lookup<T>(source: CacheSource, run: () => Promise<T>): Promise<T>;
  fetch(source: CacheSource, fetcher: Fetcher): Fetcher;
}

interface Failure {
  until: number;
  delayMs: number;
  error: unknown;
}

/**
 * The token lifecycle shared by every source: memory, then store, then one fetch per key —
 * single-flight in the process and the store's lock across processes, with a re-read of the
 * store once the lock is held.
 */
export class TokenCache {
  private readonly memory = new Map<string, TokenRecord>();
  private readonly flights = new SingleFlight();
  private readonly failures = new Map<string, Failure>();

  constructor(private readonly opts: TokenCacheOptions) {}

  /**
   * `memory: false` serves only what the store holds: for credentials another replica may drop
   * (a ZAK after its user was deactivated), so no process keeps serving its own copy.
   * `source` names the kind of credential `key` holds, for metrics.
   */
  get(key: string, fetch: Fetcher, options: LookupOptions = {}): Promise<TokenRecord> {
    const tracing = this.opts.tracing;
    if (!tracing) return this.lookup(key, fetch, options);
    const source = options.source ?? 'unknown';
    return tracing.lookup(source, () => this.lookup(key, tracing.fetch(source, fetch), options));
  }

  private async lookup(key: string, fetch: Fetcher, options: LookupOptions): Promise<TokenRecord> {
    const now = this.opts.clock.now();
    const source = options.source ?? 'unknown';
    const cached = options.memory === false ? undefined : this.memory.get(key);
    if (isFresh(cached, now, this.opts.marginMs)) {
      this.opts.observe?.({ key, source, event: 'memory_hit' });
      return cached;
    }
    return this.flights.run(key, () =>
      this.load(key, source, fetch).catch((err: unknown) => {
        if (!isGatewayError(err) || err.code !== 'STORE_UNAVAILABLE') throw err;
        return this.withoutStore(key, source, fetch, options, err);
      }),
    );
  }

  /** The store is down: this process's copy while it lasts, or (where allowed) a token fetched and kept in memory only. */
  private async withoutStore(
    key: string,
    source: CacheSource,
    fetch: Fetcher,
    options: LookupOptions,
    storeError: unknown,
  ): Promise<TokenRecord> {
    const held = options.memory === false ? undefined : this.memory.get(key);
    if (held && held.expiresAt > this.opts.clock.now()) {
      this.opts.observe?.({ key, source, event: 'stale_served' });
      return held;
    }
    if (options.withoutStore !== 'fetch') throw storeError;
    this.opts.observe?.({ key, source, event: 'fetch' });
    const fresh = await fetch(undefined);
    this.opts.observe?.({ key, source, event: 'fetch_ok' });
    return options.memory === false ? fresh : this.remember(key, fresh);
  }

  /** Zoom rejected `rejected`: forget it unless the store already holds a newer token. */
  async invalidate(key: string, rejected: TokenRecord): Promise<void> {
    if (this.memory.get(key)?.accessToken === rejected.accessToken) this.memory.delete(key);
    // Under the lock: otherwise another replica's refresh could land between the read and the
    // write, and writing the old pair back would lose its rotated refresh token.
    await this.opts.store.withLock(key, async () => {
      const stored = await this.opts.store.get<TokenRecord>(key);
      if (stored?.accessToken !== rejected.accessToken) return;
      // A user grant keeps its refresh token: only the access token is marked expired.
      if (stored.refreshToken) await this.opts.store.set(key, { ...stored, expiresAt: 0 });
      else await this.opts.store.delete(key);
    });
  }

  /** Drops a credential entirely (revoked grant, invalidated ZAK). */
  async forget(key: string): Promise<void> {
    this.memory.delete(key);
    this.failures.delete(key);
    await this.opts.store.delete(key);
  }

  /** What is cached for a key, without fetching; for status reports. */
  async peek(key: string): Promise<TokenRecord | undefined> {
    return this.memory.get(key) ?? (await this.opts.store.get<TokenRecord>(key));
  }

  private async load(key: string, source: CacheSource, fetch: Fetcher): Promise<TokenRecord> {
    const { store, clock, marginMs } = this.opts;
    const stored = await store.get<TokenRecord>(key);
    if (isFresh(stored, clock.now(), marginMs)) {
      this.opts.observe?.({ key, source, event: 'store_hit' });
      return this.remember(key, stored);
    }
    const failure = this.failures.get(key);
    if (failure && failure.until > clock.now()) return this.staleOr(key, source, stored, failure.error);
    const waitStarted = performance.now();
    return store.withLock(key, async () => {
      this.opts.observeLockWait?.({ key, source, ms: performance.now() - waitStarted });
      // Another process may have refreshed while we waited for the lock.
      const current = await store.get<TokenRecord>(key);
      if (isFresh(current, clock.now(), marginMs)) {
        this.opts.observe?.({ key, source, event: 'store_hit' });
        return this.remember(key, current);
      }
      try {
        this.opts.observe?.({ key, source, event: 'fetch' });
        const fresh = await fetch(current);
        this.opts.observe?.({ key, source, event: 'fetch_ok' });
        this.failures.delete(key);
        await this.persist(key, fresh);
        return this.remember(key, fresh);
      } catch (error) {
        this.opts.observe?.({ key, source, event: 'fetch_error' });
        this.noteFailure(key, error);
        return this.staleOr(key, source, current ?? stored, error);
      }
    });
  }

  private async persist(key: string, record: TokenRecord): Promise<void> {
    const ttl = record.refreshToken ? undefined : record.expiresAt - this.opts.clock.now();
    try {
      await this.opts.store.set(key, record, ttl);
    } catch (err) {
      // A refresh token that cannot be persisted must not be used: the next refresh would fail.
      if (record.refreshToken) throw err;
      this.opts.logger.warn({ err, key }, 'could not cache token; continuing with it in memory');
    }
  }

  private remember(key: string, record: TokenRecord): TokenRecord {
    this.memory.set(key, record);
    return record;
  }

  /** While Zoom's token endpoint is down, a token that has not truly expired is still served. */
  private staleOr(key: string, source: CacheSource, stale: TokenRecord | undefined, error: unknown): TokenRecord {
    const unavailable = error instanceof TokenEndpointError && error.unavailable;
    if (unavailable && stale && stale.expiresAt > this.opts.clock.now()) {
      this.opts.observe?.({ key, source, event: 'stale_served' });
      return this.remember(key, stale);
    }
    throw error;
  }

  private noteFailure(key: string, error: unknown): void {
    if (!(error instanceof TokenEndpointError)) return;
    const base = this.opts.backoffMs ?? 1000;
    const previous = this.failures.get(key);
    const delayMs = Math.min(previous ? previous.delayMs * 2 : base, this.opts.maxBackoffMs ?? 60_000);
    this.failures.set(key, { until: this.opts.clock.now() + delayMs, delayMs, error });
    this.opts.logger.warn({ key, error: error.error, reason: error.reason, retryInMs: delayMs }, 'token fetch failed');
  }
}
