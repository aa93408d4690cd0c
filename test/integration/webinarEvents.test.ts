import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { connect, fakeLive, record, subscribeFakeWebhooks, type TestClient } from '../helpers/subscriptions.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';
import { WEBHOOK_SECRET, deliver, meetingEvent, metric } from '../helpers/webhooks.js';

const redisUp = await redisReachable();
const { track, fakes } = stopAfterEach();
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.client.dispose();
});

const WAIT = { timeout: 10_000 };
const JWT_ENV = { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, GATEWAY_JWT_ISSUER: JWT_ISSUER, GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE };
const WEBINAR_EVENTS = `subscription ($id: ID!) {
  webinarEvents(webinarId: $id) { meetingId kind sequence hostId participant { name } }
}`;
const READ = `query ($id: ID!) { webinar(id: $id) { id topic registrants(status: PENDING) { totalCount } } }`;

type Event = { meetingId: string; kind: string; sequence: number; hostId: string | null; participant: { name: string } | null };

describe('webinarEvents and webinar.* webhooks', () => {
  it("the host receives its webinar's events in order; another user is refused", async () => {
    const h = track(await startHarness({ env: { ...JWT_ENV, ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    await subscribeFakeWebhooks(h.fake.url, h.url, WEBHOOK_SECRET);
    const alice = member(h.fake, 0);
    const bob = member(h.fake, 1);
    const webinar = h.fake.state.addWebinar(alice.id, {}, { topic: 'Alice live' });
    const host = connect(h.url, await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] }));
    const other = connect(h.url, await bearer(h.fake, { sub: 'bob-app', zoom_user_id: bob.id, roles: ['user'] }));
    clients.push(host, other);
    const seen = record<Event>(host.client, WEBINAR_EVENTS, { id: String(webinar.id) });
    const refused = record<Event>(other.client, WEBINAR_EVENTS, { id: String(webinar.id) });
    await vi.waitFor(() => expect(refused.errors.length).toBeGreaterThan(0), WAIT);
    expect(JSON.stringify(refused.errors)).toContain('FORBIDDEN');
    await vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_subscriptions', { field: 'webinarEvents' })).toBe(1), WAIT);

    await fakeLive(h.fake.url, webinar.id, 'start');
    const joined = await fakeLive(h.fake.url, webinar.id, 'join', { name: 'Attendee' });
    await fakeLive(h.fake.url, webinar.id, 'leave', String(joined.userId));
    await fakeLive(h.fake.url, webinar.id, 'end');
    await h.fake.webhooks.idle();
    await vi.waitFor(() => expect(seen.events).toHaveLength(4), WAIT);
    expect(seen.events.map((e) => [e.sequence, e.kind, e.meetingId, e.hostId])).toEqual([
      [1, 'STARTED', String(webinar.id), alice.id],
      [2, 'PARTICIPANT_JOINED', String(webinar.id), alice.id],
      [3, 'PARTICIPANT_LEFT', String(webinar.id), alice.id],
      [4, 'ENDED', String(webinar.id), alice.id],
    ]);
    expect(seen.events[1]!.participant).toEqual({ name: 'Attendee' });
    expect(await metric(h.url, 'zgg_webhook_events_total', { event: 'webinar.started', outcome: 'applied' })).toBe(1);
    expect(refused.events).toEqual([]);
  });

  it("a webinar's events reach webinarEvents only, never meetingEvents or myMeetingEvents", async () => {
    const h = track(await startHarness({ env: { ...JWT_ENV, ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    await subscribeFakeWebhooks(h.fake.url, h.url, WEBHOOK_SECRET);
    const alice = member(h.fake, 0);
    const webinar = h.fake.state.addWebinar(alice.id, {}, { topic: 'Alice live' });
    const meeting = h.fake.state.addMeeting(alice.id, {}, { topic: 'Alice meets' });
    const admin = connect(h.url, await bearer(h.fake, { sub: 'ops', roles: ['admin'] }));
    const host = connect(h.url, await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] }));
    clients.push(admin, host);
    const webinars = record<Event>(admin.client, WEBINAR_EVENTS, { id: String(webinar.id) });
    // An admin may name any number: the webinar's, asked for as a meeting, hears nothing.
    const asMeeting = record<Event>(admin.client, 'subscription ($id: ID!) { meetingEvents(meetingId: $id) { meetingId kind sequence } }', {
      id: String(webinar.id),
    });
    const mine = record<Event>(host.client, 'subscription { myMeetingEvents { meetingId kind sequence } }', {});
    await vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_subscriptions', { field: 'myMeetingEvents' })).toBe(1), WAIT);
    await vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_subscriptions', { field: 'meetingEvents' })).toBe(1), WAIT);

    await fakeLive(h.fake.url, webinar.id, 'start');
    await fakeLive(h.fake.url, webinar.id, 'end');
    // Then a meeting of the same host: the first event myMeetingEvents delivers is the meeting's.
    await fakeLive(h.fake.url, meeting.id, 'start');
    await h.fake.webhooks.idle();
    await vi.waitFor(() => expect(mine.events).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(webinars.events).toHaveLength(2), WAIT);
    expect(mine.events.map((e) => [e.meetingId, e.kind])).toEqual([[String(meeting.id), 'STARTED']]);
    expect(webinars.events.map((e) => e.kind)).toEqual(['STARTED', 'ENDED']);
    expect(asMeeting.events).toEqual([]);
  });

  it('webinar.updated and webinar.registration_* keep the read cache fresh', async () => {
    const h = track(await startHarness({ env: { ZOOM_CACHE_TTL_SECONDS: '600', ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    const webinar = h.fake.state.webinars.find((w) => w.topic === 'Product launch')!;
    const id = String(webinar.id);
    const read = async () => (await h.gql<{ webinar: { topic: string; registrants: { totalCount: number } } }>(READ, { id })).data!.webinar;
    const before = await read();
    h.fake.resetCounters();
    expect(await read()).toEqual(before);
    expect(h.fake.hits()).toBe(0);
    // Changed in Zoom's portal: only the webhooks can tell the cache.
    webinar.topic = 'Renamed in the portal';
    h.fake.state.registrants.find((r) => r.meeting_id === webinar.id && r.status === 'pending')!.status = 'approved';
    expect((await read()).topic).toBe(before.topic);
    const now = h.fake.clock.now();
    expect(
      (await deliver(h.url, now, meetingEvent('webinar.updated', webinar.id, webinar.host_id, now, { topic: webinar.topic }))).status,
    ).toBe(200);
    expect((await read()).topic).toBe('Renamed in the portal');
    expect((await deliver(h.url, now, meetingEvent('webinar.registration_approved', webinar.id, undefined, now + 1))).status).toBe(200);
    expect((await read()).registrants.totalCount).toBe(before.registrants.totalCount - 1);
  });

  it.skipIf(!redisUp)(
    'two replicas sharing Redis: a webinar event delivered to A and retried to B reaches B’s subscriber once, in order',
    { timeout: 60_000 },
    async () => {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = { CACHE_URL: REDIS_URL, CACHE_NAMESPACE: uniqueNamespace('webinar-live'), ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET };
      const a = track(await startHarness({ fake, env }));
      const b = track(await startHarness({ fake, env }));
      const webinar = fake.state.webinars[0]!;
      const c = connect(b.url, {});
      clients.push(c);
      const seen = record<Event>(c.client, WEBINAR_EVENTS, { id: String(webinar.id) });
      await vi.waitFor(async () => expect(await metric(b.url, 'zgg_ws_subscriptions', { field: 'webinarEvents' })).toBe(1), WAIT);
      const now = fake.clock.now();
      const names = ['webinar.started', 'webinar.updated', 'webinar.ended'];
      for (const [i, name] of names.entries()) {
        const body = meetingEvent(name, webinar.id, webinar.host_id, now + i, { topic: 'T' });
        expect((await deliver(a.url, now, body, { requestId: `w-${i}` })).status).toBe(200);
        expect((await deliver(b.url, now, body, { requestId: `w-${i}-retry` })).status).toBe(200);
      }
      await vi.waitFor(() => expect(seen.events).toHaveLength(3), WAIT);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.events.map((e) => [e.sequence, e.kind])).toEqual([
        [1, 'STARTED'],
        [2, 'UPDATED'],
        [3, 'ENDED'],
      ]);
    },
  );
});
