import type { PersistedQueryOptions } from '@apollo/server';
import type { Logger } from 'pino';
import { storeKeys } from './keys.js';
import type { SharedStore } from './store.js';

type KeyValueCache = NonNullable<PersistedQueryOptions['cache']>;

/** How long a registered query stays in the store; a client whose hash expired sends the text again. */
export const PERSISTED_QUERY_TTL_SECONDS = 86_400;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// Apollo prefixes its keys; what follows is the client's sha256Hash, unchecked.
const APOLLO_PREFIX = 'apq:';

/**
 * Apollo's automatic persisted queries, kept in the gateway's store so a query registered on one
 * replica runs by its hash on every other. Apollo registers a text only after checking that its
 * SHA-256 is the hash sent with it and that it validates, so a hash never names another text.
 *
 * The most recently used texts are also kept in process (up to `maxChars`), so a hot hash costs no
 * store round trip. The store failing never fails a request: a read that fails is a miss (the
 * client then sends the text, which runs), a write that fails is logged.
 */
export class PersistedQueryCache implements KeyValueCache {
  private readonly recent = new Map<string, string>();
  private chars = 0;
  private lastWarned = 0;

  constructor(
    private readonly store: SharedStore,
    private readonly logger: Logger,
    private readonly maxChars = 1024 * 1024,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const hash = hashOf(key);
    if (!hash) return undefined;
    const near = this.recent.get(hash);
    if (near !== undefined) {
      this.remember(hash, near);
      return near;
    }
    try {
      const text = await this.store.get<string>(storeKeys.persistedQuery(hash));
      if (typeof text !== 'string') return undefined;
      this.remember(hash, text);
      return text;
    } catch (err) {
      this.warn(err, 'read');
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const hash = hashOf(key);
    if (!hash) return;
    this.remember(hash, value);
    const ttlSeconds = options?.ttl ?? PERSISTED_QUERY_TTL_SECONDS;
    await this.store.set(storeKeys.persistedQuery(hash), value, ttlSeconds * 1000).catch((err: unknown) => this.warn(err, 'write'));
  }

  async delete(key: string): Promise<boolean> {
    const hash = hashOf(key);
    if (!hash) return false;
    this.forget(hash);
    await this.store.delete(storeKeys.persistedQuery(hash)).catch((err: unknown) => this.warn(err, 'delete'));
    return true;
  }

  private remember(hash: string, text: string): void {
    this.forget(hash);
    if (text.length > this.maxChars) return;
    this.recent.set(hash, text);
    this.chars += text.length;
    for (const [old, oldText] of this.recent) {
      if (this.chars <= this.maxChars) break;
      this.recent.delete(old);
      this.chars -= oldText.length;
    }
  }

  private forget(hash: string): void {
    const text = this.recent.get(hash);
    if (text === undefined) return;
    this.recent.delete(hash);
    this.chars -= text.length;
  }

  private warn(err: unknown, op: string): void {
    // A store outage fails every lookup; once a few seconds is enough in the log.
    if (Date.now() - this.lastWarned < 5000) return;
    this.lastWarned = Date.now();
    this.logger.warn({ err, op }, 'persisted query store unavailable; clients send the query text instead');
  }
}

function hashOf(key: string): string | undefined {
  const hash = key.startsWith(APOLLO_PREFIX) ? key.slice(APOLLO_PREFIX.length) : key;
  return SHA256_HEX.test(hash) ? hash : undefined;
}
