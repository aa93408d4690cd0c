import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { storeUnavailable } from '../errors.js';
import { localClaim, type Claim } from './claim.js';
import type { StoreCipher } from './encryption.js';
import { storeKeys } from './keys.js';
import type { Lock } from './lock.js';
import { localPending, type PendingIndex } from './pending.js';

/**
 * The store replicas share: cached tokens, the read cache, webhook claims and pending records,
 * persisted queries and OAuth states. Keys name what they hold (credential identities, never raw
 * tokens); every value is encrypted at rest.
 */
export interface SharedStore {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlMs` undefined = durable (user refresh tokens). */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Sets the keys if no unexpired claim holds any of them, atomically across every replica
   * sharing the store; true for the one caller that set them all (a caller refused may have set
   * some). A marker only: nothing to read back.
   */
  claim(keys: readonly string[], ttlMs: number): Promise<boolean>;
  /**
   * Keeps `value` (sealed) as an entry of `set` that every replica can list until it is
   * deleted or `ttlMs` passes: work accepted that a crash must not lose.
   */
  putPending<T>(set: string, id: string, value: T, ttlMs: number): Promise<void>;
  deletePending(set: string, id: string): Promise<void>;
  /** The set's entries that still hold a value; only those whose id `wanted` accepts are read. */
  listPending<T>(set: string, wanted?: (id: string) => boolean): Promise<Array<{ id: string; value: T }>>;
  /** Round-trips the backend; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A backend failure, as every caller sees it: STORE_UNAVAILABLE, never a Zoom error. */
export const storeFailure = (err: unknown) => storeUnavailable('The token store cannot be reached; retry later.', err);

/**
 * Keyv-backed store; every value is sealed with the cipher before it leaves the process.
 * Backend failures leave it as STORE_UNAVAILABLE (storeFailure): a token that cannot be read
 * is not treated as missing, since another replica may hold a live grant for it.
 */
export class KeyvSharedStore implements SharedStore {
  private closed = false;
  private lastErrorLogged = 0;

  constructor(
    private readonly keyv: Keyv,
    private readonly cipher: StoreCipher,
    private readonly lock: Lock,
    private readonly logger: Logger,
    /** The backend's atomic set-if-absent; in-process when one process owns the store. */
    private readonly claimer: Claim = localClaim(),
    /** Lists pending entries; in-process when one process owns the store. */
    private readonly pending: PendingIndex = localPending(),
  ) {
    keyv.on('error', (err: unknown) => {
      // An unreachable backend reports once per reconnect attempt; once a few seconds is enough.
      if (Date.now() - this.lastErrorLogged < 5000) return;
      this.lastErrorLogged = Date.now();
      // The message only: a stack on every reconnect says nothing more.
      logger.warn({ reason: err instanceof Error ? err.message || err.name : String(err) }, 'shared store error');
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    let sealed: unknown;
    try {
      sealed = await this.keyv.get(key);
    } catch (err) {
      throw storeFailure(err);
    }
    if (typeof sealed !== 'string') return undefined;
    try {
      return (await this.cipher.open(sealed)) as T;
    } catch (err) {
      this.logger.warn(
        { key, reason: (err as Error).message },
        'stored token cannot be decrypted; treating as missing. If TOKEN_ENCRYPTION_KEY was changed, put the previous key in TOKEN_ENCRYPTION_OLD_KEYS',
      );
      return undefined;
    }
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    if (ttlMs !== undefined && ttlMs <= 0) return this.delete(key);
    const sealed = await this.cipher.seal(value);
    await this.keyv.set(key, sealed, ttlMs).catch((err: unknown) => {
      throw storeFailure(err);
    });
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(key).catch((err: unknown) => {
      throw storeFailure(err);
    });
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.lock.withLock(key, fn);
  }

  async claim(keys: readonly string[], ttlMs: number): Promise<boolean> {
    try {
      return await this.claimer(keys, ttlMs);
    } catch (err) {
      throw storeFailure(err);
    }
  }

  async putPending<T>(set: string, id: string, value: T, ttlMs: number): Promise<void> {
    // The value first: a listed id without a value is taken for a finished entry and dropped.
    // A failure between the two leaves the entry unlisted, and the caller unanswered.
    await this.set(storeKeys.pending(set, id), value, ttlMs);
    await this.pending.add(set, id).catch((err: unknown) => {
      throw storeFailure(err);
    });
  }

  async deletePending(set: string, id: string): Promise<void> {
    await this.delete(storeKeys.pending(set, id));
    await this.pending.remove(set, id).catch((err: unknown) => {
      throw storeFailure(err);
    });
  }

  async listPending<T>(set: string, wanted: (id: string) => boolean = () => true): Promise<Array<{ id: string; value: T }>> {
    const ids = await this.pending.list(set).catch((err: unknown) => {
      throw storeFailure(err);
    });
    const out: Array<{ id: string; value: T }> = [];
    for (const id of ids.filter(wanted)) {
      const value = await this.get<T>(storeKeys.pending(set, id));
      if (value === undefined) await this.pending.remove(set, id).catch(() => undefined);
      else out.push({ id, value });
    }
    return out;
  }

  async ping(): Promise<void> {
    await this.keyv.get('__ping__').catch((err: unknown) => {
      throw storeFailure(err);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lock.close?.();
    // NOTE: @keyv/postgres keeps one module-wide pool; a second close in one process finds it ended.
    await this.keyv.disconnect().catch((err: unknown) => this.logger.debug({ err }, 'shared store already disconnected'));
  }
}
