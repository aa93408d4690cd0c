import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { DATABASE_URL, REDIS_URL, postgresReachable, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { s2sEnv } from '../helpers/gateway.js';
import { startReplica, type Replica } from '../helpers/replicas.js';
import { MEETING_EVENTS, connect, record, type TestClient } from '../helpers/subscriptions.js';
import { WEBHOOK_SECRET, deliver, meetingEvent, metric, userEvent } from '../helpers/webhooks.js';

interface Event {
  meetingId: string;
  kind: string;
  sequence: number;
}

const WAIT = { timeout: 20_000 };
const BACKENDS = [
  { name: 'Redis pub/sub', url: REDIS_URL, reachable: redisReachable },
  { name: 'PostgreSQL LISTEN/NOTIFY', url: DATABASE_URL, reachable: postgresReachable },
];

describe.each(BACKENDS)('subscriptions across three replicas on $name', ({ url, reachable }) => {
  let fake: FakeZoom;
  const group: Replica[] = [];
  const clients: TestClient[] = [];
  let available = false;

  beforeAll(async () => {
    available = await reachable();
    if (!available) return;
    fake = await startFakeZoom({ rateLimits: false });
    const env = {
      ...s2sEnv(fake),
      CACHE_URL: url,
      CACHE_NAMESPACE: uniqueNamespace('live'),
      ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
      LOG_LEVEL: 'info',
    };
    // One after another: three processes compiling at once on a loaded machine start slowly.
    for (let i = 0; i < 3; i++) group.push(await startReplica(env, 120_000));
  }, 400_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) await c.client.dispose();
    await Promise.all(group.splice(0).map((r) => r.stop()));
    await fake?.close();
  }, 60_000);

  it('a webhook received by any replica reaches the subscribers of every replica once, in sequence, despite retries to other replicas', async (ctx) => {
    if (!available) return ctx.skip();
    const urls = group.map((r) => r.url);
    const meeting = fake.state.meetings[0]!;
    const other = fake.state.meetings.find((m) => m.id !== meeting.id)!;
    // Two subscribers per replica on the meeting, one on another meeting.
    const subs = urls.flatMap((u) => {
      const c = connect(u, {});
      clients.push(c);
      return [
        record<Event>(c.client, MEETING_EVENTS, { id: String(meeting.id) }),
        record<Event>(c.client, MEETING_EVENTS, { id: String(meeting.id) }),
      ];
    });
    const elsewhere = urls.map((u) => {
      const c = connect(u, {});
      clients.push(c);
      return record<Event>(c.client, MEETING_EVENTS, { id: String(other.id) });
    });
    for (const u of urls)
      await vi.waitFor(async () => expect(await metric(u, 'zgg_ws_subscriptions', { field: 'meetingEvents' })).toBe(3), WAIT);

    const now = fake.clock.now();
    const kinds = ['meeting.started', 'meeting.participant_joined', 'meeting.participant_left', 'meeting.updated', 'meeting.ended'];
    const participant = {
      participant: {
        user_name: 'Guest',
        user_id: '16778240',
        id: '',
        join_time: '2026-01-01T00:00:00Z',
        leave_time: '2026-01-01T00:05:00Z',
      },
    };
    for (const [i, kind] of kinds.entries()) {
      const body = meetingEvent(kind, meeting.id, meeting.host_id, now + i, kind.includes('participant') ? participant : { topic: 'T' });
      // Zoom's first attempt to one replica; its retries (same request id, then a new one) to the others.
      expect((await deliver(urls[i % 3]!, now, body, { requestId: `live-${i}` })).status).toBe(200);
      expect((await deliver(urls[(i + 1) % 3]!, now, body, { requestId: `live-${i}` })).status).toBe(200);
      expect((await deliver(urls[(i + 2) % 3]!, now, body, { requestId: `live-${i}-retry` })).status).toBe(200);
    }
    await vi
      .waitFor(() => expect(subs.map((s) => s.events.length)).toEqual(subs.map(() => kinds.length)), WAIT)
      .catch((err: unknown) => {
        console.log(JSON.stringify(subs.map((s) => [s.events, s.errors])));
        for (const r of group) console.log(r.logs.filter((l) => /"level":(40|50)/.test(l)).join('\n'));
        throw err;
      });
    // Nothing late: a duplicate would arrive right behind the originals.
    await new Promise((r) => setTimeout(r, 500));
    // Events are numbered as they are published (each after its webhook's answer, so not
    // necessarily in the order sent): every subscriber sees the same numbering, 1 to 5, in order.
    const numbering = subs[0]!.events.map((e) => [e.sequence, e.kind]);
    expect(numbering.map(([n]) => n)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(numbering.map(([, k]) => k))).toEqual(
      new Set(['STARTED', 'PARTICIPANT_JOINED', 'PARTICIPANT_LEFT', 'UPDATED', 'ENDED']),
    );
    for (const s of subs) expect(s.events.map((e) => [e.sequence, e.kind])).toEqual(numbering);
    expect(elsewhere.every((s) => s.events.length === 0)).toBe(true);
    let duplicates = 0;
    for (const u of urls) duplicates += await metric(u, 'zgg_webhook_events_total', { event: 'meeting.started', outcome: 'duplicate' });
    expect(duplicates).toBe(2);
  }, 90_000);

  it('account user events reach the admin subscribers of every replica once, in one sequence, despite retries to other replicas', async (ctx) => {
    if (!available) return ctx.skip();
    const urls = group.map((r) => r.url);
    const subs = urls.map((u) => {
      const c = connect(u, {});
      clients.push(c);
      return record<{ type: string; userId: string; sequence: number }>(
        c.client,
        'subscription { accountUserEvents { type userId sequence } }',
      );
    });
    for (const u of urls)
      await vi.waitFor(async () => expect(await metric(u, 'zgg_ws_subscriptions', { field: 'accountUserEvents' })).toBe(1), WAIT);
    const [a, b] = fake.state.users.filter((x) => x.role_id === '2' && x.status === 'active');
    const now = fake.clock.now();
    const sent: Array<[string, { id: string; email: string }]> = [
      ['user.updated', a!],
      ['user.settings_updated', a!],
      ['user.deactivated', b!],
      ['user.activated', b!],
    ];
    for (const [i, [event, who]] of sent.entries()) {
      const body = userEvent(event, who, now + i);
      expect((await deliver(urls[i % 3]!, now, body, { requestId: `user-${i}` })).status).toBe(200);
      expect((await deliver(urls[(i + 1) % 3]!, now, body, { requestId: `user-${i}-retry` })).status).toBe(200);
    }
    await vi.waitFor(() => expect(subs.map((s) => s.events.length)).toEqual(subs.map(() => sent.length)), WAIT);
    await new Promise((r) => setTimeout(r, 500));
    const numbering = subs[0]!.events.map((e) => [e.sequence, e.type, e.userId]);
    expect(numbering.map(([n]) => n)).toEqual([1, 2, 3, 4]);
    expect(new Set(numbering.map(([, t, id]) => `${t} ${id}`))).toEqual(new Set(sent.map(([t, u]) => `${t} ${u.id}`)));
    for (const s of subs) expect(s.events.map((e) => [e.sequence, e.type, e.userId])).toEqual(numbering);
  }, 90_000);
});
