import type { Logger } from 'pino';
import { isGatewayError } from '../errors.js';
import { storeFailure, type SharedStore } from './store.js';

export interface OutageOptions {
  logger: Logger;
  /** Longest one store operation may take while the store answers; past it the store is taken for down. @default 1000 */
  timeoutMs?: number;
  /** While down, how often the store is pinged to notice it is back. @default 250 */
  probeEveryMs?: number;
}

const isStoreFailure = (err: unknown) => isGatewayError(err) && err.code === 'STORE_UNAVAILABLE';

/**
 * The shared store as the gateway uses it, failing fast while its backend is down. The first
 * operation that fails (or takes longer than `timeoutMs`) marks the store down; from then on
 * every operation throws STORE_UNAVAILABLE at once instead of waiting for the driver's own
 * timeout (3 s for Redis), so callers that can do without the store (a token held in memory,
 * the read cache bypassed) answer within their usual latency. A ping every `probeEveryMs`
 * notices the backend is back and lifts the state: the replica recovers by itself.
 */
export class OutageAwareStore implements SharedStore {
  private downSince: number | null = null;
  private probe: NodeJS.Timeout | undefined;
  private probing = false;

  constructor(
    private readonly inner: SharedStore,
    private readonly opts: OutageOptions,
  ) {}

  /** True while the backend is known to be unreachable. */
  get down(): boolean {
    return this.downSince !== null;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.run(() => this.inner.get<T>(key));
  }

  set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    return this.run(() => this.inner.set(key, value, ttlMs));
  }

  delete(key: string): Promise<void> {
    return this.run(() => this.inner.delete(key));
  }

  /** Not bounded by `timeoutMs` (the work inside may call Zoom), but refused at once while down. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (this.down) throw storeFailure(new Error('the store is down'));
    try {
      return await this.inner.withLock(key, fn);
    } catch (err) {
      // Only the lock's own failures say anything about the store; `fn`'s are passed on as they are.
      if (isStoreFailure(err)) this.markDown(err);
      throw err;
    }
  }

  claim(keys: readonly string[], ttlMs: number): Promise<boolean> {
    return this.run(() => this.inner.claim(keys, ttlMs));
  }

  putPending<T>(set: string, id: string, value: T, ttlMs: number): Promise<void> {
    return this.run(() => this.inner.putPending(set, id, value, ttlMs));
  }

  deletePending(set: string, id: string): Promise<void> {
    return this.run(() => this.inner.deletePending(set, id));
  }

  /** Not bounded by `timeoutMs`: it reads every entry of the set, and a long set is not an outage. */
  listPending<T>(set: string, wanted?: (id: string) => boolean): Promise<Array<{ id: string; value: T }>> {
    return this.run(() => this.inner.listPending<T>(set, wanted), false);
  }

  /** Always asks the backend (bounded), and lifts or sets the down state by its answer. */
  async ping(): Promise<void> {
    try {
      await this.bounded(this.inner.ping());
      this.markUp();
    } catch (err) {
      this.markDown(err);
      throw isStoreFailure(err) ? err : storeFailure(err);
    }
  }

  async close(): Promise<void> {
    this.release();
    await this.inner.close();
  }

  /** Stops watching the backend, leaving it open (a store the gateway does not own). */
  release(): void {
    clearInterval(this.probe);
    this.probe = undefined;
  }

  private async run<T>(op: () => Promise<T>, bounded = true): Promise<T> {
    if (this.down) throw storeFailure(new Error('the store is down'));
    try {
      return await (bounded ? this.bounded(op()) : op());
    } catch (err) {
      if (!isStoreFailure(err)) throw err;
      this.markDown(err);
      throw err;
    }
  }

  private bounded<T>(p: Promise<T>): Promise<T> {
    const ms = this.opts.timeoutMs ?? 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(storeFailure(new Error(`the store did not answer within ${ms} ms`))), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  private markDown(err: unknown): void {
    if (this.down) return;
    this.downSince = Date.now();
    // The message only: a driver's error may carry the store URL, password included.
    const cause = isGatewayError(err) && err.cause instanceof Error ? err.cause.message : undefined;
    this.opts.logger.warn(
      { reason: cause },
      'shared store unreachable: failing store operations at once, serving what this replica holds, until it answers again',
    );
    this.probe = setInterval(() => {
      if (this.probing) return;
      this.probing = true;
      void this.ping()
        .catch(() => undefined)
        .finally(() => (this.probing = false));
    }, this.opts.probeEveryMs ?? 250);
    this.probe.unref();
  }

  private markUp(): void {
    if (!this.down) return;
    const seconds = (Date.now() - this.downSince!) / 1000;
    this.downSince = null;
    clearInterval(this.probe);
    this.probe = undefined;
    this.opts.logger.info({ downSeconds: seconds }, 'shared store answers again');
  }
}
