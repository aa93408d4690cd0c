import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS } from '../../src/sandbox/index.js';
import { fakeLive } from '../helpers/subscriptions.js';
import { OAUTH_APP, S2S, startFake } from './helpers.js';

const SECRET = 'fake-app-webhook-secret-token';

interface ZoomEventBody {
  event: string;
  event_ts?: number;
  payload: Record<string, unknown> & { object?: Record<string, unknown> };
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook endpoint that answers what `answer` says and records every request. */
async function endpoint(answer: (r: Received) => { status: number; json?: unknown } = validateOr(200)) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const { status, json } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(json === undefined ? '' : JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const events = () => received.map((r) => JSON.parse(r.body) as ZoomEventBody).filter((e) => e.event !== 'endpoint.url_validation');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zoom/webhooks`, received, events };
}

/** Answers url_validation as Zoom requires, every event with `status`. */
function validateOr(status: number) {
  return (r: Received) => {
    const body = JSON.parse(r.body) as { event: string; payload: { plainToken?: string } };
    if (body.event !== 'endpoint.url_validation') return { status };
    const plainToken = body.payload.plainToken!;
    return { status: 200, json: { plainToken, encryptedToken: createHmac('sha256', SECRET).update(plainToken).digest('hex') } };
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const signatureOf = (r: Received) =>
  `v0=${createHmac('sha256', SECRET)
    .update(`v0:${String(r.headers['x-zm-request-timestamp'])}:${r.body}`)
    .digest('hex')}`;

describe('fake Zoom webhooks', () => {
  it('validates the endpoint when a subscription is set, and delivers only to a validated one', async () => {
    const fake = await startFake();
    const good = await endpoint();
    const sub = await fake.webhooks.subscribe(OAUTH_APP.clientId, good.url, SECRET);
    expect(sub.validated).toBe(true);
    const crc = JSON.parse(good.received[0]!.body) as { event: string; payload: { plainToken: string } };
    expect(crc.event).toBe('endpoint.url_validation');
    expect(good.received[0]!.headers['x-zm-signature']).toBe(signatureOf(good.received[0]!));

    const wrong = await endpoint(() => ({ status: 200, json: { plainToken: 'x', encryptedToken: 'y' } }));
    expect((await fake.webhooks.subscribe(S2S.clientId, wrong.url, SECRET)).validated).toBe(false);
    fake.portal.updateMeeting(fake.state.meetings[0]!.id, { topic: 'Renamed in the portal' });
    await fake.webhooks.idle();
    expect(good.events().map((e) => e.event)).toEqual(['meeting.updated']);
    expect(wrong.received).toHaveLength(1); // the validation only
  });

  it('signs each delivery with the secret over the exact body, with Zoom headers, on the fake clock', async () => {
    const fake = await startFake();
    const ep = await endpoint();
    await fake.webhooks.subscribe(OAUTH_APP.clientId, ep.url, SECRET);
    fake.clock.freeze(Date.UTC(2026, 2, 1, 12));
    const user = fake.state.users.find((u) => u.role_id === '2' && u.status === 'active')!;
    fake.portal.setUserStatus(user.id, 'inactive');
    await fake.webhooks.idle();
    const r = ep.received.at(-1)!;
    expect(r.headers['x-zm-signature']).toBe(signatureOf(r));
    expect(r.headers['x-zm-request-timestamp']).toBe(String(Date.UTC(2026, 2, 1, 12) / 1000));
    expect(r.headers['x-zm-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['user-agent']).toBe('Zoom Marketplace/1.0a');
    expect(JSON.parse(r.body)).toEqual({
      event: 'user.deactivated',
      event_ts: Date.UTC(2026, 2, 1, 12),
      payload: {
        account_id: fake.accountId,
        operator: fake.state.owner.email,
        operator_id: fake.state.owner.id,
        object: { id: user.id, first_name: user.first_name, last_name: user.last_name, email: user.email, type: user.type },
      },
    });
  });

  it('records when each attempt was sent and when its answer arrived, on the fake clock', async () => {
    const fake = await startFake();
    // The endpoint takes 1.5 s of the fake's (frozen) time to answer.
    const ep = await endpoint((r) =>
      JSON.parse(r.body).event === 'endpoint.url_validation' ? validateOr(200)(r) : (fake.clock.advance(1500), { status: 200 }),
    );
    await fake.webhooks.subscribe(OAUTH_APP.clientId, ep.url, SECRET);
    fake.clock.freeze(Date.UTC(2026, 2, 1, 12));
    fake.portal.updateUser(fake.state.owner.id, { dept: 'Sales' });
    await fake.webhooks.idle();
    expect(fake.webhooks.deliveries[0]!.attempts).toEqual([
      { at: Date.UTC(2026, 2, 1, 12), answeredAt: Date.UTC(2026, 2, 1, 12) + 1500, status: 200 },
    ]);
  });

  it('REST meeting writes cause meeting.created, meeting.updated (changed fields and old values) and meeting.deleted', async () => {
    const fake = await startFake({ rateLimits: false });
    const ep = await endpoint();
    await fake.webhooks.subscribe(OAUTH_APP.clientId, ep.url, SECRET);
    const token = fake.state.issueS2SToken();
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${fake.url}/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const owner = fake.state.owner;
    const created = (await (await call('POST', `/users/${owner.id}/meetings`, { topic: 'Planning', type: 2, duration: 30 })).json()) as {
      id: number;
    };
    expect((await call('PATCH', `/meetings/${created.id}`, { topic: 'Planning v2' })).status).toBe(204);
    expect((await call('DELETE', `/meetings/${created.id}`)).status).toBe(204);
    await fake.webhooks.idle();
    const [c, u, d] = ep.events();
    expect(c).toMatchObject({
      event: 'meeting.created',
      payload: { object: { id: created.id, host_id: owner.id, topic: 'Planning', type: 2 } },
    });
    expect(u).toMatchObject({
      event: 'meeting.updated',
      payload: { object: { id: created.id, host_id: owner.id, topic: 'Planning v2' }, old_object: { id: created.id, topic: 'Planning' } },
    });
    expect(u!.payload.object).not.toHaveProperty('duration'); // unchanged fields are left out
    expect(typeof u!.payload.time_stamp).toBe('number');
    expect(d).toMatchObject({ event: 'meeting.deleted', payload: { object: { id: created.id, host_id: owner.id } } });
  });

  it('removing the app sends app_deauthorized to that app only, and ends the user grant', async () => {
    const fake = await startFake();
    const oauthEp = await endpoint();
    const s2sEp = await endpoint();
    await fake.webhooks.subscribe(OAUTH_APP.clientId, oauthEp.url, SECRET);
    await fake.webhooks.subscribe(S2S.clientId, s2sEp.url, SECRET);
    const user = fake.state.users.find((u) => u.role_id === '2' && u.status === 'active')!;
    const { refreshToken } = fake.state.issueUserToken(user.id);
    const res = await fetch(`${fake.url}/__fake/portal/users/${user.id}/deauthorize`, {
      method: 'POST',
      body: JSON.stringify({ clientId: OAUTH_APP.clientId }),
    });
    expect(res.status).toBe(200);
    await fake.webhooks.idle();
    expect(fake.state.refreshTokens.get(refreshToken)?.invalidatedAt).toBeDefined();
    const [event] = oauthEp.events();
    expect(event).toMatchObject({
      event: 'app_deauthorized',
      payload: { account_id: fake.accountId, user_id: user.id, client_id: OAUTH_APP.clientId },
    });
    expect(event).not.toHaveProperty('event_ts');
    expect(event!.payload.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(s2sEp.events()).toEqual([]);
  });

  it('retries after 5, 20 and 60 minutes (scaled) on 5xx or no answer, never on 4xx', async () => {
    const fake = await startFake({ webhookRetryScale: 0.001 });
    let status = 503;
    const ep = await endpoint((r) => (JSON.parse(r.body).event === 'endpoint.url_validation' ? validateOr(200)(r) : { status }));
    await fake.webhooks.subscribe(OAUTH_APP.clientId, ep.url, SECRET);
    fake.clock.freeze();
    const start = fake.clock.now();
    fake.portal.updateUser(fake.state.owner.id, { dept: 'Sales' });
    await fake.webhooks.idle();
    const [delivery] = fake.webhooks.deliveries;
    expect(delivery).toMatchObject({ state: 'retrying', nextAttemptAt: start + RETRY_DELAYS_MS[0] * 0.001 });

    // Time is frozen: nothing happens until the fake's clock reaches the retry.
    fake.clock.advance(RETRY_DELAYS_MS[0] * 0.001 - 1);
    fake.webhooks.runDue();
    await fake.webhooks.idle();
    expect(delivery!.attempts).toHaveLength(1);
    for (const delay of RETRY_DELAYS_MS) {
      fake.clock.advance(delay * 0.001 + 1);
      fake.webhooks.runDue();
      await fake.webhooks.idle();
    }
    expect(delivery!.attempts.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(delivery!.state).toBe('failed');
    const bodies = ep.events();
    expect(new Set(ep.received.slice(1).map((r) => r.headers['x-zm-request-id'])).size).toBe(1);
    expect(bodies.every((b) => JSON.stringify(b) === JSON.stringify(bodies[0]))).toBe(true);

    status = 400;
    fake.portal.updateUser(fake.state.owner.id, { dept: 'Support' });
    await fake.webhooks.idle();
    expect(fake.webhooks.deliveries[1]).toMatchObject({ state: 'failed', attempts: [{ status: 400 }] });

    // Unfrozen, the shortened schedule runs by itself: a network error, then success.
    fake.clock.unfreeze();
    status = 200;
    const gone = await endpoint();
    await fake.webhooks.subscribe(OAUTH_APP.clientId, gone.url, SECRET);
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    fake.portal.updateUser(fake.state.owner.id, { dept: 'Legal' });
    await fake.webhooks.idle();
    const third = fake.webhooks.deliveries[2]!;
    expect(third.state).toBe('retrying');
    expect(third.attempts[0]!.error).toBeDefined();
    fake.webhooks.subscriptions()[0]!.url = ep.url;
    await expect.poll(() => third.state, { timeout: 10_000 }).toBe('delivered');
  });

  it('is driven over HTTP too: subscription, portal changes and the delivery log, without secrets', async () => {
    const fake = await startFake();
    const ep = await endpoint();
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${fake.url}/__fake${path}`, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
    const set = (await (await admin('POST', '/webhooks', { url: ep.url, secretToken: SECRET })).json()) as { subscriptions: unknown[] };
    expect(set.subscriptions).toEqual([{ clientId: OAUTH_APP.clientId, url: ep.url, validated: true }]);
    const meeting = fake.state.meetings[0]!;
    expect((await admin('POST', `/portal/meetings/${meeting.id}`, { topic: 'Board review' })).status).toBe(200);
    expect(meeting.topic).toBe('Board review');
    expect((await admin('POST', '/portal/users/nobody', { status: 'inactive' })).status).toBe(400);
    await fake.webhooks.idle();
    const log = await (await admin('GET', '/webhooks')).text();
    expect(log).toContain('meeting.updated');
    expect(log).not.toContain(SECRET);
    expect((await admin('POST', '/webhooks', { url: null })).status).toBe(200);
    expect(fake.webhooks.subscriptions()).toEqual([]);
  });

  it('runs meetings through its admin routes (start, join, leave, end), each sending the event Zoom sends, with its payload shape', async () => {
    const fake = await startFake();
    const ep = await endpoint();
    await fake.webhooks.subscribe(OAUTH_APP.clientId, ep.url, SECRET);
    fake.clock.freeze(Date.UTC(2026, 2, 1, 12));
    const meeting = fake.state.meetings[0]!;
    const member = fake.state.users.find((u) => u.role_id === '2' && u.status === 'active')!;
    await fakeLive(fake.url, meeting.id, 'start');
    expect(meeting.status).toBe('started');
    const guest = await fakeLive(fake.url, meeting.id, 'join', { name: 'Guest One' });
    const user = await fakeLive(fake.url, meeting.id, 'join', { user: member.email });
    await fakeLive(fake.url, meeting.id, 'leave', String(guest.userId));
    await fakeLive(fake.url, meeting.id, 'end');
    expect(meeting.status).toBe('waiting');
    await fake.webhooks.idle();
    const events = ep.events();
    expect(events.map((e) => e.event)).toEqual([
      'meeting.started',
      'meeting.participant_joined',
      'meeting.participant_joined',
      'meeting.participant_left',
      'meeting.ended',
    ]);
    const meetingObject = { uuid: meeting.uuid, id: meeting.id, host_id: meeting.host_id, topic: meeting.topic, type: meeting.type };
    for (const e of events) {
      expect(e.event_ts).toBe(Date.UTC(2026, 2, 1, 12));
      expect(e.payload.account_id).toBe(fake.accountId);
      expect(e.payload.object).toMatchObject(meetingObject);
    }
    expect(events[0]!.payload.object).toMatchObject({ start_time: '2026-03-01T12:00:00Z' });
    expect(events[1]!.payload.object!.participant).toEqual({
      user_id: guest.userId,
      user_name: 'Guest One',
      id: '',
      email: '',
      participant_uuid: guest.participantUuid,
      join_time: '2026-03-01T12:00:00Z',
    });
    expect(events[2]!.payload.object!.participant).toMatchObject({ id: member.id, email: member.email, user_id: user.userId });
    expect(events[3]!.payload.object!.participant).toMatchObject({
      user_id: guest.userId,
      leave_time: '2026-03-01T12:00:00Z',
      leave_reason: 'left the meeting',
    });
    expect(events[4]!.payload.object).toMatchObject({ end_time: '2026-03-01T12:00:00Z' });

    // What a person cannot do in Zoom is refused: joining or ending a meeting that is not running.
    await expect(fakeLive(fake.url, meeting.id, 'join', { name: 'Late' })).rejects.toThrow(/400.*not started/);
    await expect(fakeLive(fake.url, meeting.id, 'end')).rejects.toThrow(/400.*not started/);
    await expect(fakeLive(fake.url, '99999999999', 'start')).rejects.toThrow(/400.*no such meeting/);
  });
});
