import { hash } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Principal } from '../../auth/principal.js';
import type { CacheTag } from '../../zoom/cacheTags.js';
import type { ReadLog } from '../../zoom/readLog.js';

/** What an answer is checked against on every hit: the read cache's current tag versions (shared store). */
export type CurrentVersions = (tags: readonly CacheTag[]) => Promise<string[] | null>;

export type AnswerCacheResult = 'hit' | 'miss' | 'stale' | 'stored';

export interface AnswerCacheOptions {
  /** GRAPHQL_ANSWER_CACHE_BYTES: the bound on the answers' bytes (keys included). */
  maxBytes: number;
  /** ZOOM_CACHE_TTL_SECONDS: no answer outlives it, even one that read nothing. */
  ttlSeconds: number;
  clock: Clock;
  versions: CurrentVersions;
  observe?: (result: AnswerCacheResult) => void;
}

export interface Answer {
  readonly body: string;
  readonly contentType: string;
  readonly tags: readonly CacheTag[];
  readonly versions: readonly string[];
  readonly expiresAt: number;
  readonly bytes: number;
}

/** What an HTTP request's answer depends on besides the Zoom data: who asks, what, and how it wants it. */
export interface AnswerRequest {
  principal: Principal;
  query: string;
  operationName: string | undefined;
  variables: unknown;
  /** The Accept header: it decides the answer's content type. */
  accept: string | undefined;
}

/** Bytes an entry is counted for beyond its body and key (the record, the tag and version strings). */
const ENTRY_OVERHEAD = 256;

/**
 * Whole GraphQL answers in this process, for the queries `isCacheable` admits, per caller: an
 * answer is served only while every read-cache tag version it was built from is still the
 * current one in the shared store (read on every hit, as a read-cache hit reads them) and no
 * read it was built from has expired. A change anywhere (a write on any replica, a webhook)
 * bumps a version and so ends every answer built on it, exactly as it ends the read cache's
 * entries. Least recently used answers go first once their bytes pass `maxBytes`.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Answer>();
  private total = 0;
  private readonly ttlMs: number;

  constructor(private readonly opts: AnswerCacheOptions) {
    this.ttlMs = opts.ttlSeconds * 1000;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The key of one request's answer. Everything the answer may depend on besides Zoom data is in it. */
  keyOf(r: AnswerRequest): string {
    // The whole principal: any part of it an authorization decision reads (roles, Zoom user, link) scopes the answer.
    return hash(
      'sha256',
      `${JSON.stringify(r.principal)}\n${r.accept ?? ''}\n${r.operationName ?? ''}\n${JSON.stringify(r.variables ?? null)}\n${r.query}`,
      'base64url',
    );
  }

  /** The answer kept under `key`, when every version it depends on is still current; never throws. */
  async get(key: string): Promise<Answer | undefined> {
    const answer = this.entries.get(key);
    if (!answer) return this.observed('miss');
    if (answer.expiresAt <= this.opts.clock.now()) {
      this.forget(key, answer);
      return this.observed('stale');
    }
    const current = answer.tags.length === 0 ? [] : await this.opts.versions(answer.tags).catch(() => null);
    // The store cannot say: the request runs as if nothing were kept (and the answer stays for when it can).
    if (current === null) return this.observed('miss');
    if (current.some((v, i) => v !== answer.versions[i])) {
      if (this.entries.get(key) === answer) this.forget(key, answer);
      return this.observed('stale');
    }
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.opts.observe?.('hit');
    return answer;
  }

  /** Keeps a request's answer, unless its reads say it depends on more than their versions. */
  set(key: string, reads: ReadLog, body: string, contentType: string): void {
    const deps = reads.dependencies();
    if (!deps) return;
    const expiresAt = Math.min(reads.until, this.opts.clock.now() + this.ttlMs);
    const bytes = Buffer.byteLength(body) + key.length + ENTRY_OVERHEAD;
    if (expiresAt <= this.opts.clock.now() || bytes > this.opts.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.forget(key, old);
    this.entries.set(key, { body, contentType, tags: deps.tags, versions: deps.versions, expiresAt, bytes });
    this.total += bytes;
    for (const [oldest, answer] of this.entries) {
      if (this.total <= this.opts.maxBytes) break;
      this.forget(oldest, answer);
    }
    this.opts.observe?.('stored');
  }

  private forget(key: string, answer: Answer): void {
    this.entries.delete(key);
    this.total -= answer.bytes;
  }

  private observed(result: 'miss' | 'stale'): undefined {
    this.opts.observe?.(result);
    return undefined;
  }
}
