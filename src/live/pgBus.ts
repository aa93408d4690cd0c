import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import { decodeSequenced, SEQUENCE_TTL_MS, type LiveBus } from './bus.js';
import type { LiveEvent, UnsequencedEvent } from './liveEvent.js';

/** NOTE: PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (its documentation, NOTIFY). */
const MAX_NOTIFY_BYTES = 7900;
const RECONNECT_MS = 1000;
/** Rows of meetings idle past SEQUENCE_TTL_MS are deleted at most this often per process. */
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * PostgreSQL: an upserted counter row per meeting for the sequence, `pg_notify` on one channel
 * per namespace, and a dedicated connection that `LISTEN`s (re-established when it drops). A
 * meeting's sequence starts again from 1 after SEQUENCE_TTL_MS without an event, as Redis's
 * counters expire, and such rows are deleted.
 */
export class PgBus implements LiveBus {
  private readonly pool: pg.Pool;
  private readonly listeners: Array<(event: LiveEvent) => void> = [];
  private readonly channel: string;
  private listener: pg.Client | undefined;
  private closed = false;
  private tableReady: Promise<unknown> | undefined;
  private readonly listening: Promise<void>;
  private lastPrune = 0;

  constructor(
    private readonly url: string,
    private readonly namespace: string,
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    // A channel is an identifier of at most 63 bytes: derived from the namespace, not made of it.
    this.channel = `zgg_live_${createHash('sha256').update(namespace).digest('hex').slice(0, 24)}`;
    // A publish that cannot finish fails (and is logged) rather than holding its webhook's work.
    this.pool = new pg.Pool({
      connectionString: url,
      max: 4,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5000,
      statement_timeout: 5000,
      query_timeout: 6000,
    });
    this.pool.on('error', (err) => logger.warn({ err }, 'live events: PostgreSQL connection error'));
    this.listening = this.listen();
  }

  /** Resolves once this replica receives what is published (tests, the benchmark). */
  subscribed(): Promise<void> {
    return this.listening;
  }

  private async listen(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
      try {
        await client.connect();
        client.on('notification', (n) => {
          const event = n.payload ? decodeSequenced(n.payload, this.logger) : null;
          if (event) for (const l of this.listeners) l(event);
        });
        client.on('error', (err) => {
          this.logger.warn({ err }, 'live events: PostgreSQL LISTEN connection lost; reconnecting');
          void client.end().catch(() => undefined);
          if (!this.closed) setTimeout(() => void this.listen(), RECONNECT_MS).unref();
        });
        await client.query(`LISTEN "${this.channel}"`);
        this.listener = client;
        return;
      } catch (err) {
        await client.end().catch(() => undefined);
        this.logger.warn({ err }, 'live events: cannot LISTEN on PostgreSQL; retrying');
        await new Promise((r) => setTimeout(r, RECONNECT_MS).unref());
      }
    }
  }

  async publish(event: UnsequencedEvent): Promise<void> {
    this.tableReady ??= this.ensureTable().catch((err: unknown) => {
      this.tableReady = undefined;
      throw err;
    });
    await this.tableReady;
    const now = this.clock.now();
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      await this.pool.query('DELETE FROM gateway_live_sequences WHERE touched_at <= $1', [now - SEQUENCE_TTL_MS]).catch((err: unknown) => {
        this.logger.warn({ err }, 'live events: idle meeting sequences could not be deleted; retried later');
      });
    }
    let payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) {
      // Only a participant's free-text fields can be this long: shortened rather than lost.
      const participant = event.participant ? { ...event.participant, name: event.participant.name.slice(0, 256) } : undefined;
      const { topic: _topic, ...rest } = event;
      payload = JSON.stringify({ ...rest, ...(participant ? { participant } : {}) });
    }
    // One statement, one transaction: the meeting's row stays locked until the commit that
    // delivers the notification, so notifications of a meeting go out in sequence order.
    await this.pool.query(
      `WITH next AS (
         INSERT INTO gateway_live_sequences (key, seq, touched_at) VALUES ($1, 1, $4)
         ON CONFLICT (key) DO UPDATE SET
           seq = CASE WHEN gateway_live_sequences.touched_at <= $4 - $5 THEN 1 ELSE gateway_live_sequences.seq + 1 END,
           touched_at = $4
         RETURNING seq
       )
       SELECT pg_notify($2, next.seq::text || ' ' || $3) FROM next`,
      [`${this.namespace}:${event.meetingId}`, this.channel, payload, now, SEQUENCE_TTL_MS],
    );
  }

  /**
   * `touched_at` is the epoch ms of the meeting's last event. A table from before that column
   * gains it once (rows then count from that moment); ALTER TABLE takes an exclusive lock even
   * when the column exists, so it runs only when the column is missing.
   */
  private async ensureTable(): Promise<void> {
    const touched = 'touched_at bigint NOT NULL DEFAULT (extract(epoch from now()) * 1000)::bigint';
    await this.pool.query(`CREATE TABLE IF NOT EXISTS gateway_live_sequences (key text PRIMARY KEY, seq bigint NOT NULL, ${touched})`);
    const { rowCount } = await this.pool.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'gateway_live_sequences' AND column_name = 'touched_at' AND table_schema = current_schema()",
    );
    if (!rowCount) await this.pool.query(`ALTER TABLE gateway_live_sequences ADD COLUMN IF NOT EXISTS ${touched}`);
  }

  onEvent(listener: (event: LiveEvent) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
