import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FakeZoom, ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { memoryStore } from '../helpers/stores.js';
import { Browser, USER_OAUTH_ENV, approveInBrowser, bearer, installViaBrowser, member, startInstall } from '../helpers/userOAuth.js';

const ME = '{ me { id email } }';
const CREDENTIALS = '{ credentials { selectedSource userAuthorized } }';
const START = 'mutation ($id: ID!) { startMeetingToken(meetingId: $id) { hostId zak } }';
const COOKIE = '__Secure-zoom-oauth';
const MALLORY_KEY = 'mallory-api-key-0123456789abcdef';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const { track } = stopAfterEach();

type Gql = Harness['gql'];
const codeOf = (r: Awaited<ReturnType<Gql>>) => r.errors?.[0]?.extensions?.code;
const zakCalls = (fake: FakeZoom) => fake.hits('users.token') + fake.hits('users.zak');
const liveGrants = (fake: FakeZoom, user: ZoomUser) => [...fake.state.grants.values()].filter((g) => g.userId === user.id && !g.revoked);

/** An attacker's credential that names no Zoom user, under the GATEWAY_AUTH mode that accepts it. */
const attackers: Array<{ kind: string; env: Record<string, string>; headers: (fake: FakeZoom) => Promise<Record<string, string>> }> = [
  { kind: 'a JWT with only sub (role user)', env: {}, headers: (fake: FakeZoom) => bearer(fake, { sub: 'mallory', roles: ['user'] }) },
  {
    kind: 'an API key without a Zoom user',
    env: { GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `mallory:${sha256(MALLORY_KEY)}:user` },
    headers: async () => ({ 'x-api-key': MALLORY_KEY }),
  },
];

/** The attacker holds no Zoom identity: `me` needs an authorization, and the victim's meeting yields no ZAK. */
async function expectNotVictim(h: Harness, headers: Record<string, string>, victim: ZoomUser, meetingId: string) {
  const me = await h.gql<{ me: { id: string } | null }>(ME, {}, headers);
  expect(me.data?.me?.id).not.toBe(victim.id);
  expect(codeOf(me)).toBe('ZOOM_AUTHORIZATION_REQUIRED');
  const status = await h.gql<{ credentials: { userAuthorized: boolean } }>(CREDENTIALS, {}, headers);
  expect(status.data?.credentials.userAuthorized).toBe(false);
  const start = await h.gql<{ startMeetingToken: { zak: string } | null }>(START, { id: meetingId }, headers);
  expect(start.data?.startMeetingToken ?? null).toBeNull();
  expect(['FORBIDDEN', 'ZOOM_AUTHORIZATION_REQUIRED']).toContain(codeOf(start));
  expect(zakCalls(h.fake)).toBe(0);
}

describe('identity takeover through /oauth/install: the victim approves an install the attacker started', () => {
  describe.each(attackers)('attacker with $kind', (attacker) => {
    it.each([
      { browser: 'its own browser, without the flow cookie', victimBrowser: async () => new Browser() },
      {
        browser: 'a browser holding its own, different flow cookie',
        victimBrowser: async (h: Harness, victim: ZoomUser) => {
          const own = new Browser();
          const headers = await bearer(h.fake, { sub: 'victim', zoom_user_id: victim.id, roles: ['user'] });
          // Only the JWT mode knows the victim's JWT; in API-key mode a cookie from any install will do.
          const started = await startInstall(h, attacker.env.GATEWAY_AUTH ? { 'x-api-key': MALLORY_KEY } : headers, own);
          expect(started.status).toBe(302);
          expect(own.cookies.size).toBe(1);
          return own;
        },
      },
    ])('in $browser → callback refused, the grant revoked at Zoom, nothing linked, no ZAK', async ({ victimBrowser }) => {
      const h = track(
        await startHarness({
          env: { ...USER_OAUTH_ENV, ...attacker.env, ZOOM_SDK_KEY: 'sdk-key', ZOOM_SDK_SECRET: 'sdk-secret-0123456789-0123456789' },
        }),
      );
      const victim = member(h.fake);
      const [meeting] = h.fake.state.seedMeetings(victim.id, 1);
      const headers = await attacker.headers(h.fake);

      const attackerBrowser = new Browser();
      const started = await startInstall(h, headers, attackerBrowser);
      expect(started.status).toBe(302);

      // The victim opens the link, signs in to Zoom as itself and approves.
      h.fake.knobs.setAuthorizingUser(victim.id);
      const browser = await victimBrowser(h, victim);
      const callback = await approveInBrowser(h, started.authorizeUrl as string, browser);
      expect(callback.status).toBe(400);
      expect(callback.body).toMatch(/another browser/);
      // The code was exchanged only to end the grant Zoom made at consent: nothing is left at Zoom.
      expect(h.fake.requests.filter((r) => r.route === 'oauth.token').map((r) => [r.grantType, r.status])).toEqual([
        ['authorization_code', 200],
      ]);
      expect(h.fake.hits('oauth.revoke')).toBe(1);
      expect(liveGrants(h.fake, victim)).toEqual([]);
      await expectNotVictim(h, headers, victim, String(meeting!.id));

      // The victim sends the page's address back ("it did not work"): replayed in the attacker's browser, still refused.
      const replay = await attackerBrowser.fetch(callback.callbackUrl as string);
      expect(replay.status).toBe(400);
      expect(h.fake.tokenRequests('authorization_code')).toBe(1);
      await expectNotVictim(h, headers, victim, String(meeting!.id));
    });
  });
});

describe('the browser binding of the install flow', () => {
  it('the browser that started the flow completes it: HttpOnly, SameSite=Lax, Secure, path-scoped cookie, cleared at the callback; a caller naming no Zoom user is linked', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const headers = await bearer(h.fake, { sub: 'carol', roles: ['user'] });
    const browser = new Browser();
    const started = await startInstall(h, headers, browser);
    const [cookie] = browser.lastSetCookies;
    expect(browser.lastSetCookies).toHaveLength(1);
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/; Path=\/oauth\/callback(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).toMatch(/; Max-Age=600(;|$)/);

    const key = browser.cookies.get(COOKIE)!.value;
    const done = await approveInBrowser(h, started.authorizeUrl as string, browser);
    expect(done.status).toBe(200);
    expect(done.setCookies?.[0]).toMatch(new RegExp(`^${COOKIE}=; .*Max-Age=0`));
    expect(h.logs.join('\n')).not.toContain(key);
    expect(browser.cookies.size).toBe(0);
    const me = await h.gql<{ me: { id: string } }>(ME, {}, headers);
    expect(me.data?.me.id).toBe(user.id);
    expect(h.fake.requests.filter((r) => r.route === 'users.get').at(-1)).toMatchObject({ tokenKind: 'user', path: '/v2/users/me' });
  });

  it('without https in the redirect URI the cookie is not Secure (sandbox on http://127.0.0.1)', async () => {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ZOOM_OAUTH_REDIRECT_URI: 'http://127.0.0.1:9/gw/oauth/callback' } }));
    const browser = new Browser();
    await startInstall(h, await bearer(h.fake, { sub: 'carol', roles: ['user'] }), browser);
    expect(browser.lastSetCookies[0]).toMatch(/^zoom-oauth=[^;]+; Path=\/gw\/oauth\/callback; /);
    expect(browser.lastSetCookies[0]).not.toMatch(/Secure/);
  });

  it('the JSON variant sets the cookie too, and the same browser completes the flow', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const headers = await bearer(h.fake, { sub: 'spa', roles: ['user'] });
    const browser = new Browser();
    const res = await browser.fetch(`${h.url}/oauth/install`, { headers: { ...headers, accept: 'application/json' } });
    expect(res.status).toBe(200);
    const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
    expect(browser.cookies.has(COOKIE)).toBe(true);
    expect((await approveInBrowser(h, authorizeUrl, browser)).status).toBe(200);
    expect((await h.gql<{ me: { id: string } }>(ME, {}, headers)).data?.me.id).toBe(user.id);
  });

  it('a single-page app on a listed origin may fetch the JSON variant with credentials (so its browser keeps the cookie); with CORS_ORIGINS=* it may not', async () => {
    const spa = 'https://app.example.test';
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, CORS_ORIGINS: spa } }));
    const preflight = await fetch(`${h.url}/oauth/install`, {
      method: 'OPTIONS',
      headers: { origin: spa, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(spa);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const headers = await bearer(h.fake, { sub: 'spa', roles: ['user'] });
    const res = await fetch(`${h.url}/oauth/install`, { headers: { ...headers, origin: spa, accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(spa);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.getSetCookie()[0]).toMatch(new RegExp(`^${COOKIE}=`));

    const open = track(await startHarness({ env: { ...USER_OAUTH_ENV, CORS_ORIGINS: '*' } }));
    const any = await fetch(`${open.url}/oauth/install`, {
      headers: { ...(await bearer(open.fake, { sub: 'spa', roles: ['user'] })), origin: spa, accept: 'application/json' },
    });
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
    expect(any.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('a tampered cookie → 400, nothing stored, the grant revoked at Zoom', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const headers = await bearer(h.fake, { sub: 'carol', roles: ['user'] });
    const browser = new Browser();
    const started = await startInstall(h, headers, browser);
    const cookie = browser.cookies.get(COOKIE)!;
    cookie.value = `${cookie.value.slice(0, -1)}${cookie.value.endsWith('A') ? 'B' : 'A'}`;
    const done = await approveInBrowser(h, started.authorizeUrl as string, browser);
    expect(done.status).toBe(400);
    expect(h.fake.hits('oauth.revoke')).toBe(1);
    expect(liveGrants(h.fake, user)).toEqual([]);
    expect(codeOf(await h.gql(ME, {}, headers))).toBe('ZOOM_AUTHORIZATION_REQUIRED');
  });

  it('a callback URL replayed with the original cookie → 400 (the state is used up), one code exchange', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const browser = new Browser();
    const started = await startInstall(h, await bearer(h.fake, { sub: 'carol', roles: ['user'] }), browser);
    const cookie = { ...browser.cookies.get(COOKIE)! };
    const done = await approveInBrowser(h, started.authorizeUrl as string, browser);
    expect(done.status).toBe(200);
    browser.cookies.set(COOKIE, cookie);
    const replay = await browser.fetch(done.callbackUrl as string);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/already used/);
    expect(h.fake.tokenRequests('authorization_code')).toBe(1);
  });
});

describe('a link never outlives its grant', () => {
  /** A caller naming no Zoom user, linked to `user` by an honest install; S2S is on. */
  async function linked() {
    const { store } = memoryStore();
    const h = track(await startHarness({ env: USER_OAUTH_ENV, overrides: { store } }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const [meeting] = h.fake.state.seedMeetings(user.id, 1);
    const headers = await bearer(h.fake, { sub: 'carol', roles: ['user'] });
    expect((await installViaBrowser(h, headers)).status).toBe(200);
    expect((await h.gql<{ me: { id: string } }>(ME, {}, headers)).data?.me.id).toBe(user.id);
    return { h, store, user, headers, meetingId: String(meeting!.id) };
  }

  it('the user removes the app at Zoom → invalid_grant removes grant and link; S2S never serves that Zoom user to the caller', async () => {
    const { h, store, user, headers, meetingId } = await linked();
    h.fake.knobs.revokeAll(user.id);

    const first = await h.gql(ME, {}, headers);
    expect(codeOf(first)).toBe('ZOOM_AUTHORIZATION_REQUIRED');
    expect(h.fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token').map((r) => r.status)).toEqual([400]);
    expect(await store.get('link:carol')).toBeUndefined();
    h.fake.resetCounters();
    await expectNotVictim(h, headers, user, meetingId);
    expect(h.fake.requests.filter((r) => r.tokenKind === 's2s' && r.path.includes(user.id))).toEqual([]);
  });

  it('revokeZoomAuthorization by the Zoom user itself ends the link of every caller linked to its grant', async () => {
    const { h, store, user, headers, meetingId } = await linked();
    const own = await bearer(h.fake, { sub: 'u', zoom_user_id: user.id, roles: ['user'] });
    expect(
      (await h.gql<{ revokeZoomAuthorization: boolean }>('mutation { revokeZoomAuthorization }', {}, own)).data?.revokeZoomAuthorization,
    ).toBe(true);
    expect(await store.get('link:carol')).toBeUndefined();
    h.fake.resetCounters();
    await expectNotVictim(h, headers, user, meetingId);
  });

  it('revokeZoomAuthorization by the linked caller ends its link', async () => {
    const { h, user, headers, meetingId } = await linked();
    expect(
      (await h.gql<{ revokeZoomAuthorization: boolean }>('mutation { revokeZoomAuthorization }', {}, headers)).data
        ?.revokeZoomAuthorization,
    ).toBe(true);
    h.fake.resetCounters();
    await expectNotVictim(h, headers, user, meetingId);
  });

  it('a newer grant of the same Zoom user (the user installs again itself) does not revive an older link', async () => {
    const { h, user, headers, meetingId } = await linked();
    const own = await bearer(h.fake, { sub: 'u', zoom_user_id: user.id, roles: ['user'] });
    expect((await installViaBrowser(h, own)).status).toBe(200);
    expect((await h.gql<{ me: { id: string } }>(ME, {}, own)).data?.me.id).toBe(user.id);
    h.fake.resetCounters();
    await expectNotVictim(h, headers, user, meetingId);
  });

  it('a grant that disappears while a request runs is not replaced by S2S for the linked identity: no ZAK', async () => {
    const { h, store, user, headers, meetingId } = await linked();
    h.fake.resetCounters();
    const hold = h.fake.knobs.hold('meetings.get');
    const pending = h.gql(START, { id: meetingId }, headers);
    await hold.whenWaiting(1);
    // Another replica found the grant dead meanwhile; this one still holds a valid access token.
    await store.delete(`user:sandbox-oauth-client:${user.id}@${h.fake.url}`);
    hold.release();
    const r = await pending;
    expect(codeOf(r)).toBe('ZOOM_AUTHORIZATION_REQUIRED');
    expect(h.fake.requests.filter((x) => x.route === 'meetings.get').map((x) => x.tokenKind)).toEqual(['user']);
    expect(zakCalls(h.fake)).toBe(0);
  });

  it('a link that names no grant (written before links were bound to grants) is not applied', async () => {
    const { store } = memoryStore();
    const h = track(await startHarness({ env: USER_OAUTH_ENV, overrides: { store } }));
    const victim = member(h.fake);
    const [meeting] = h.fake.state.seedMeetings(victim.id, 1);
    await store.set('link:mallory', { zoomUserId: victim.id });
    await expectNotVictim(h, await bearer(h.fake, { sub: 'mallory', roles: ['user'] }), victim, String(meeting!.id));
  });
});
