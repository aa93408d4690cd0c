import type { Clock } from '../clock.js';
import { storeKeys } from '../store/keys.js';
import type { Credential } from './credential.js';
import { SingleFlight } from './singleFlight.js';
import type { TokenCache } from './tokenCache.js';
import type { TokenRecord } from './tokenRecord.js';

/** `ttl` asked of `GET /users/{id}/token?type=zak`; Zoom's own default (docs/zoom.md#zak). */
export const DEFAULT_ZAK_TTL_SECONDS = 7200;
/** NOTE: "ZAKs obtained with this endpoint expire five minutes after receipt" (`/users/me/zak`, docs/zoom.md#zak). */
export const ME_ZAK_LIFETIME_SECONDS = 300;

export interface ZakCacheOptions {
  cache: TokenCache;
  clock: Clock;
  /** TOKEN_REFRESH_MARGIN_SECONDS, in ms: a ZAK is served only while more than this remains. */
  marginMs: number;
  /** @default DEFAULT_ZAK_TTL_SECONDS */
  ttlSeconds?: number;
  /** Ends every key: the Zoom that issued the ZAKs (ZoomOAuthClient.keyScope). @default '' */
  keyScope?: string;
}

/**
 * Fetches the ZAK from Zoom: `/users/me/zak` when `credential` is the user's own token,
 * `/users/{id}/token?type=zak&ttl=` otherwise. Returns the token string.
 */
export type ZakFetch = (ttlSeconds: number) => Promise<string>;

/**
 * ZAKs, cached per (user id, ttl) in the encrypted shared store. Zoom's ZAK response carries no
 * expiry, so a ZAK is kept for the ttl we asked for, counted from when the request was sent.
 */
export class ZakCache {
  readonly ttlSeconds: number;
  private readonly uncached = new SingleFlight();

  constructor(private readonly opts: ZakCacheOptions) {
    this.ttlSeconds = opts.ttlSeconds ?? DEFAULT_ZAK_TTL_SECONDS;
  }

  /** How long a ZAK obtained with `credential` lives. */
  lifetimeFor(credential: Credential): number {
    return credential.source === 'user' ? ME_ZAK_LIFETIME_SECONDS : this.ttlSeconds;
  }

  static key(userId: string, lifetimeSeconds: number, keyScope = ''): string {
    return storeKeys.zak(userId, lifetimeSeconds, keyScope);
  }

  async get(userId: string, credential: Credential, fetch: ZakFetch): Promise<TokenRecord> {
    const lifetime = this.lifetimeFor(credential);
    const key = ZakCache.key(userId, lifetime, this.opts.keyScope);
    const load = async (): Promise<TokenRecord> => {
      const sentAt = this.opts.clock.now();
      const token = await fetch(lifetime);
      return { accessToken: token, expiresAt: sentAt + lifetime * 1000, obtainedAt: sentAt, scopes: [] };
    };
    // A ZAK that would be inside the margin at once (a 5-minute /users/me/zak ZAK with the
    // default 300 s margin) is never worth storing: concurrent callers share one fetch, no more.
    if (lifetime * 1000 <= this.opts.marginMs) return this.uncached.run(key, load);
    // Read from the store each time: a webhook on any replica may drop it (user deactivated,
    // app removed), and a copy in this process's memory would outlive that.
    // While the store is down a fresh ZAK is fetched for each call: never a copy another replica may have dropped.
    return this.opts.cache.get(key, load, { memory: false, source: 'zak', withoutStore: 'fetch' });
  }

  /** Drops every cached ZAK of `userId` (signed out everywhere, or a start failed); true if one was cached. */
  async invalidate(userId: string): Promise<boolean> {
    const keys = [...new Set([this.ttlSeconds, ME_ZAK_LIFETIME_SECONDS])].map((ttl) => ZakCache.key(userId, ttl, this.opts.keyScope));
    const cached = await Promise.all(keys.map((k) => this.opts.cache.peek(k)));
    await Promise.all(keys.map((k) => this.opts.cache.forget(k)));
    return cached.some((r) => r !== undefined && r.expiresAt > this.opts.clock.now());
  }
}
