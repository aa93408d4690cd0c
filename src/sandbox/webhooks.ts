import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FakeClock } from './clock.js';

/** An app's event subscription: where Zoom posts, and the secret token it signs with. */
export interface WebhookSubscription {
  clientId: string;
  url: string;
  secretToken: string;
  /** The endpoint answered `endpoint.url_validation` correctly; Zoom delivers only then. */
  validated: boolean;
}

export interface DeliveryAttempt {
  /** Fake-clock ms when the attempt was sent. */
  at: number;
  /** Fake-clock ms when the receiver's status arrived. */
  answeredAt?: number;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  /** `x-zm-request-id`, the same on every attempt (UNCONFIRMED for Zoom; receivers should not rely on it). */
  id: string;
  clientId: string;
  event: string;
  body: string;
  attempts: DeliveryAttempt[];
  state: 'sending' | 'delivered' | 'retrying' | 'failed';
  /** Fake-clock ms of the next attempt while `retrying`. */
  nextAttemptAt?: number;
}

/**
 * NOTE: Zoom retries 3 times, after 5, 20 and 60 minutes, only for a status ≥ 500 or a network
 * error; never for 3xx/4xx (docs/zoom.md#webhooks). Read here as delays after the previous attempt.
 */
export const RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000] as const;
/** NOTE: an endpoint must answer within 3 s (docs/zoom.md#webhooks); later counts as a failed attempt. */
const ANSWER_WITHIN_MS = 3000;
const POLL_MS = 20;

export const zoomSignature = (secret: string, timestamp: string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/**
 * Zoom's event delivery: signed POSTs to each validated subscription, retried on the fake's
 * clock. `retryScale` shortens the schedule (0.001 → 300 ms, 1.2 s, 3.6 s of fake time);
 * `runDue()` attempts what is due at once, e.g. after `clock.advance`.
 */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  retryScale: number;
  private readonly subs = new Map<string, WebhookSubscription>();
  private readonly inflight = new Set<Promise<void>>();
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: FakeClock,
    retryScale = 1,
  ) {
    this.retryScale = retryScale;
  }

  subscriptions(): WebhookSubscription[] {
    return [...this.subs.values()];
  }

  /** Sets (replaces) the app's subscription and validates the endpoint, as saving it in the Marketplace does. */
  async subscribe(clientId: string, url: string, secretToken: string): Promise<WebhookSubscription> {
    const sub: WebhookSubscription = { clientId, url, secretToken, validated: false };
    this.subs.set(clientId, sub);
    await this.validate(sub);
    return sub;
  }

  unsubscribe(clientId: string): void {
    this.subs.delete(clientId);
  }

  /** `endpoint.url_validation`: the endpoint must return the token and its HMAC under the secret. */
  async validate(sub: WebhookSubscription): Promise<boolean> {
    const plainToken = randomBytes(16).toString('base64url');
    const body = JSON.stringify({ payload: { plainToken }, event_ts: this.clock.now(), event: 'endpoint.url_validation' });
    try {
      const res = await this.post(sub, body, randomUUID());
      const answer = (await res.json().catch(() => ({}))) as { plainToken?: unknown; encryptedToken?: unknown };
      const expected = createHmac('sha256', sub.secretToken).update(plainToken).digest('hex');
      sub.validated = (res.status === 200 || res.status === 204) && answer.plainToken === plainToken && answer.encryptedToken === expected;
    } catch {
      sub.validated = false;
    }
    return sub.validated;
  }

  /** An event caused by a change in the fake: to every validated subscription, or only `onlyClientId`'s. */
  emit(event: string, payload: Record<string, unknown>, options: { onlyClientId?: string; eventTs?: boolean } = {}): WebhookDelivery[] {
    const out: WebhookDelivery[] = [];
    for (const sub of this.subs.values()) {
      if (!sub.validated || (options.onlyClientId && sub.clientId !== options.onlyClientId)) continue;
      const envelope = options.eventTs === false ? { event, payload } : { event, event_ts: this.clock.now(), payload };
      const delivery: WebhookDelivery = {
        id: randomUUID(),
        clientId: sub.clientId,
        event,
        body: JSON.stringify(envelope),
        attempts: [],
        state: 'sending',
      };
      this.deliveries.push(delivery);
      this.attempt(delivery);
      out.push(delivery);
    }
    return out;
  }

  /** Attempts every retry whose time (on the fake's clock) has come. */
  runDue(): void {
    const now = this.clock.now();
    for (const d of this.deliveries) {
      if (d.state === 'retrying' && (d.nextAttemptAt ?? Infinity) <= now) {
        d.state = 'sending';
        d.nextAttemptAt = undefined;
        this.attempt(d);
      }
    }
    if (!this.deliveries.some((d) => d.state === 'retrying')) this.stopPolling();
  }

  /** Resolves once no attempt is in flight (scheduled retries may remain). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.stopPolling();
  }

  private attempt(d: WebhookDelivery): void {
    const work = (async () => {
      const sub = this.subs.get(d.clientId);
      const at = this.clock.now();
      if (!sub) {
        d.state = 'failed';
        return;
      }
      try {
        const res = await this.post(sub, d.body, d.id);
        const answeredAt = this.clock.now();
        await res.arrayBuffer().catch(() => undefined);
        d.attempts.push({ at, answeredAt, status: res.status });
        if (res.status >= 500) this.retryLater(d);
        else d.state = res.status < 300 ? 'delivered' : 'failed';
      } catch (err) {
        d.attempts.push({ at, error: (err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message });
        this.retryLater(d);
      }
    })();
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  private retryLater(d: WebhookDelivery): void {
    const delay = RETRY_DELAYS_MS[d.attempts.length - 1];
    if (delay === undefined) {
      d.state = 'failed';
      return;
    }
    d.state = 'retrying';
    d.nextAttemptAt = this.clock.now() + delay * this.retryScale;
    this.poll ??= setInterval(() => this.runDue(), POLL_MS).unref();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  private post(sub: WebhookSubscription, body: string, requestId: string): Promise<Response> {
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    return fetch(sub.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Zoom Marketplace/1.0a',
        'x-zm-request-id': requestId,
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': zoomSignature(sub.secretToken, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
  }
}
