import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import {
  MEETING_EVENTS,
  MY_MEETING_EVENTS,
  connect,
  fakeLive,
  rawSocket,
  record,
  subscribeFakeWebhooks,
  type TestClient,
} from '../helpers/subscriptions.js';
import { WEBHOOK_SECRET, deliver, meetingEvent, metric } from '../helpers/webhooks.js';

const JWT_SECRET = 'caller-jwt-secret-0123456789-0123456789';
const WAIT = { timeout: 10_000 };

interface Event {
  meetingId: string;
  kind: string;
  sequence: number;
  hostId: string | null;
  participant: {
    name: string;
    userId: string | null;
    participantId: string | null;
    joinTime: string | null;
    leaveTime: string | null;
  } | null;
}

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let aliceMeeting: ZoomMeeting;
let bobMeeting: ZoomMeeting;
const clients: TestClient[] = [];

async function token(claims: Record<string, unknown>, expiresInSeconds = 3600): Promise<string> {
  const now = Math.floor(h.fake.clock.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

const asAlice = async (exp?: number) => ({
  authorization: `Bearer ${await token({ sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] }, exp)}`,
});
const asAdmin = async () => ({ authorization: `Bearer ${await token({ sub: 'ops', roles: ['admin'] })}` });

function open(params: Record<string, unknown>): TestClient {
  const c = connect(h.url, params);
  clients.push(c);
  return c;
}

async function start(env: Record<string, string> = {}) {
  h = await startHarness({
    env: { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET, ...env },
  });
  [alice, bob] = h.fake.state.users.filter((u) => u.status === 'active' && u.role_id === '2') as [ZoomUser, ZoomUser];
  aliceMeeting = h.fake.state.seedMeetings(alice.id, 1)[0]!;
  bobMeeting = h.fake.state.seedMeetings(bob.id, 1)[0]!;
  await subscribeFakeWebhooks(h.fake.url, h.url, WEBHOOK_SECRET);
}

/** Subscriptions are registered once the server has run their subscribe function. */
const subscribed = (field: string, n: number) =>
  vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_subscriptions', { field })).toBe(n), WAIT);

/** An unlabelled sample of /metrics. */
async function gauge(name: string): Promise<number> {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ').pop()) : NaN;
}

afterEach(async () => {
  for (const c of clients.splice(0)) await c.client.dispose();
  await h?.stop();
});

describe('subscriptions: events', () => {
  beforeEach(() => start());

  it("a host follows its meeting's lifecycle in order; the admin sees every meeting; nobody sees another host's meeting", async () => {
    const a = open(await asAlice());
    const admin = open(await asAdmin());
    const mine = record<Event>(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    const hosted = record<Event>(a.client, MY_MEETING_EVENTS);
    const all = record<Event>(admin.client, MY_MEETING_EVENTS, { hostId: bob.id });
    await subscribed('meetingEvents', 1);
    await subscribed('myMeetingEvents', 2);

    await fakeLive(h.fake.url, aliceMeeting.id, 'start');
    const guest = await fakeLive(h.fake.url, aliceMeeting.id, 'join', { name: 'Guest One' });
    await fakeLive(h.fake.url, aliceMeeting.id, 'join', { user: bob.id });
    await fakeLive(h.fake.url, aliceMeeting.id, 'leave', String(guest.userId));
    await fakeLive(h.fake.url, aliceMeeting.id, 'end');
    await fakeLive(h.fake.url, bobMeeting.id, 'start');

    await vi.waitFor(() => expect(mine.events).toHaveLength(5), WAIT);
    expect(mine.events.map((e) => [e.kind, e.sequence])).toEqual([
      ['STARTED', 1],
      ['PARTICIPANT_JOINED', 2],
      ['PARTICIPANT_JOINED', 3],
      ['PARTICIPANT_LEFT', 4],
      ['ENDED', 5],
    ]);
    expect(mine.events[1]!.participant).toMatchObject({ name: 'Guest One', userId: null, participantId: guest.userId });
    expect(mine.events[2]!.participant).toMatchObject({ userId: bob.id });
    expect(mine.events[3]!.participant?.leaveTime).toMatch(/Z$/);
    expect(mine.events.every((e) => e.meetingId === String(aliceMeeting.id) && e.hostId === alice.id)).toBe(true);
    await vi.waitFor(() => expect(hosted.events).toHaveLength(5), WAIT);
    // Bob's meeting reaches the admin following Bob, not Alice.
    await vi.waitFor(
      () => expect(all.events.map((e) => [e.meetingId, e.kind, e.sequence])).toEqual([[String(bobMeeting.id), 'STARTED', 1]]),
      WAIT,
    );
    expect(hosted.events.some((e) => e.meetingId === String(bobMeeting.id))).toBe(false);
    expect(await metric(h.url, 'zgg_live_events_delivered_total', { field: 'meetingEvents' })).toBe(5);
  });

  it("a user-role caller cannot subscribe to another host's meeting, nor to another host's events; the connection stays usable", async () => {
    const a = open(await asAlice());
    const other = record(a.client, MEETING_EVENTS, { id: String(bobMeeting.id) });
    const otherHost = record(a.client, MY_MEETING_EVENTS, { hostId: bob.id });
    await vi.waitFor(() => expect(other.errors).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(otherHost.errors).toHaveLength(1), WAIT);
    expect(other.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(otherHost.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const missing = record(a.client, MEETING_EVENTS, { id: '99999999999' });
    await vi.waitFor(() => expect(missing.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } }), WAIT);
    const bad = record(a.client, MEETING_EVENTS, { id: 'x' });
    await vi.waitFor(() => expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } }), WAIT);
    const mine = record<Event>(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    await subscribed('meetingEvents', 1);
    await fakeLive(h.fake.url, bobMeeting.id, 'start');
    await fakeLive(h.fake.url, aliceMeeting.id, 'start');
    await vi.waitFor(() => expect(mine.events.map((e) => e.kind)).toEqual(['STARTED']), WAIT);
  });

  it('a replayed webhook (same request, and a retry with a new request id) is delivered once; the next event follows in sequence', async () => {
    const a = open(await asAdmin());
    const got = record<Event>(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    await subscribed('meetingEvents', 1);
    const now = h.fake.clock.now();
    const started = meetingEvent('meeting.started', aliceMeeting.id, alice.id, now, { uuid: aliceMeeting.uuid, topic: 'T' });
    expect((await deliver(h.url, now, started, { requestId: 'req-1' })).status).toBe(200);
    expect((await deliver(h.url, now, started, { requestId: 'req-1' })).status).toBe(200);
    expect((await deliver(h.url, now, started, { requestId: 'req-2' })).status).toBe(200);
    await vi.waitFor(
      async () => expect(await metric(h.url, 'zgg_webhook_events_total', { event: 'meeting.started', outcome: 'duplicate' })).toBe(2),
      WAIT,
    );
    const ended = meetingEvent('meeting.ended', aliceMeeting.id, alice.id, now + 1000, { uuid: aliceMeeting.uuid });
    expect((await deliver(h.url, now, ended)).status).toBe(200);
    await vi.waitFor(() => expect(got.events).toHaveLength(2), WAIT);
    expect(got.events.map((e) => [e.kind, e.sequence])).toEqual([
      ['STARTED', 1],
      ['ENDED', 2],
    ]);
  });

  it('once a meeting has another host, its events no longer reach the old host', async () => {
    const a = open(await asAlice());
    const admin = open(await asAdmin());
    const old = record<Event>(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    const oldHosted = record<Event>(a.client, MY_MEETING_EVENTS);
    const watcher = record<Event>(admin.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    await subscribed('meetingEvents', 2);
    await subscribed('myMeetingEvents', 1);
    const now = h.fake.clock.now();
    await deliver(h.url, now, meetingEvent('meeting.updated', aliceMeeting.id, alice.id, now, { topic: 'Renamed' }));
    await deliver(h.url, now, meetingEvent('meeting.updated', aliceMeeting.id, bob.id, now + 1));
    // No host named: the replica's last word on the host (Bob) decides.
    await deliver(h.url, now, meetingEvent('meeting.updated', aliceMeeting.id, undefined, now + 2, { topic: 'Again' }));
    await deliver(h.url, now, meetingEvent('meeting.started', aliceMeeting.id, bob.id, now + 3));
    await vi.waitFor(() => expect(watcher.events).toHaveLength(4), WAIT);
    expect(old.events.map((e) => e.sequence)).toEqual([1]);
    expect(oldHosted.events.map((e) => e.sequence)).toEqual([1]);
  });
});

describe('subscriptions: connections', () => {
  beforeEach(() =>
    start({
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2',
      WS_MAX_CONNECTIONS_PER_CALLER: '2',
      WS_MAX_MESSAGE_BYTES: '2048',
      WS_CONNECTION_INIT_TIMEOUT_MS: '300',
    }),
  );

  it('refuses a connection_init without a credential, or with a bad one, with 4403', async () => {
    expect(await open({}).closed).toMatchObject({ code: 4403 });
    expect(await open({ authorization: 'Bearer not-a-jwt' }).closed).toMatchObject({
      code: 4403,
      reason: expect.stringContaining('well-formed'),
    });
    const wrongKey = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-0123456789-0123456789'));
    expect(await open({ authorization: `Bearer ${wrongKey}` }).closed).toMatchObject({ code: 4403 });
    expect(await metric(h.url, 'zgg_ws_closed_total', { reason: 'unauthenticated' })).toBe(3);
  });

  it('closes a connection that never sends connection_init with 4408', async () => {
    const raw = await rawSocket(h.url);
    expect(await raw.closed).toMatchObject({ code: 4408 });
  });

  it("closes a JWT caller's connection with 4401 once the token expires (on the gateway's clock)", async () => {
    const a = open(await asAlice(120));
    await a.connected;
    const sub = record<Event>(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    await subscribed('meetingEvents', 1);
    h.fake.clock.advance(121_000);
    expect(await a.closed).toMatchObject({ code: 4401 });
    expect(sub.events).toEqual([]);
    await subscribed('meetingEvents', 0);
  });

  it('limits subscriptions per connection and connections per caller', async () => {
    const creds = await asAlice();
    const a = open(creds);
    const one = record(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    const two = record(a.client, MY_MEETING_EVENTS);
    await subscribed('meetingEvents', 1);
    await subscribed('myMeetingEvents', 1);
    const three = record(a.client, MY_MEETING_EVENTS);
    await vi.waitFor(
      () => expect(three.errors[0]).toMatchObject({ extensions: { limit: 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', max: 2 } }),
      WAIT,
    );
    expect(one.errors).toEqual([]);
    expect(two.errors).toEqual([]);
    // A finished subscription frees its place.
    one.stop();
    await subscribed('meetingEvents', 0);
    const four = record(a.client, MEETING_EVENTS, { id: String(aliceMeeting.id) });
    await subscribed('meetingEvents', 1);
    expect(four.errors).toEqual([]);

    const b = open(creds);
    await b.connected;
    const c = open(creds);
    expect(await c.closed).toMatchObject({ code: 1008, reason: expect.stringContaining('WS_MAX_CONNECTIONS_PER_CALLER') });
    // Another caller is not counted against Alice.
    await open(await asAdmin()).connected;
    expect(await gauge('zgg_ws_connections')).toBe(3);
  });

  it('closes on malformed messages (4400) and oversized ones (1009); queries and mutations are refused over WebSocket', async () => {
    const creds = await asAlice();
    const init = async () => {
      const raw = await rawSocket(h.url);
      raw.ws.send(JSON.stringify({ type: 'connection_init', payload: creds }));
      await vi.waitFor(() => expect(raw.messages).toContainEqual({ type: 'connection_ack' }), WAIT);
      return raw;
    };
    const garbage = await init();
    garbage.ws.send('{not json');
    expect(await garbage.closed).toMatchObject({ code: 4400 });
    const unknown = await init();
    unknown.ws.send(JSON.stringify({ type: 'subscribe', id: 1, payload: {} }));
    expect(await unknown.closed).toMatchObject({ code: 4400 });
    const big = await init();
    big.ws.send(
      JSON.stringify({ type: 'subscribe', id: 'x', payload: { query: `subscription { myMeetingEvents { kind } } # ${'a'.repeat(4000)}` } }),
    );
    expect(await big.closed).toMatchObject({ code: 1009 });

    const query = await init();
    query.ws.send(JSON.stringify({ type: 'subscribe', id: 'q', payload: { query: '{ __typename }' } }));
    query.ws.send(JSON.stringify({ type: 'subscribe', id: 'bad', payload: { query: 'subscription { nope }' } }));
    await vi.waitFor(() => expect(query.messages.filter((m) => (m as { type: string }).type === 'error')).toHaveLength(2), WAIT);
    expect(query.messages).toContainEqual({
      type: 'error',
      id: 'q',
      payload: [
        expect.objectContaining({ message: expect.stringContaining('Only subscriptions'), extensions: { code: 'BAD_USER_INPUT' } }),
      ],
    });
    expect(query.messages).toContainEqual({
      type: 'error',
      id: 'bad',
      payload: [expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })],
    });
    // Subscribing before connection_init is refused by the protocol (4401).
    const early = await rawSocket(h.url);
    early.ws.send(JSON.stringify({ type: 'subscribe', id: 'e', payload: { query: 'subscription { myMeetingEvents { kind } }' } }));
    expect(await early.closed).toMatchObject({ code: 4401 });
  });
});

describe('subscriptions: shutdown', () => {
  beforeEach(() => start());

  it('keeps sockets open while an HTTP request drains, then closes them with 1001', async () => {
    const a = open(await asAdmin());
    record(a.client, MY_MEETING_EVENTS, { hostId: alice.id });
    await subscribed('myMeetingEvents', 1);
    const knobs = (body: Record<string, unknown>) =>
      fetch(`${h.fake.url}/__fake/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await knobs({ hold: 'users.list' });
    const inFlight = fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asAdmin()) },
      body: JSON.stringify({ query: '{ users(first: 2) { nodes { id } } }' }),
    });
    await vi.waitFor(() => expect(h.fake.requests.some((r) => r.route === 'users.list')).toBe(true), WAIT);
    let closedAt = 0;
    void a.closed.then(() => (closedAt = performance.now()));
    const stopping = h.app.stop();
    // Draining: the request is held by Zoom, and the subscriber still connected.
    await new Promise((r) => setTimeout(r, 300));
    expect(closedAt).toBe(0);
    const releasedAt = performance.now();
    await knobs({ release: 'users.list' });
    expect((await inFlight).status).toBe(200);
    await stopping;
    expect(await a.closed).toMatchObject({ code: 1001 });
    expect(closedAt).toBeGreaterThan(releasedAt);
  });
});

describe('subscriptions: slow consumers', () => {
  beforeEach(() => start({ WS_MAX_BUFFERED_BYTES: '65536', WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '50', WS_MAX_MESSAGE_BYTES: '65536' }));

  it('closes a client that stops reading with 1013 once its unsent bytes pass WS_MAX_BUFFERED_BYTES', async () => {
    const raw = await rawSocket(h.url);
    raw.ws.send(JSON.stringify({ type: 'connection_init', payload: await asAdmin() }));
    await vi.waitFor(() => expect(raw.messages).toContainEqual({ type: 'connection_ack' }), WAIT);
    for (let i = 0; i < 50; i++) {
      raw.ws.send(
        JSON.stringify({ type: 'subscribe', id: `s${i}`, payload: { query: MEETING_EVENTS, variables: { id: String(aliceMeeting.id) } } }),
      );
    }
    await subscribed('meetingEvents', 50);
    // The client reads nothing more: what the server sends piles up in the socket buffers.
    (raw.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const now = h.fake.clock.now();
    // Each event is sent 50 times; a long topic (Zoom allows 200 characters; a forged size here)
    // fills the kernel's buffers in a few events.
    const topic = 't'.repeat(60_000);
    for (let i = 0; i < 200; i++) {
      await deliver(h.url, now, meetingEvent('meeting.updated', aliceMeeting.id, alice.id, now + i, { topic }));
      if ((await metric(h.url, 'zgg_ws_closed_total', { reason: 'slow_consumer' })) > 0) break;
    }
    await vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_closed_total', { reason: 'slow_consumer' })).toBe(1), WAIT);
    (raw.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await raw.closed).toMatchObject({ code: 1013, reason: expect.stringContaining('slow consumer') });
  });
});
