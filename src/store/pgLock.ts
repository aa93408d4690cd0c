import pg from 'pg';
import type { Logger } from 'pino';
import type { Lock } from './lock.js';
import { DEFAULT_LOCK_TTL_MS, DEFAULT_LOCK_WAIT_MS, lockWaitExceeded, type LockTiming } from './lockWait.js';
import { storeFailure } from './store.js';

/** PostgreSQL's "lock_not_available": lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Cross-replica lock on PostgreSQL session advisory locks. Each holder keeps a dedicated
 * connection for the lock's duration; the session owns the lock, so only its holder can
 * release it, and PostgreSQL releases it when a dead holder's connection goes away.
 */
export class PgLock implements Lock {
  private readonly pool: pg.Pool;
  private readonly waitMs: number;
  /** Seconds between TCP keepalive probes of a holder's connection; see withLock. */
  private readonly probeSeconds: string;

  constructor(
    url: string,
    private readonly namespace: string,
    private readonly logger: Logger,
    timing: LockTiming = {},
  ) {
    this.waitMs = timing.waitMs ?? DEFAULT_LOCK_WAIT_MS;
    this.probeSeconds = String(Math.max(1, Math.round((timing.ttlMs ?? DEFAULT_LOCK_TTL_MS) / 3000)));
    // Only one waiter per key per process (single-flight in front), so a few connections suffice.
    this.pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5000 });
    this.pool.on('error', (err) => logger.warn({ err }, 'PostgreSQL lock connection error'));
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw storeFailure(err);
    }
    // A checked-out client's connection error has no pool listener: without this it would crash the process.
    const onError = (err: Error) => this.logger.warn({ err, key }, 'PostgreSQL lock connection lost; PostgreSQL released the lock');
    client.on('error', onError);
    const done = (destroy?: boolean) => {
      client.off('error', onError);
      client.release(destroy);
    };
    const ids = [this.namespace, key];
    try {
      // lock_timeout bounds the wait server-side; the lock is granted the moment it is free.
      // A killed holder's connection closes at once, but one whose host vanished sends nothing:
      // keepalive probes (idle, then 2 unanswered) end its session, and the lock, after about ttlMs.
      await client.query(
        "SELECT set_config('lock_timeout', $1, false), set_config('tcp_keepalives_idle', $2, false), set_config('tcp_keepalives_interval', $2, false), set_config('tcp_keepalives_count', '2', false)",
        [String(this.waitMs), this.probeSeconds],
      );
      await client.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', ids);
    } catch (err) {
      done(true);
      if ((err as { code?: unknown }).code === LOCK_NOT_AVAILABLE) throw lockWaitExceeded(key, this.waitMs, err);
      throw storeFailure(err);
    }
    try {
      return await fn();
    } finally {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', ids);
        done();
      } catch (err) {
        // Dropping the connection ends the session, which releases the lock too.
        this.logger.warn({ err, key }, 'PostgreSQL lock release failed; dropping its connection');
        done(true);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
