import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_CREDENTIALS, startFakeZoom } from '../../src/sandbox/index.js';
import { s2sEnv, startHarness, stopAfterEach } from '../helpers/gateway.js';
import { startReplicas, type Replicas } from '../helpers/replicas.js';
import { NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';
import { WEBHOOK_SECRET, deliver, metric, recordingSink, userEvent } from '../helpers/webhooks.js';

const { track, fakes } = stopAfterEach();
const groups: Replicas[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(groups.splice(0).map((g) => g.stopAll()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sqliteUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zgg-webhooks-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'shared.sqlite')}`;
}

const EVENTS = 'zgg_webhook_events_total';
const WEBHOOK_ENV = { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET };
const START = `mutation ($id: ID!) { startMeetingToken(meetingId: $id) { zak } }`;

describe('webhooks end to end', () => {
  it('an out-of-band change in the fake Zoom reaches the gateway as a signed delivery and is reported as a change', async () => {
    const sink = recordingSink();
    const h = track(await startHarness({ env: WEBHOOK_ENV, overrides: { changes: sink } }));
    const sub = await h.fake.webhooks.subscribe(SANDBOX_CREDENTIALS.oauth.clientId, `${h.url}/zoom/webhooks`, WEBHOOK_SECRET);
    expect(sub.validated).toBe(true); // the gateway answered endpoint.url_validation

    const meeting = h.fake.state.meetings[0]!;
    h.fake.portal.updateMeeting(meeting.id, { topic: 'Moved in the web portal' });
    const user = member(h.fake);
    h.fake.portal.setUserStatus(user.id, 'inactive');
    await h.fake.webhooks.idle();
    expect(h.fake.webhooks.deliveries.map((d) => [d.event, d.state, d.attempts[0]?.status])).toEqual([
      ['meeting.updated', 'delivered', 200],
      ['user.deactivated', 'delivered', 200],
    ]);
    await vi.waitFor(() => expect(sink.changes).toHaveLength(2), { timeout: 10_000 });
    expect(sink.changes).toEqual(
      expect.arrayContaining([
        { kind: 'meeting', meetingId: String(meeting.id), hostId: meeting.host_id },
        { kind: 'user', userId: user.id, email: user.email },
      ]),
    );
  });

  it('app_deauthorized received by one replica makes the next me and startMeetingToken on another answer ZOOM_AUTHORIZATION_REQUIRED, without calling Zoom', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = { ...USER_OAUTH_ENV, ...NO_S2S, ...WEBHOOK_ENV, CACHE_URL: sqliteUrl() };
    const [a, b] = [track(await startHarness({ fake, env })), track(await startHarness({ fake, env }))];
    const user = member(fake);
    fake.knobs.setAuthorizingUser(user.id);
    const headers = await bearer(fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
    expect((await installViaBrowser(a, headers)).status).toBe(200);
    const meeting = fake.state.addMeeting(user.id);
    // B now holds the user's access token in its own memory.
    expect((await b.gql<{ me: { id: string } }>('{ me { id } }', undefined, headers)).data?.me.id).toBe(user.id);
    expect((await b.gql(START, { id: String(meeting.id) }, headers)).errors).toBeUndefined();

    await fake.webhooks.subscribe(SANDBOX_CREDENTIALS.oauth.clientId, `${a.url}/zoom/webhooks`, WEBHOOK_SECRET);
    fake.portal.removeApp(user.id, SANDBOX_CREDENTIALS.oauth.clientId);
    await fake.webhooks.idle();
    await vi.waitFor(async () => expect(await metric(a.url, EVENTS, { event: 'app_deauthorized', outcome: 'applied' })).toBe(1), {
      timeout: 10_000,
    });

    fake.resetCounters();
    const me = await b.gql('{ me { id } }', undefined, headers);
    expect(me.errors?.[0]?.extensions).toMatchObject({
      code: 'ZOOM_AUTHORIZATION_REQUIRED',
      installUrl: expect.stringContaining('/oauth/install'),
    });
    const start = await b.gql(START, { id: String(meeting.id) }, headers);
    expect(start.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_AUTHORIZATION_REQUIRED', installUrl: expect.any(String) });
    // Decided from the shared store: B did not first try its stale token on Zoom.
    expect(fake.hits()).toBe(0);
    expect(fake.tokenRequests()).toBe(0);
  });

  it('user.deactivated received by one replica drops the ZAK another replica had cached', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = { ...WEBHOOK_ENV, CACHE_URL: sqliteUrl() };
    const [a, b] = [track(await startHarness({ fake, env })), track(await startHarness({ fake, env }))];
    const host = member(fake);
    const meeting = fake.state.addMeeting(host.id);
    const zakOf = async () =>
      (await b.gql<{ startMeetingToken: { zak: string } }>(START, { id: String(meeting.id) })).data?.startMeetingToken.zak;
    const first = await zakOf();
    expect(await zakOf()).toBe(first);
    expect(fake.hits('users.token')).toBe(1);

    expect((await deliver(a.url, fake.clock.now(), userEvent('user.deactivated', host, fake.clock.now()))).status).toBe(200);
    await vi.waitFor(async () => expect(await metric(a.url, EVENTS, { event: 'user.deactivated', outcome: 'applied' })).toBe(1), {
      timeout: 10_000,
    });
    const next = await zakOf();
    expect(next).toBeDefined();
    expect(next).not.toBe(first);
    expect(fake.hits('users.token')).toBe(2);
  });
});

describe('two gateway processes sharing a SQLite store', () => {
  it('a delivery retried to both (same event, other request ids) is applied exactly once', { timeout: 120_000 }, async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const group = await startReplicas(2, { ...s2sEnv(fake), ...WEBHOOK_ENV, CACHE_URL: sqliteUrl(), LOG_LEVEL: 'info' });
    groups.push(group);
    const urls = group.replicas.map((r) => r.url);
    const rounds = 5;
    for (let i = 0; i < rounds; i++) {
      const now = Date.now();
      const body = userEvent('user.updated', { id: `user${i}`, email: `user${i}@example.com` }, now + i);
      const answers = await Promise.all(urls.map((url, n) => deliver(url, now, body, { requestId: `round${i}-replica${n}` })));
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
    }
    const total = async (outcome: string) =>
      (await Promise.all(urls.map((u) => metric(u, EVENTS, { event: 'user.updated', outcome })))).reduce((x, y) => x + y, 0);
    await vi.waitFor(async () => expect((await total('applied')) + (await total('duplicate'))).toBe(2 * rounds), { timeout: 20_000 });
    expect(await total('applied')).toBe(rounds);
    expect(await total('duplicate')).toBe(rounds);
  });
});
