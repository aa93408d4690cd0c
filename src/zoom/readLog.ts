import type { CacheTag } from './cacheTags.js';

/**
 * What one GraphQL request read from Zoom, for the answer cache (graphql/answerCache.ts): the
 * version of every read-cache tag its answers depended on, and until when the oldest of them
 * may be served. Anything that makes the request's answer more than a function of those
 * versions (a write, a read without tags, a read on a user's own grant, a failed read, a store
 * that could not say) spoils it, and the answer is not kept.
 */
export class ReadLog {
  private readonly byTag = new Map<CacheTag, string>();
  private spoiledBy: string | undefined;
  /** Epoch ms (injected clock) until which every read's answer may be served. */
  until = Infinity;

  /** A read answered under these versions of `tags`, valid until `expiresAt`. */
  read(tags: readonly CacheTag[], versions: readonly string[], expiresAt: number): void {
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i]!;
      const version = versions[i]!;
      const seen = this.byTag.get(tag);
      // Two reads of one request saw a tag at two versions: a change landed in between.
      if (seen !== undefined && seen !== version) this.spoil('a change landed during the request');
      this.byTag.set(tag, version);
    }
    if (expiresAt < this.until) this.until = expiresAt;
  }

  spoil(reason: string): void {
    this.spoiledBy ??= reason;
  }

  get spoiled(): boolean {
    return this.spoiledBy !== undefined;
  }

  /** The tags read and their versions, in one order; undefined when spoiled. */
  dependencies(): { tags: CacheTag[]; versions: string[] } | undefined {
    if (this.spoiled) return undefined;
    return { tags: [...this.byTag.keys()], versions: [...this.byTag.values()] };
  }
}
