import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';

const redisUp = await redisReachable();

const START = 'mutation ($id: ID!) { startMeetingToken(meetingId: $id) { zak } }';
const STATUS = 'mutation ($id: ID!) { setUserStatus(id: $id, action: DEACTIVATE) { id status } }';
const REMOVE = 'mutation ($id: ID!) { deleteUser(id: $id) }';
const INVALIDATE = 'mutation ($userId: ID!) { invalidateZak(userId: $userId) }';
const ME = '{ me { id } }';

const { track, fakes } = stopAfterEach();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sqliteFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zgg-departure-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'gateway.sqlite')}`;
};

const backends = [
  { name: 'a SQLite file', url: sqliteFile, reachable: true },
  { name: 'Redis', url: () => REDIS_URL, reachable: redisUp },
];

/**
 * Two gateways sharing one store in front of one fake Zoom, with user OAuth and no webhook
 * endpoint: nothing Zoom sends can drop what they keep, only the gateway's own mutations.
 */
async function replicas(
  name: string,
  url: () => string,
): Promise<{ fake: FakeZoom; a: Harness; b: Harness; admin: Record<string, string> }> {
  const fake = await startFakeZoom({ rateLimits: false });
  fakes.push(fake);
  const env = { ...USER_OAUTH_ENV, CACHE_URL: url(), CACHE_NAMESPACE: uniqueNamespace(`departure-${name.replace(/\W+/g, '')}`) };
  const a = track(await startHarness({ fake, env }));
  const b = track(await startHarness({ fake, env }));
  return { fake, a, b, admin: await bearer(fake, { sub: 'console', roles: ['admin'] }) };
}

/** The host's ZAK as `h` hands it out for `meetingId`. */
const zakAt = async (h: Harness, meetingId: string | number, headers: Record<string, string>) => {
  const r = await h.gql<{ startMeetingToken: { zak: string } }>(START, { id: String(meetingId) }, headers);
  expect(r.errors).toBeUndefined();
  return r.data!.startMeetingToken.zak;
};

describe.each(backends)('a user the gateway deactivates or removes, with two replicas sharing $name', ({ name, url, reachable }) => {
  it.skipIf(!reachable)(
    'setUserStatus(DEACTIVATE) on A drops the user’s cached ZAK and grant at once: B fetches a new ZAK and no longer knows the link',
    { timeout: 60_000 },
    async () => {
      const { fake, a, b, admin } = await replicas(name, url);
      const leaver = member(fake, 0);
      fake.knobs.setAuthorizingUser(leaver.id);
      // A caller naming no Zoom user, linked to the leaver by its install.
      const asLeaver = await bearer(fake, { sub: 'leaver-app', roles: ['user'] });
      expect((await installViaBrowser(a, asLeaver)).status).toBe(200);
      expect((await b.gql<{ me: { id: string } }>(ME, {}, asLeaver)).data?.me.id).toBe(leaver.id);
      const meeting = fake.state.addMeeting(leaver.id);
      const first = await zakAt(b, meeting.id, admin);
      expect(await zakAt(b, meeting.id, admin)).toBe(first);
      expect(fake.hits('users.token')).toBe(1);

      // Named by email: the gateway looks the id up, as ZAKs and grants are kept by it.
      const off = await a.gql(STATUS, { id: leaver.email }, admin);
      expect(off.errors).toBeUndefined();
      expect(off.data).toEqual({ setUserStatus: { id: leaver.id, status: 'INACTIVE' } });
      expect(fake.webhooks.deliveries).toEqual([]);

      fake.resetCounters();
      // Not the ZAK the store held: Zoom is asked again (the fake still issues ZAKs to inactive users).
      expect(await zakAt(b, meeting.id, admin)).not.toBe(first);
      expect(fake.hits('users.token')).toBe(1);
      // The grant and its link are gone too: B does not know who the caller is, without asking Zoom.
      fake.resetCounters();
      const me = await b.gql(ME, {}, asLeaver);
      expect(me.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
      expect(fake.hits()).toBe(0);
    },
  );

  it.skipIf(!reachable)(
    'deleteUser on A drops the removed user’s cached ZAK at once from the shared store',
    { timeout: 60_000 },
    async () => {
      const { fake, a, b, admin } = await replicas(name, url);
      const leaver = fake.state.addUser({ status: 'active', email: 'leaver@example.com' });
      const meeting = fake.state.addMeeting(leaver.id);
      const first = await zakAt(b, meeting.id, admin);
      expect(await zakAt(b, meeting.id, admin)).toBe(first);
      expect(fake.hits('users.token')).toBe(1);

      const removed = await a.gql(REMOVE, { id: leaver.id }, admin);
      expect(removed.data).toEqual({ deleteUser: true });
      expect(fake.state.findUser(leaver.id)).toBeUndefined();
      expect(fake.webhooks.deliveries).toEqual([]);
      // True only when a cached ZAK was there to drop. Asked of A, which never held this ZAK
      // itself (B fetched it), so the answer is the shared store's, the only copy B serves.
      expect((await a.gql(INVALIDATE, { userId: leaver.id }, admin)).data).toEqual({ invalidateZak: false });
    },
  );

  it.skipIf(!reachable)('a refused deactivation or removal leaves the ZAK cached', { timeout: 60_000 }, async () => {
    const { fake, a, b, admin } = await replicas(name, url);
    const owner = fake.state.owner;
    const meeting = fake.state.addMeeting(owner.id);
    const first = await zakAt(b, meeting.id, admin);
    // Zoom neither deactivates nor removes the account owner.
    expect((await a.gql(STATUS, { id: owner.id }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR' });
    expect((await a.gql(REMOVE, { id: owner.id }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR' });
    expect(await zakAt(b, meeting.id, admin)).toBe(first);
    expect(fake.hits('users.token')).toBe(1);
  });
});
