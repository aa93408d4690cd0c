import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startFakeZoom } from '../../src/sandbox/index.js';
import type { Credential } from '../../src/tokens/credential.js';
import { ZoomHttpClient } from '../../src/zoom/httpClient.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { metric, untilMetric } from '../helpers/metrics.js';
import { USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';

const USERS = '{ users(status: ACTIVE, first: 30) { nodes { id email } totalCount } }';
const MEETING = 'query ($id: ID!) { meeting(id: $id) { id topic hostId } }';
const CREATE = 'mutation { createMeeting(input: { topic: "same" }) { id topic } }';
// Every request is admitted at once: with fewer slots than callers, the rest would wait for the held call.
const ENV = { ...USER_OAUTH_ENV, GRAPHQL_MAX_INFLIGHT: '0' };

const { track, fakes } = stopAfterEach();

describe('identical Zoom GETs in flight are sent once', () => {
  it('200 admin callers asking users(status: ACTIVE, first: 30) at once cause 1 Zoom call, and all get its answer', async () => {
    const h = track(await startHarness({ env: ENV }));
    const callers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => bearer(h.fake, { sub: `dashboard-tab-${i}`, roles: ['admin'] })),
    );
    const hold = h.fake.knobs.hold('users.list');
    const pending = callers.map((headers) => h.gql<{ users: { nodes: Array<{ id: string }>; totalCount: number } }>(USERS, {}, headers));
    await hold.whenWaiting(1);
    // Every other caller has joined the held call before Zoom answers it: a count, not a delay.
    await untilMetric(h.url, 'zgg_zoom_coalesced_total', { route: 'users.list' }, 199);
    expect(hold.waiting()).toBe(1);
    hold.release();
    const results = await Promise.all(pending);

    expect(results.filter((r) => r.errors || r.status !== 200)).toEqual([]);
    expect(h.fake.hits('users.list')).toBe(1);
    const first = JSON.stringify(results[0]!.data);
    expect(results.every((r) => JSON.stringify(r.data) === first)).toBe(true);
    expect(results[0]!.data!.users.nodes.length).toBeGreaterThan(1);
  });

  it('shares an error too: callers of a missing meeting in flight together get one 404 from Zoom, each as null', async () => {
    const h = track(await startHarness({ env: ENV }));
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    const hold = h.fake.knobs.hold('meetings.get');
    const pending = Array.from({ length: 5 }, () => h.gql<{ meeting: unknown }>(MEETING, { id: '99999999999' }, admin));
    await hold.whenWaiting(1);
    await untilMetric(h.url, 'zgg_zoom_coalesced_total', { route: 'meetings.get' }, 4);
    hold.release();
    const results = await Promise.all(pending);
    expect(results.map((r) => [r.errors, r.data?.meeting])).toEqual(Array.from({ length: 5 }, () => [undefined, null]));
    expect(h.fake.hits('meetings.get')).toBe(1);
  });

  it('never across credentials: the same meeting read with the account token and with its host’s own token is 2 Zoom calls', async () => {
    const h = track(await startHarness({ env: ENV }));
    const host = member(h.fake);
    const meeting = h.fake.state.seedMeetings(host.id, 1)[0]!;
    h.fake.knobs.setAuthorizingUser(host.id);
    const asHost = await bearer(h.fake, { sub: 'host-app', zoom_user_id: host.id, roles: ['user'] });
    expect((await installViaBrowser(h, asHost)).status).toBe(200);
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    h.fake.resetCounters();

    const hold = h.fake.knobs.hold('meetings.get');
    const pending = [h.gql(MEETING, { id: String(meeting.id) }, admin), h.gql(MEETING, { id: String(meeting.id) }, asHost)];
    // Both reach Zoom while it holds them: had they been shared, the second would never arrive.
    await hold.whenWaiting(2);
    hold.release();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const tokens = h.fake.requests.filter((r) => r.route === 'meetings.get').map((r) => r.accessToken);
    expect(new Set(tokens).size).toBe(2);
    expect(await metric(h.url, 'zgg_zoom_coalesced_total')).toBe(0);
  });

  it('never for writes: two identical createMeeting mutations at once create two meetings', async () => {
    const h = track(await startHarness({ env: ENV }));
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'], zoom_user_id: member(h.fake).id });
    const hold = h.fake.knobs.hold('meetings.create');
    const pending = [
      h.gql<{ createMeeting: { id: string } }>(CREATE, {}, admin),
      h.gql<{ createMeeting: { id: string } }>(CREATE, {}, admin),
    ];
    await hold.whenWaiting(2);
    hold.release();
    const [a, b] = await Promise.all(pending);
    expect(a!.errors).toBeUndefined();
    expect(b!.errors).toBeUndefined();
    expect(a!.data!.createMeeting.id).not.toBe(b!.data!.createMeeting.id);
    expect(h.fake.hits('meetings.create')).toBe(2);
  });

  it('callers sharing an answer cannot change what the others see: the shared body is frozen', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const issued = await fetch(`${fake.url}/oauth/token?grant_type=account_credentials&account_id=${fake.accountId}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('sandbox-s2s-client:sandbox-s2s-secret').toString('base64')}` },
    });
    const { access_token: accessToken } = (await issued.json()) as { access_token: string };
    const credential: Credential = {
      source: 's2s',
      key: 's2s:test',
      get: async () => ({ accessToken, expiresAt: fake.clock.now() + 3_600_000, obtainedAt: fake.clock.now(), scopes: [] }),
      invalidate: async () => undefined,
    };
    const client = new ZoomHttpClient({ apiUrl: `${fake.url}/v2`, logger: pino({ level: 'silent' }), clock: fake.clock });
    try {
      const hold = fake.knobs.hold('users.list');
      const req = {
        method: 'GET',
        path: '/users',
        query: { status: 'active', page_size: 2 },
        route: 'users.list',
        category: 'medium',
      } as const;
      const pending = [
        client.call<{ users: Array<{ id: string }> }>(req, credential),
        client.call<{ users: Array<{ id: string }> }>(req, credential),
      ];
      await hold.whenWaiting(1);
      hold.release();
      const [a, b] = await Promise.all(pending);
      expect(fake.hits('users.list')).toBe(1);
      expect(a!.body).toBe(b!.body);
      expect(Object.isFrozen(a!.body.users[0])).toBe(true);
      expect(() => {
        a!.body.users[0]!.id = 'changed by one caller';
      }).toThrow(TypeError);
      expect(() => a!.body.users.pop()).toThrow(TypeError);
      expect(b!.body.users).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
