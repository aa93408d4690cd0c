import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { storeKeys } from '../store/keys.js';
import type { SharedStore } from '../store/store.js';
import type { ForgetUser } from '../tokens/forgetUser.js';
import type { UserOAuthSource } from '../tokens/userOAuth.js';
import type { ZoomChangeSink } from '../zoom/changes.js';
import { ACCOUNT_USERS, liveKindOf, type LiveEventKind, type LiveEventSink, type UnsequencedEvent } from '../live/liveEvent.js';
import type { Clock } from '../clock.js';
import { isParticipantEvent, type EventLabel, type ZoomEvent } from '../zoom/events.js';

/** Where a pass reports what went wrong: the process logger, or a request's child of it. */
type EventLog = Pick<Logger, 'warn' | 'error'>;

/**
 * How long a delivery is remembered. NOTE: Zoom retries after 5, 20 and 60 minutes (docs/zoom.md#webhooks),
 * so the last retry comes at most 85 minutes after the first attempt; two hours leaves margin.
 */
const DELIVERY_TTL_MS = 2 * 60 * 60_000;
/** Accepted events not finished this long after their answer are taken over by any replica. */
export const RECOVER_AFTER_MS = 30_000;
/** How often each replica looks for such events. */
const RECOVER_EVERY_MS = 10_000;
/** The store's set of accepted events not yet applied. */
const PENDING_SET = 'webhook';

/** An accepted event as the store keeps it until it is applied; its id starts with its acceptance time. */
interface PendingEvent {
  event: Actionable;
  label: EventLabel;
}

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'failed' | 'recovered';

export interface WebhookReceiverOptions {
  store: SharedStore;
  changes: ZoomChangeSink;
  /** Drops a departed user's ZAKs and grant; the gateway's own user mutations use the same. */
  forgetUser: ForgetUser;
  /** The user OAuth app, whose client id tells its app_deauthorized from another app's; null when none is configured. */
  userOAuth: Pick<UserOAuthSource, 'clientId'> | null;
  observe: (event: EventLabel, outcome: EventOutcome) => void;
  /** Subscribers' events: each meeting event is published once, after its delivery is claimed. */
  live?: LiveEventSink;
  clock?: Clock;
}

type Actionable = Exclude<ZoomEvent, { type: 'url_validation' }>;

/**
 * Applies accepted events after Zoom has its answer: once per delivery across replicas (a claim
 * in the shared store), then reports changes and drops what a departed user leaves behind.
 *
 * Zoom does not send an answered event again, so each is recorded in the store before the
 * answer (`accept`) and deleted once applied. An event whose replica died or failed before
 * that is applied by whichever replica finds it first, RECOVER_AFTER_MS after its acceptance.
 */
export class WebhookReceiver {
  private readonly running = new Set<Promise<void>>();
  private recovery: NodeJS.Timeout | undefined;

  constructor(private readonly opts: WebhookReceiverOptions) {}

  private now(): number {
    return (this.opts.clock ?? Date).now();
  }

  /**
   * Records the event before Zoom is answered; throws (STORE_UNAVAILABLE) when the store cannot
   * keep it, and Zoom, answered an error, delivers it again. Undefined for an event nothing is
   * done for.
   */
  async accept(event: Actionable, label: EventLabel): Promise<string | undefined> {
    if (event.type === 'other' || this.otherAppRemoved(event)) return undefined;
    const acceptedAt = this.now();
    // The time leads the id, so that recovery passes read only the records old enough.
    const id = `${acceptedAt}.${randomUUID()}`;
    await this.opts.store.putPending<PendingEvent>(PENDING_SET, id, { event, label }, DELIVERY_TTL_MS);
    return id;
  }

  /** Starts the work without waiting for it; `drain` waits for all of it. */
  enqueue(event: Actionable, label: EventLabel, deliveryKeys: string[], log: EventLog, pendingId?: string): void {
    const forget = async () => {
      if (!pendingId) return;
      await this.opts.store.deletePending(PENDING_SET, pendingId).catch((err: unknown) => {
        // Applied again later, which changes nothing: every effect can be repeated.
        log.warn({ err, event: label }, 'applied webhook event could not be removed from the store');
      });
    };
    this.track(
      this.apply(event, label, deliveryKeys).then(forget, (err: unknown) => {
        this.opts.observe(label, 'failed');
        log.error({ err, event: label }, 'webhook event could not be applied; it is applied again later');
      }),
    );
  }

  /**
   * Applies the events accepted at least RECOVER_AFTER_MS ago and still recorded: their replica
   * died, or their work failed. One replica takes each (a claim per period). Only the
   * cache and grants are brought up to date: subscribers are not sent an event this late.
   */
  async recover(log: EventLog): Promise<number> {
    let recovered = 0;
    const now = this.now();
    const acceptedAtOf = (id: string) => Number.parseInt(id, 10);
    const overdue = (id: string) => acceptedAtOf(id) <= now - RECOVER_AFTER_MS;
    for (const { id, value } of await this.opts.store.listPending<PendingEvent>(PENDING_SET, overdue)) {
      const { event } = value;
      // Nothing to do since (the configured user OAuth app changed after its acceptance): dropped.
      if (event.type === 'other' || this.otherAppRemoved(event)) {
        await this.opts.store.deletePending(PENDING_SET, id);
        continue;
      }
      // One claim per RECOVER_AFTER_MS since acceptance: a pass that fails, or whose replica
      // stops too, leaves the event to the first pass of the next period, on any replica.
      const period = Math.floor((now - acceptedAtOf(id)) / RECOVER_AFTER_MS);
      if (!(await this.opts.store.claim([storeKeys.webhookRecovery(id, period)], RECOVER_AFTER_MS))) continue;
      const acceptedAt = new Date(acceptedAtOf(id)).toISOString();
      try {
        await this.effects(event, false);
        await this.opts.store.deletePending(PENDING_SET, id);
      } catch (err) {
        // Left recorded: tried again in the next period.
        log.warn({ err, event: value.label, acceptedAt }, 'webhook event could not be applied late; tried again later');
        continue;
      }
      log.warn({ event: value.label, acceptedAt }, 'webhook event applied late: its replica stopped or failed before applying it');
      this.opts.observe(value.label, 'recovered');
      recovered++;
    }
    return recovered;
  }

  /** Looks for events to recover now and every RECOVER_EVERY_MS, until `drain`. */
  startRecovery(log: EventLog): void {
    let passing = false;
    const pass = () => {
      // A pass still waiting on a slow store is not joined by another.
      if (passing) return;
      passing = true;
      const work = this.recover(log).then(
        () => undefined,
        (err: unknown) => log.warn({ err }, 'webhook recovery pass failed; retried later'),
      );
      this.track(work.finally(() => (passing = false)));
    };
    pass();
    this.recovery = setInterval(pass, RECOVER_EVERY_MS).unref();
  }

  async drain(): Promise<void> {
    clearInterval(this.recovery);
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Another app of the account was removed: this gateway holds no grant of it. */
  private otherAppRemoved(event: Actionable): boolean {
    const { userOAuth } = this.opts;
    return event.type === 'deauthorized' && !!event.clientId && !!userOAuth && event.clientId !== userOAuth.clientId;
  }

  private async apply(event: Actionable, label: EventLabel, deliveryKeys: string[]): Promise<void> {
    if (event.type === 'other' || this.otherAppRemoved(event)) return this.opts.observe(label, 'ignored');
    // Its keys together (the event's identity, Zoom's request id): one of two deliveries of an
    // event wins them all, and a delivery matching either key was applied already.
    const claim = { keys: deliveryKeys, ttlMs: DELIVERY_TTL_MS };
    const live = this.opts.live;
    const kind = event.type === 'meeting' ? liveKindOf(event.event) : undefined;
    if (event.type === 'meeting' && kind && live?.publishOnce) {
      // Where the bus can, the claim and the publication are one step, so subscribers wait for
      // one round trip to the store after the answer instead of two. The cache is told first, as
      // it would be for a duplicate too: every effect can be repeated.
      await this.meetingChanged(event);
      return this.opts.observe(label, (await live.publishOnce(this.liveMeetingEvent(event, kind), claim)) ? 'applied' : 'duplicate');
    }
    if (!(await this.opts.store.claim(claim.keys, claim.ttlMs))) return this.opts.observe(label, 'duplicate');
    await this.effects(event, true);
    this.opts.observe(label, 'applied');
  }

  /** Who joins or leaves changes nothing a cached read returns. */
  private async meetingChanged(event: Extract<Actionable, { type: 'meeting' }>): Promise<void> {
    if (isParticipantEvent(event.event)) return;
    await this.opts.changes.changed({ kind: 'meeting', meetingId: event.meetingId, ...(event.hostId ? { hostId: event.hostId } : {}) });
  }

  private liveMeetingEvent(event: Extract<Actionable, { type: 'meeting' }>, kind: LiveEventKind): UnsequencedEvent {
    const { meetingId, hostId, topic, at, participant } = event;
    const webinar = event.event.startsWith('webinar.');
    return {
      meetingId,
      kind,
      occurredAt: event.eventTs ?? this.now(),
      ...(hostId ? { hostId } : {}),
      ...(topic ? { topic } : {}),
      ...(at ? { at } : {}),
      ...(participant ? { participant } : {}),
      ...(webinar ? { webinar } : {}),
    };
  }

  private async effects(event: Exclude<Actionable, { type: 'other' }>, live: boolean): Promise<void> {
    const { changes } = this.opts;
    switch (event.type) {
      case 'meeting': {
        await this.meetingChanged(event);
        const kind = liveKindOf(event.event);
        if (!kind || !this.opts.live || !live) return;
        return this.opts.live.publish(this.liveMeetingEvent(event, kind));
      }
      case 'registrants':
        return changes.changed({ kind: 'registrants', meetingId: event.meetingId });
      case 'user': {
        if (event.gone && event.userId) await this.opts.forgetUser(event.userId);
        const named = { ...(event.userId ? { userId: event.userId } : {}), ...(event.email ? { email: event.email } : {}) };
        // The cache first: a subscriber that reads the user on the event sees the change.
        await changes.changed({ kind: 'user', ...named });
        if (!this.opts.live || !live) return;
        return this.opts.live.publish({
          meetingId: ACCOUNT_USERS,
          kind: 'USER',
          occurredAt: event.eventTs ?? this.now(),
          user: { type: event.event, ...named },
        });
      }
      case 'deauthorized':
        return this.opts.forgetUser(event.userId);
      default:
        return assertNever(event);
    }
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected webhook event: ${JSON.stringify(x)}`);
}
