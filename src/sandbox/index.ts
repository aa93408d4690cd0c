import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppRegistry } from './apps.js';
import { FakeClock } from './clock.js';
import type { FakeContext } from './context.js';
import { RunningFakeZoom, type FakeZoom } from './fake.js';
import { Knobs } from './knobs.js';
import { resolveOptions, type FakeZoomOptions } from './options.js';
import { FakeEvents } from './events.js';
import { FakePortal } from './portal.js';
import { RateLimiter } from './rateLimit.js';
import { Recorder } from './recorder.js';
import { seedAccount } from './seedAccount.js';
import { createListener } from './server.js';
import { FakeZoomState } from './state.js';
import { WebhookDispatcher } from './webhooks.js';

export type { FakeZoom } from './fake.js';
export { SANDBOX_CREDENTIALS, SANDBOX_WEBHOOK_SECRET, type FakeZoomOptions } from './options.js';
export { FakeClock } from './clock.js';
export { FakeZoomState } from './state.js';
export type { FakeKnobs, FailRule, DropRule, MalformedRule } from './knobs.js';
export type { HoldHandle } from './hold.js';
export { ROUTE_NAMES, type RouteName } from './routes.js';
export type { RecordedRequest } from './recorder.js';
export type { Plan, RateCategory, RateLimiter } from './rateLimit.js';
export type { S2SApp, OAuthApp, LegacyJwtApp } from './apps.js';
export type { ZoomUser, UserStatus } from './model/user.js';
export type { WebhookDelivery, WebhookSubscription, DeliveryAttempt } from './webhooks.js';
export { RETRY_DELAYS_MS } from './webhooks.js';
export type { FakePortal, MeetingEdit, UserEdit } from './portal.js';
export type { WebhookDispatcher } from './webhooks.js';
export type { ZoomMeeting, MeetingSettings } from './model/meeting.js';
export type { PastInstance, PastParticipant, RecordingFile, CloudRecording } from './model/past.js';
export type { AccessTokenRecord, RefreshTokenRecord, OAuthGrant, ZakRecord } from './model/tokens.js';

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts a fake Zoom (OAuth + REST `/v2`) over real HTTP, seeded with deterministic data. */
export async function startFakeZoom(options: FakeZoomOptions = {}): Promise<FakeZoom> {
  const o = resolveOptions(options);
  const clock = new FakeClock();
  const state = new FakeZoomState({
    accountId: o.accountId,
    clock,
    baseUrl: '',
    seed: o.seed,
    tokenTtlSeconds: o.tokenTtlSeconds,
    defaultClients: { s2s: o.s2sApps[0]?.clientId, oauth: o.oauthApps[0]?.clientId },
  });
  const webhooks = new WebhookDispatcher(clock, o.webhookRetryScale);
  const events = new FakeEvents(state, webhooks);
  const ctx: FakeContext = {
    state,
    clock,
    knobs: new Knobs(state),
    apps: new AppRegistry(o.s2sApps, o.oauthApps, o.legacyJwtApps),
    rateLimiter: new RateLimiter(o.plan, o.rateLimits, clock),
    recorder: new Recorder(),
    webhooks,
    events,
    portal: new FakePortal(state, events),
    logger: o.logger,
    stopped: false,
  };
  const server = createServer(createListener(ctx));
  const address = await listen(server, o.port, o.host);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  state.baseUrl = `http://${host}:${address.port}`;
  seedAccount(state, o.users);
  return new RunningFakeZoom(server, ctx);
}
