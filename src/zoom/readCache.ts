import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { storeKeys } from '../store/keys.js';
import type { SharedStore } from '../store/store.js';
import { familyOf, tagsOf, type CacheTag } from './cacheTags.js';
import type { ZoomChange, ZoomChangeSink } from './changes.js';
import type { ZoomResponse } from './types.js';

export type ReadCacheEvent =
  | { event: 'invalidated'; family: string }
  /** The store failed or did not answer in time; the read went to Zoom, or the bump was lost. */
  | { event: 'store_error'; op: 'read' | 'write' | 'invalidate' };

export interface ReadCacheOptions {
  store: SharedStore;
  ttlSeconds: number;
  clock: Clock;
  logger: Logger;
  /** Longest a cache read or write may take before the call goes to Zoom without it. @default 1000 */
  storeTimeoutMs?: number;
  /** After a store failure, reads skip the cache this long (a dead Redis would cost each its timeout). @default 5000 */
  pauseAfterFailureMs?: number;
  observe?: (e: ReadCacheEvent) => void;
}

/** A cached answer and the epoch ms (injected clock) at which it expires. */
export type CachedResponse<T> = ZoomResponse<T> & { expiresAt: number };

interface Entry {
  status: number;
  body: unknown;
  expiresAt: number;
}

/**
 * Zoom GET answers in the shared store (encrypted at rest, namespaced, shared by replicas).
 * Each answer's key folds in the current version of every tag it depends on; a change writes
 * new versions, so invalidation is a handful of writes on any replica and needs no key scan.
 * A store that fails never fails a read: the read goes to Zoom and nothing is cached.
 */
export class ZoomReadCache implements ZoomChangeSink {
  private readonly ttlMs: number;
  private readonly versionTtlMs: number;
  private pausedUntil = 0;
  private warned = false;

  constructor(private readonly opts: ReadCacheOptions) {
    this.ttlMs = opts.ttlSeconds * 1000;
    // A read that took its versions just before a bump may write its entry up to a deadline
    // later; versions outlive every entry written under the version before them.
    this.versionTtlMs = 2 * this.ttlMs + 60_000;
  }

  /** The current version of each of `tags`, to fold into a key; null when the store cannot say (read Zoom, cache nothing). */
  async versions(tagList: readonly CacheTag[]): Promise<string[] | null> {
    if (this.opts.clock.now() < this.pausedUntil) return null;
    try {
      const versions = await this.bounded(Promise.all(tagList.map((t) => this.opts.store.get<string>(versionKey(t)))));
      this.recovered();
      return versions.map((v) => v ?? '0');
    } catch (err) {
      this.failed('read', err);
      return null;
    }
  }

  /** The cached answer for `key` (from `keyOf`) and when it expires, or undefined; never throws. */
  async get<T>(key: string): Promise<CachedResponse<T> | undefined> {
    try {
      const entry = await this.bounded(this.opts.store.get<Entry>(key));
      if (!entry || entry.expiresAt <= this.opts.clock.now()) return undefined;
      return { status: entry.status, body: entry.body as T, expiresAt: entry.expiresAt };
    } catch (err) {
      this.failed('read', err);
      return undefined;
    }
  }

  /** Caches a 2xx answer; never throws. Resolves to when the answer expires. */
  async set<T>(key: string, res: ZoomResponse<T>): Promise<number> {
    const entry: Entry = { status: res.status, body: res.body, expiresAt: this.opts.clock.now() + this.ttlMs };
    try {
      await this.bounded(this.opts.store.set(key, entry, this.ttlMs));
    } catch (err) {
      this.failed('write', err);
    }
    return entry.expiresAt;
  }

  /**
   * Bumps every tag the change affects. Never throws: the write it follows has happened at
   * Zoom, and failing the mutation would not undo it. A lost bump is logged and counted.
   */
  async changed(change: ZoomChange): Promise<void> {
    const affected = tagsOf(change);
    const results = await Promise.allSettled(
      affected.map((t) => this.bounded(this.opts.store.set(versionKey(t), randomBytes(9).toString('base64url'), this.versionTtlMs))),
    );
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') this.opts.observe?.({ event: 'invalidated', family: familyOf(affected[i]!) });
    });
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) this.failed('invalidate', failure.reason);
  }

  private bounded<T>(p: Promise<T>): Promise<T> {
    const ms = this.opts.storeTimeoutMs ?? 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  private failed(op: 'read' | 'write' | 'invalidate', err: unknown): void {
    this.opts.observe?.({ event: 'store_error', op });
    this.pausedUntil = this.opts.clock.now() + (this.opts.pauseAfterFailureMs ?? 5000);
    if (this.warned) return;
    this.warned = true;
    // The message and code only: a driver's error may carry the store URL, password included.
    const reason = err instanceof Error ? err.message : 'unknown';
    const code = err instanceof Error && err.cause instanceof Error ? (err.cause as NodeJS.ErrnoException).code : undefined;
    this.opts.logger.warn({ op, reason, code }, 'read cache: the store failed; reading from Zoom without the cache until it answers again');
  }

  private recovered(): void {
    if (!this.warned) return;
    this.warned = false;
    this.opts.logger.info('read cache: the store answers again');
  }
}

/** Store key of one answer: who asked (credential identity), what, and the versions it depends on. */
export const keyOf = storeKeys.zoomRead;

// Hashed by the builder: a tag may hold an email, and store keys are not encrypted.
const versionKey = (tag: CacheTag) => storeKeys.zoomReadVersion(tag);
