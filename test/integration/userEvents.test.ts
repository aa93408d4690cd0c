import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_CREDENTIALS, startFakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { connect, record, subscribeFakeWebhooks, type TestClient } from '../helpers/subscriptions.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';
import { WEBHOOK_SECRET, deliver, metric, userEvent } from '../helpers/webhooks.js';

const redisUp = await redisReachable();
const { track, fakes } = stopAfterEach();
const dirs: string[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.client.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const WAIT = { timeout: 10_000 };
const JWT_ENV = { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, GATEWAY_JWT_ISSUER: JWT_ISSUER, GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE };
const ACCOUNT_USER_EVENTS = 'subscription { accountUserEvents { type userId email occurredAt sequence user { id status firstName } } }';
const STATUS = 'mutation ($id: ID!, $action: UserStatusAction!) { setUserStatus(id: $id, action: $action) { id status } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id firstName } }';
const SETTINGS = 'mutation ($id: ID!, $input: UserSettingsInput!) { updateUserSettings(id: $id, input: $input) { inMeeting { polling } } }';
const ASSIGN = 'mutation ($roleId: ID!, $userIds: [ID!]!) { assignRole(roleId: $roleId, userIds: $userIds) }';
const READ = `query ($id: ID!) {
  user(id: $id) { id firstName status roleId settings { inMeeting { polling } } }
  users(status: ACTIVE, first: 300) { nodes { id } }
  roles { id totalMembers }
}`;

type Event = {
  type: string;
  userId: string | null;
  email: string | null;
  sequence: number;
  user: { id: string; status: string; firstName: string } | null;
};
type Read = {
  user: { id: string; firstName: string; status: string; roleId: string; settings: { inMeeting: { polling: boolean } } };
  users: { nodes: Array<{ id: string }> };
  roles: Array<{ id: string; totalMembers: number }>;
};

const sqliteUrl = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zgg-users-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'shared.sqlite')}`;
};

describe('accountUserEvents', () => {
  it('an admin receives every user event in order, with the user as Zoom now has it; a user-role caller is refused', async () => {
    const h = track(await startHarness({ env: { ...JWT_ENV, ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    await subscribeFakeWebhooks(h.fake.url, h.url, WEBHOOK_SECRET);
    const asAdmin = await bearer(h.fake, { sub: 'console', roles: ['admin'] });
    const alice = member(h.fake, 0);
    const asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
    const admin = connect(h.url, asAdmin);
    const user = connect(h.url, asAlice);
    clients.push(admin, user);
    const seen = record<Event>(admin.client, ACCOUNT_USER_EVENTS);
    const refused = record<Event>(user.client, ACCOUNT_USER_EVENTS);
    await vi.waitFor(() => expect(refused.errors.length).toBeGreaterThan(0), WAIT);
    expect(JSON.stringify(refused.errors)).toContain('FORBIDDEN');
    await vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_subscriptions', { field: 'accountUserEvents' })).toBe(1), WAIT);

    const bob = member(h.fake, 1);
    expect((await h.gql(STATUS, { id: bob.id, action: 'DEACTIVATE' }, asAdmin)).errors).toBeUndefined();
    await h.fake.webhooks.idle();
    expect((await h.gql(UPDATE, { id: alice.id, input: { firstName: 'Alicia' } }, asAlice)).errors).toBeUndefined();
    await h.fake.webhooks.idle();
    expect((await h.gql(SETTINGS, { id: alice.id, input: { inMeeting: { polling: true } } }, asAlice)).errors).toBeUndefined();
    await h.fake.webhooks.idle();
    await vi.waitFor(() => expect(seen.events).toHaveLength(3), WAIT);
    expect(seen.events.map((e) => [e.sequence, e.type, e.userId])).toEqual([
      [1, 'user.deactivated', bob.id],
      [2, 'user.updated', alice.id],
      [3, 'user.settings_updated', alice.id],
    ]);
    expect(seen.events[0]!.user).toMatchObject({ id: bob.id, status: 'INACTIVE' });
    expect(seen.events[1]!.user).toMatchObject({ id: alice.id, firstName: 'Alicia' });
    expect(refused.events).toEqual([]);
  });

  it('one event delivered twice (a retry) reaches subscribers once', async () => {
    const h = track(await startHarness({ env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    const c = connect(h.url, {});
    clients.push(c);
    const seen = record<Event>(c.client, 'subscription { accountUserEvents { type userId sequence } }');
    await vi.waitFor(async () => expect(await metric(h.url, 'zgg_ws_subscriptions', { field: 'accountUserEvents' })).toBe(1), WAIT);
    const bob = member(h.fake, 1);
    const now = h.fake.clock.now();
    const body = userEvent('user.created', bob, now);
    expect((await deliver(h.url, now, body, { requestId: 'one' })).status).toBe(200);
    expect((await deliver(h.url, now, body, { requestId: 'one-retry' })).status).toBe(200);
    expect((await deliver(h.url, now, userEvent('user.deleted', bob, now + 1))).status).toBe(200);
    await vi.waitFor(() => expect(seen.events).toHaveLength(2), WAIT);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.events.map((e) => [e.sequence, e.type])).toEqual([
      [1, 'user.created'],
      [2, 'user.deleted'],
    ]);
  });
});

describe.each([
  { name: 'a SQLite file', url: sqliteUrl, reachable: true },
  { name: 'Redis', url: () => REDIS_URL, reachable: redisUp },
])('two replicas sharing $name, read cache on', ({ name, url, reachable }) => {
  it.skipIf(!reachable)('a write on A is read on B at once: profile, status, settings, role', { timeout: 60_000 }, async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = { CACHE_URL: url(), CACHE_NAMESPACE: uniqueNamespace(`users-${name.replace(/\W+/g, '')}`), ZOOM_CACHE_TTL_SECONDS: '600' };
    const a = track(await startHarness({ fake, env }));
    const b = track(await startHarness({ fake, env }));
    const target = member(fake, 2);
    const helpDesk = fake.state.roles.find((r) => r.name === 'Help desk')!;
    const read = async (h: Harness) => (await h.gql<Read>(READ, { id: target.id })).data!;
    const before = await read(b);
    expect(before.user.status).toBe('ACTIVE');
    fake.resetCounters();
    expect(await read(b)).toEqual(before);
    expect(fake.hits()).toBe(0); // cached on B

    expect((await a.gql(UPDATE, { id: target.id, input: { firstName: 'Changed' } })).errors).toBeUndefined();
    expect(
      (await a.gql(SETTINGS, { id: target.id, input: { inMeeting: { polling: !before.user.settings.inMeeting.polling } } })).errors,
    ).toBeUndefined();
    expect((await a.gql(ASSIGN, { roleId: helpDesk.id, userIds: [target.id] })).errors).toBeUndefined();
    const afterWrites = await read(b);
    expect(afterWrites.user).toMatchObject({
      firstName: 'Changed',
      roleId: helpDesk.id,
      settings: { inMeeting: { polling: !before.user.settings.inMeeting.polling } },
    });
    const count = (r: Read) => r.roles.find((x) => x.id === helpDesk.id)!.totalMembers;
    expect(count(afterWrites)).toBe(count(before) + 1);

    expect((await a.gql(STATUS, { id: target.id, action: 'DEACTIVATE' })).errors).toBeUndefined();
    const deactivated = await read(b);
    expect(deactivated.user.status).toBe('INACTIVE');
    expect(deactivated.users.nodes.map((n) => n.id)).not.toContain(target.id);
  });

  it.skipIf(!reachable)(
    "an out-of-band settings change reaches B's cached settings through user.settings_updated",
    { timeout: 60_000 },
    async () => {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = {
        CACHE_URL: url(),
        CACHE_NAMESPACE: uniqueNamespace(`userhook-${name.replace(/\W+/g, '')}`),
        ZOOM_CACHE_TTL_SECONDS: '600',
        ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
      };
      const a = track(await startHarness({ fake, env }));
      const b = track(await startHarness({ fake, env }));
      await fake.webhooks.subscribe(SANDBOX_CREDENTIALS.oauth.clientId, `${a.url}/zoom/webhooks`, WEBHOOK_SECRET);
      const target = member(fake, 2);
      const polling = async () => (await b.gql<Read>(READ, { id: target.id })).data!.user.settings.inMeeting.polling;
      const was = await polling();
      // Changed in Zoom's web portal: only the webhook can tell the cache.
      fake.state.settingsOf(target).in_meeting.polling = !was;
      expect(await polling()).toBe(was);
      expect((await deliver(a.url, fake.clock.now(), userEvent('user.settings_updated', target, fake.clock.now()))).status).toBe(200);
      await vi.waitFor(
        async () => expect(await metric(a.url, 'zgg_webhook_events_total', { event: 'user.settings_updated', outcome: 'applied' })).toBe(1),
        WAIT,
      );
      expect(await polling()).toBe(!was);
    },
  );
});
