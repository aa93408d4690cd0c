import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import {
  OLD_WEBHOOK_SECRET,
  WEBHOOK_SECRET,
  deliver,
  meetingEvent,
  metric,
  recordingSink,
  userEvent,
  zoomSignature,
} from '../helpers/webhooks.js';

const { track } = stopAfterEach();
const START = `mutation ($id: ID!) { startMeetingToken(meetingId: $id) { zak hostId } }`;
const REQUESTS = 'zgg_webhook_requests_total';
const EVENTS = 'zgg_webhook_events_total';

async function gateway(secrets = WEBHOOK_SECRET) {
  const sink = recordingSink();
  const h = track(await startHarness({ env: { ZOOM_WEBHOOK_SECRET_TOKEN: secrets }, overrides: { changes: sink } }));
  return { h, sink, now: () => h.fake.clock.now() };
}

const applied = (h: Harness, event: string) => metric(h.url, EVENTS, { event, outcome: 'applied' });

describe('POST /zoom/webhooks', () => {
  it('answers 404 when ZOOM_WEBHOOK_SECRET_TOKEN is unset', async () => {
    const h = track(await startHarness());
    const res = await deliver(h.url, h.fake.clock.now(), meetingEvent('meeting.updated', 81234567890, 'u1', 1));
    expect(res.status).toBe(404);
  });

  it('a signed meeting.updated is answered 200 at once and reported to the sink after the answer', async () => {
    const { h, sink, now } = await gateway();
    const res = await deliver(h.url, now(), meetingEvent('meeting.updated', 81234567890, 'hostA', now(), { topic: 'New' }));
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(sink.changes).toEqual([{ kind: 'meeting', meetingId: '81234567890', hostId: 'hostA' }]), {
      timeout: 10_000,
    });
    expect(await metric(h.url, REQUESTS, { event: 'meeting.updated', outcome: 'accepted' })).toBe(1);
    expect(await applied(h, 'meeting.updated')).toBe(1);
  });

  it('a signed recording.completed reports its meeting as changed (its past instances and recording)', async () => {
    const { h, sink, now } = await gateway();
    const res = await deliver(
      h.url,
      now(),
      meetingEvent('recording.completed', 81234567890, 'hostA', now(), { uuid: 'aDYlohsHRtCd4ii1uC2+hA==' }),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(sink.changes).toEqual([{ kind: 'meeting', meetingId: '81234567890', hostId: 'hostA' }]), {
      timeout: 10_000,
    });
    expect(await applied(h, 'recording.completed')).toBe(1);
  });

  it('answers before the work is done: a sink that has not finished does not hold the answer', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const seen: unknown[] = [];
    const h = track(
      await startHarness({
        env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET },
        overrides: { changes: { changed: async (c) => (seen.push(c), released) } },
      }),
    );
    const now = h.fake.clock.now();
    // Any content type: the signed bytes are what counts.
    const res = await deliver(h.url, now, meetingEvent('meeting.created', 81234567892, 'hostA', now), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    expect(await applied(h, 'meeting.created')).toBe(0);
    release();
    await vi.waitFor(async () => expect(await applied(h, 'meeting.created')).toBe(1), { timeout: 10_000 });
  });

  it('refuses unsigned, mis-signed, stale and future-dated requests with 401; none changes anything', async () => {
    const { h, sink, now } = await gateway();
    const body = meetingEvent('meeting.deleted', 81234567890, 'hostA', now());
    expect((await deliver(h.url, now(), body, { unsigned: true })).status).toBe(401);
    expect((await deliver(h.url, now(), body, { secret: 'not-the-secret-token' })).status).toBe(401);
    const tampered = await deliver(h.url, now(), body, {
      headers: { 'x-zm-signature': zoomSignature(WEBHOOK_SECRET, String(Math.floor(now() / 1000)), body.replace('hostA', 'hostB')) },
    });
    expect(tampered.status).toBe(401);
    expect((await deliver(h.url, now(), body, { headers: { 'x-zm-signature': 'v0=zz' } })).status).toBe(401);
    const stale = await deliver(h.url, now(), body, { at: now() - 6 * 60_000 });
    expect(stale.status).toBe(401);
    expect(stale.json).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await deliver(h.url, now(), body, { at: now() + 6 * 60_000 })).status).toBe(401);
    // Inside the 5-minute window either way.
    expect((await deliver(h.url, now(), body, { at: now() - 4 * 60_000 })).status).toBe(200);
    await vi.waitFor(async () => expect(await applied(h, 'meeting.deleted')).toBe(1), { timeout: 10_000 });
    expect(sink.changes).toHaveLength(1);
    expect(await metric(h.url, REQUESTS, { event: 'unverified', outcome: 'unsigned' })).toBe(1);
    expect(await metric(h.url, REQUESTS, { event: 'unverified', outcome: 'bad_signature' })).toBe(3);
    expect(await metric(h.url, REQUESTS, { event: 'unverified', outcome: 'stale' })).toBe(2);
  });

  it('accepts the old and the new secret token during a rotation, and answers url_validation with the one that verified', async () => {
    const { h, now } = await gateway(`${WEBHOOK_SECRET},${OLD_WEBHOOK_SECRET}`);
    const body = JSON.stringify({ payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' }, event_ts: now(), event: 'endpoint.url_validation' });
    for (const secret of [WEBHOOK_SECRET, OLD_WEBHOOK_SECRET]) {
      const res = await deliver(h.url, now(), body, { secret });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
        encryptedToken: createHmac('sha256', secret).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
      });
    }
    expect((await deliver(h.url, now(), body, { secret: 'a-third-secret-token-xyz' })).status).toBe(401);
    expect(await metric(h.url, REQUESTS, { event: 'endpoint.url_validation', outcome: 'validated' })).toBe(2);
  });

  it('never answers an unsigned url_validation (it would sign anything the caller chose)', async () => {
    const { h, now } = await gateway();
    const plainToken = `v0:${Math.floor(now() / 1000)}:{"event":"app_deauthorized"}`;
    const res = await deliver(h.url, now(), JSON.stringify({ payload: { plainToken }, event: 'endpoint.url_validation' }), {
      unsigned: true,
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('encryptedToken');
  });

  it('verifies the raw bytes received: whitespace, escapes and non-ASCII text a JSON re-serialisation would change', async () => {
    const { h, sink, now } = await gateway();
    const raw = `{ "event" : "meeting.updated",\n\t"event_ts": ${now()},  "payload": {"account_id":"fakeAccount1","object":{"id":81234567891,"host_id":"hostZ","topic":"Zoë \\u00e9 — 会議 🎉"}} }\n`;
    expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
    expect((await deliver(h.url, now(), Buffer.from(raw, 'utf8'))).status).toBe(200);
    await vi.waitFor(() => expect(sink.changes).toEqual([{ kind: 'meeting', meetingId: '81234567891', hostId: 'hostZ' }]), {
      timeout: 10_000,
    });
    // A signature over the re-serialised JSON is not Zoom's signature of these bytes.
    const ts = String(Math.floor(now() / 1000));
    const reserialised = await deliver(h.url, now(), raw, {
      headers: { 'x-zm-request-timestamp': ts, 'x-zm-signature': zoomSignature(WEBHOOK_SECRET, ts, JSON.stringify(JSON.parse(raw))) },
    });
    expect(reserialised.status).toBe(401);
  });

  it('refuses oversized (413) and malformed (400) bodies, counted, with nothing applied', async () => {
    const { h, sink, now } = await gateway();
    const big = meetingEvent('meeting.updated', 81234567890, 'hostA', now(), { agenda: 'x'.repeat(300 * 1024) });
    const tooLarge = await deliver(h.url, now(), big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect((await deliver(h.url, now(), '{"event": "meeting.updated", ')).status).toBe(400);
    expect(
      (await deliver(h.url, now(), JSON.stringify({ event: 'meeting.updated', event_ts: now(), payload: { object: { topic: 'no id' } } })))
        .status,
    ).toBe(400);
    expect((await deliver(h.url, now(), JSON.stringify({ event: 'app_deauthorized', payload: {} }))).status).toBe(400);
    expect((await deliver(h.url, now(), '[]')).status).toBe(400);
    expect(await metric(h.url, REQUESTS, { event: 'unverified', outcome: 'too_large' })).toBe(1);
    expect(await metric(h.url, REQUESTS, { event: 'meeting.updated', outcome: 'malformed' })).toBe(1);
    expect(await metric(h.url, REQUESTS, { event: 'other', outcome: 'malformed' })).toBe(2);
    expect(sink.changes).toEqual([]);
  });

  it('applies a retried delivery once: same x-zm-request-id, or same event, event_ts and object', async () => {
    const { h, sink, now } = await gateway();
    const body = userEvent('user.updated', { id: 'userR', email: 'r@example.com' }, now());
    expect((await deliver(h.url, now(), body, { requestId: 'req-1' })).status).toBe(200);
    // Zoom's retry: a new timestamp (so a new signature), the same event.
    expect((await deliver(h.url, now() + 1000, body, { requestId: 'req-2' })).status).toBe(200);
    const other = userEvent('user.updated', { id: 'userR', email: 'r@example.com' }, now() + 5);
    expect((await deliver(h.url, now(), other, { requestId: 'req-1' })).status).toBe(200);
    await vi.waitFor(async () => expect(await metric(h.url, EVENTS, { event: 'user.updated', outcome: 'duplicate' })).toBe(2), {
      timeout: 10_000,
    });
    expect(await applied(h, 'user.updated')).toBe(1);
    expect(sink.changes).toEqual([{ kind: 'user', userId: 'userR', email: 'r@example.com' }]);
  });

  it('acknowledges unknown events with 200 and counts them as other, bounded', async () => {
    const { h, sink, now } = await gateway();
    for (const event of ['webinar.sharing_started', 'meeting.sharing_started', `x.${'y'.repeat(40)}`]) {
      expect((await deliver(h.url, now(), JSON.stringify({ event, event_ts: now(), payload: { object: { id: 1 } } }))).status).toBe(200);
    }
    await vi.waitFor(async () => expect(await metric(h.url, EVENTS, { event: 'other', outcome: 'ignored' })).toBe(3), { timeout: 10_000 });
    expect(await metric(h.url, REQUESTS, { event: 'other', outcome: 'accepted' })).toBe(3);
    expect(await (await fetch(`${h.url}/metrics`)).text()).not.toContain('webinar.sharing_started');
    expect(sink.changes).toEqual([]);
  });

  it('user.deactivated drops the cached ZAK of that user (the next start fetches a new one) and reports the user', async () => {
    const { h, sink, now } = await gateway();
    const host = h.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    const meeting = h.fake.state.addMeeting(host.id);
    const first = await h.gql<{ startMeetingToken: { zak: string } }>(START, { id: String(meeting.id) });
    expect(first.errors).toBeUndefined();
    expect((await h.gql<{ startMeetingToken: { zak: string } }>(START, { id: String(meeting.id) })).data?.startMeetingToken.zak).toBe(
      first.data!.startMeetingToken.zak,
    );
    expect(h.fake.hits('users.token')).toBe(1);

    expect((await deliver(h.url, now(), userEvent('user.deactivated', host, now()))).status).toBe(200);
    await vi.waitFor(async () => expect(await applied(h, 'user.deactivated')).toBe(1), { timeout: 10_000 });
    expect(sink.changes).toEqual([{ kind: 'user', userId: host.id, email: host.email }]);
    const again = await h.gql<{ startMeetingToken: { zak: string } }>(START, { id: String(meeting.id) });
    expect(again.errors).toBeUndefined();
    expect(h.fake.hits('users.token')).toBe(2);
    expect(again.data!.startMeetingToken.zak).not.toBe(first.data!.startMeetingToken.zak);
  });
});
