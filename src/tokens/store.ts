import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { TokenCipher } from './encryption.js';
import type { Lock } from './lock.js';

/** The small port every token source uses; keys are credential identities, never raw tokens. */
export interface TokenStore {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlMs` undefined = durable (user refresh tokens). */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Round-trips the backend; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Keyv-backed store; every value is sealed with the cipher before it leaves the process. */
export class KeyvTokenStore implements TokenStore {
  private closed = false;

  constructor(
    private readonly keyv: Keyv,
    private readonly cipher: TokenCipher,
    private readonly lock: Lock,
    private readonly logger: Logger,
  ) {
    keyv.on('error', (err: unknown) => logger.warn({ err }, 'token store error'));
  }

  async get<T>(key: string): Promise<T | undefined> {
    let sealed: unknown;
    try {
      sealed = await this.keyv.get(key);
    } catch (err) {
      // NOTE: a store outage degrades to a cache miss; the token endpoint is still single-flighted.
      this.logger.warn({ err, key }, 'token store read failed; treating as missing');
      return undefined;
    }
    if (typeof sealed !== 'string') return undefined;
    try {
      return (await this.cipher.open(sealed)) as T;
    } catch (err) {
      this.logger.warn({ key, reason: (err as Error).message }, 'stored token cannot be decrypted; treating as missing');
      return undefined;
    }
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    if (ttlMs !== undefined && ttlMs <= 0) return this.delete(key);
    await this.keyv.set(key, await this.cipher.seal(value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(key);
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.lock.withLock(key, fn);
  }

  async ping(): Promise<void> {
    await this.keyv.get('__ping__');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lock.close?.();
    // NOTE: @keyv/postgres keeps one module-wide pool; a second close in one process finds it ended.
    await this.keyv.disconnect().catch((err: unknown) => this.logger.debug({ err }, 'token store already disconnected'));
  }
}
