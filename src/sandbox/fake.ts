import type { Server } from 'node:http';
import type { FakeClock } from './clock.js';
import type { FakeContext } from './context.js';
import type { FakeKnobs } from './knobs.js';
import type { RateLimiter } from './rateLimit.js';
import type { RecordedRequest } from './recorder.js';
import type { RouteName } from './routes.js';
import type { FakePortal } from './portal.js';
import type { FakeZoomState } from './state.js';
import type { WebhookDispatcher } from './webhooks.js';

export interface FakeZoom {
  /** e.g. `http://127.0.0.1:41234`: OAuth at `${url}/oauth/…`, REST at `${url}/v2/…`; also `api_url`. */
  readonly url: string;
  /** The seeded account (the first S2S app's accountId, else `fakeAccount1`). */
  readonly accountId: string;
  readonly clock: FakeClock;
  readonly state: FakeZoomState;
  /** Every request, in arrival order (admin ones included, with route `admin`). */
  readonly requests: RecordedRequest[];
  /** Requests that reached `route`; without one, all except admin requests. */
  hits(route?: RouteName): number;
  /** `/oauth/token` requests, optionally only those with this `grant_type`. */
  tokenRequests(grantType?: string): number;
  resetCounters(): void;
  knobs: FakeKnobs;
  /** Per-account limiter; `consumeDaily` lets tests reach a daily limit quickly. */
  readonly rateLimiter: RateLimiter;
  /** Event subscriptions per app, signed deliveries and their retries. */
  readonly webhooks: WebhookDispatcher;
  /** Out-of-band changes, as made in Zoom's web portal; each causes its webhook event. */
  readonly portal: FakePortal;
  /** Idempotent; closes keep-alive sockets too. */
  close(): Promise<void>;
}

export class RunningFakeZoom implements FakeZoom {
  readonly url: string;
  readonly accountId: string;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly server: Server,
    private readonly ctx: FakeContext,
  ) {
    this.url = ctx.state.baseUrl;
    this.accountId = ctx.state.accountId;
  }

  get clock(): FakeClock {
    return this.ctx.clock;
  }

  get state(): FakeZoomState {
    return this.ctx.state;
  }

  get requests(): RecordedRequest[] {
    return this.ctx.recorder.requests;
  }

  get knobs(): FakeKnobs {
    return this.ctx.knobs;
  }

  get rateLimiter(): RateLimiter {
    return this.ctx.rateLimiter;
  }

  get webhooks(): WebhookDispatcher {
    return this.ctx.webhooks;
  }

  get portal(): FakePortal {
    return this.ctx.portal;
  }

  hits(route?: RouteName): number {
    return this.ctx.recorder.hits(route);
  }

  tokenRequests(grantType?: string): number {
    return this.ctx.recorder.tokenRequests(grantType);
  }

  resetCounters(): void {
    this.ctx.recorder.reset();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.ctx.stopped = true;
      this.ctx.webhooks.close();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }
}
