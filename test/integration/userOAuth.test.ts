import { describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { issueGrantTokens } from '../../src/sandbox/oauth/issue.js';
import type { TokenRecord } from '../../src/tokens/tokenRecord.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { memoryStore } from '../helpers/stores.js';
import { Browser, JWT_SECRET, NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, issuedSecrets, member } from '../helpers/userOAuth.js';

const ME = '{ me { id email } }';
const CREDENTIALS = '{ credentials { selectedSource userAuthorized installUrl cached { source expiresAt scopes } } }';
const HOUR_MS = 3_600_000;
const INSTALL_URL = 'https://gateway.example.test/oauth/install';

const { track, fakes } = stopAfterEach();

/** A gateway with user OAuth, and a caller whose JWT names `user` as its Zoom user, authorized through the browser flow. */
async function authorized(env: Record<string, string> = {}, overrides = {}) {
  const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...env }, overrides }));
  const user = member(h.fake);
  h.fake.knobs.setAuthorizingUser(user.id);
  const headers = await bearer(h.fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
  const install = await installViaBrowser(h, headers);
  expect(install.status).toBe(200);
  return { h, user, headers, install };
}

const lastCall = (fake: FakeZoom, route: string) => fake.requests.filter((r) => r.route === route).at(-1);
const refreshes = (fake: FakeZoom) => fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token');

describe('install flow with PKCE against the fake Zoom', () => {
  it('redirects with state and an S256 challenge, exchanges the code with its verifier, and then serves me with the user token', async () => {
    const { h, user, headers, install } = await authorized();
    expect(install.body).toContain('Zoom connected');
    expect(install.body).toContain(user.email);

    const authorize = h.fake.requests.find((r) => r.route === 'oauth.authorize');
    expect(authorize?.query).toMatchObject({
      response_type: 'code',
      client_id: 'sandbox-oauth-client',
      redirect_uri: 'https://gateway.example.test/oauth/callback',
      code_challenge_method: 'S256',
    });
    expect(authorize?.query.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize?.query.state?.split('.')).toHaveLength(3);
    // The fake refuses the code unless the verifier hashes to the challenge: a 200 proves PKCE end to end.
    const exchange = h.fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'authorization_code');
    expect(exchange.map((r) => r.status)).toEqual([200]);

    const me = await h.gql<{ me: { id: string } }>(ME, {}, headers);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.id).toBe(user.id);
    expect(lastCall(h.fake, 'users.get')).toMatchObject({ tokenKind: 'user', tokenUserId: user.id, path: '/v2/users/me' });

    const status = await h.gql<{
      credentials: {
        selectedSource: string;
        userAuthorized: boolean;
        installUrl: string;
        cached: Array<{ source: string; scopes: string[]; expiresAt: string }>;
      };
    }>(CREDENTIALS, {}, headers);
    expect(status.data?.credentials).toMatchObject({ selectedSource: 'USER', userAuthorized: true, installUrl: INSTALL_URL });
    const userToken = status.data?.credentials.cached.find((c) => c.source === 'USER');
    expect(userToken?.scopes).toContain('user:read');
    expect(Date.parse(userToken?.expiresAt ?? '')).toBeGreaterThan(h.fake.clock.now());
  });

  it('in sandbox mode the redirect URI is the gateway itself, and a browser can follow every redirect', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const h = track(await startHarness({ fake, env: { ZOOM_SANDBOX: '1' }, overrides: { fakeZoom: fake } }));
    const browser = new Browser();
    const install = await browser.fetch(`${h.url}/oauth/install`);
    expect(install.status).toBe(302);
    const authorizeUrl = new URL(install.headers.get('location') as string);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${h.url}/oauth/callback`);
    const done = await browser.follow(authorizeUrl.toString());
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Zoom connected');

    const me = await h.gql<{ me: { id: string } }>(ME);
    expect(me.data?.me.id).toBe(fake.state.owner.id);
    expect(lastCall(fake, 'users.get')).toMatchObject({ tokenKind: 'user', path: '/v2/users/me' });
    const status = await h.gql<{ credentials: { installUrl: string } }>(CREDENTIALS);
    expect(status.data?.credentials.installUrl).toBe(`${h.url}/oauth/install`);
  });

  it('a JSON client gets the authorize URL instead of a redirect', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const headers = await bearer(h.fake, { sub: 'spa', roles: ['user'] });
    const res = await fetch(`${h.url}/oauth/install`, { headers: { ...headers, accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { authorizeUrl: string };
    expect(new URL(body.authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
  });
});

describe('the callback refuses bad state and stores nothing', () => {
  it('install without credentials → 401 UNAUTHENTICATED and no trip to Zoom', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const res = await fetch(`${h.url}/oauth/install`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(h.fake.hits()).toBe(0);
  });

  it('a reused state → 400, no second code exchange', async () => {
    const { h, install } = await authorized();
    const again = await fetch(install.callbackUrl as string);
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/invalid, expired or already used/);
    expect(h.fake.tokenRequests('authorization_code')).toBe(1);
  });

  it('a forged state (garbage, or signed with another key) → 400, no code exchange', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const headers = await bearer(h.fake, { sub: 'mallory', roles: ['admin'] });
    const install = await fetch(`${h.url}/oauth/install`, { headers, redirect: 'manual' });
    const real = new URL(install.headers.get('location') as string).searchParams.get('state') as string;
    const [head, payload] = real.split('.');
    const forgedSignature = `${head}.${payload}.${Buffer.alloc(32, 7).toString('base64url')}`;
    for (const state of ['garbage', forgedSignature, '']) {
      const res = await fetch(`${h.url}/oauth/callback?code=anything&state=${encodeURIComponent(state)}`);
      expect(res.status).toBe(400);
    }
    expect(h.fake.tokenRequests()).toBe(0);
  });

  it('an expired state (consent took over 10 minutes) → 400, no code exchange', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const headers = await bearer(h.fake, { sub: 'slow', roles: ['admin'] });
    const install = await fetch(`${h.url}/oauth/install`, { headers, redirect: 'manual' });
    const authorize = await fetch(install.headers.get('location') as string, { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location') as string);
    h.fake.clock.advance(11 * 60_000);
    const res = await fetch(`${h.url}/oauth/callback${back.search}`);
    expect(res.status).toBe(400);
    expect(h.fake.tokenRequests()).toBe(0);
  });

  it('access denied at Zoom → 400 page, and the state cannot be used afterwards', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const headers = await bearer(h.fake, { sub: 'bob', roles: ['admin'] });
    const install = await fetch(`${h.url}/oauth/install`, { headers, redirect: 'manual' });
    const state = new URL(install.headers.get('location') as string).searchParams.get('state') as string;
    const denied = await fetch(`${h.url}/oauth/callback?error=access_denied&state=${encodeURIComponent(state)}`);
    expect(denied.status).toBe(400);
    expect(await denied.text()).toContain('access_denied');
    const replay = await fetch(`${h.url}/oauth/callback?code=x&state=${encodeURIComponent(state)}`);
    expect(replay.status).toBe(400);
    expect(h.fake.tokenRequests()).toBe(0);
  });

  it('signing in to Zoom as someone else than the caller’s Zoom user → 403, grant revoked, nothing stored', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const alice = member(h.fake, 0);
    const other = member(h.fake, 1);
    h.fake.knobs.setAuthorizingUser(other.id);
    const headers = await bearer(h.fake, { sub: 'alice', zoom_user_id: alice.id, roles: ['user'] });
    const install = await installViaBrowser(h, headers);
    expect(install.status).toBe(403);
    expect(h.fake.hits('oauth.revoke')).toBe(1);
    expect([...h.fake.state.grants.values()].every((g) => g.revoked)).toBe(true);
    const status = await h.gql<{ credentials: { userAuthorized: boolean; selectedSource: string } }>(CREDENTIALS, {}, headers);
    expect(status.data?.credentials).toMatchObject({ userAuthorized: false, selectedSource: 'S2S' });
  });
});

describe('refresh: rotating tokens, persisted before use, single-flight', () => {
  it('200 concurrent requests when the access token expires → exactly 1 refresh, 0 invalid_grant', async () => {
    const { h, user, headers } = await authorized();
    await h.gql(ME, {}, headers);
    const oldToken = lastCall(h.fake, 'users.get')?.accessToken;
    h.fake.resetCounters();
    h.fake.clock.advance(HOUR_MS); // 3599 s tokens: expired at Zoom now

    const results = await Promise.all(Array.from({ length: 200 }, () => h.gql<{ me: { id: string } }>(ME, {}, headers)));
    expect(results.filter((r) => r.errors || r.data?.me.id !== user.id)).toEqual([]);
    expect(refreshes(h.fake).map((r) => r.status)).toEqual([200]);
    const calls = h.fake.requests.filter((r) => r.route === 'users.get');
    // Identical reads in flight at once share one Zoom call.
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(200);
    expect(new Set(calls.map((c) => c.accessToken)).size).toBe(1);
    expect(calls[0]?.accessToken).not.toBe(oldToken);
    expect(calls.every((c) => c.status === 200 && c.tokenKind === 'user')).toBe(true);
  });

  it('a lost refresh answer (Zoom rotated, connection dropped) → ZOOM_UNAVAILABLE, then ZOOM_AUTHORIZATION_REQUIRED once, and no loop', async () => {
    const { h, headers } = await authorized(NO_S2S);
    h.fake.clock.advance(HOUR_MS);
    h.fake.knobs.drop({ route: 'oauth.token', when: 'after' });

    const lost = await h.gql(ME, {}, headers);
    expect(lost.errors?.[0]?.extensions?.code).toBe('ZOOM_UNAVAILABLE');
    expect(refreshes(h.fake).map((r) => r.injected)).toEqual(['drop-after']);

    h.fake.clock.advance(2_000); // past the 1 s back-off after a failed fetch
    const dead = await h.gql(ME, {}, headers);
    expect(dead.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_AUTHORIZATION_REQUIRED', installUrl: INSTALL_URL });
    expect(refreshes(h.fake).map((r) => r.status)).toEqual([200, 400]);

    for (let i = 0; i < 5; i++) {
      const again = await h.gql(ME, {}, headers);
      expect(again.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
    }
    expect(refreshes(h.fake)).toHaveLength(2);
    expect(h.fake.hits('users.get')).toBe(1); // only the callback's identity check

    // Authorizing again recovers.
    const reinstall = await installViaBrowser(h, headers);
    expect(reinstall.status).toBe(200);
    expect((await h.gql(ME, {}, headers)).errors).toBeUndefined();
  });

  it('invalid_grant because another replica rotated the token → the stored pair is used, no re-authorization', async () => {
    const { store } = memoryStore();
    const { h, user, headers } = await authorized(NO_S2S, { store });
    h.fake.clock.advance(HOUR_MS);
    const hold = h.fake.knobs.hold('oauth.token');
    const pending = h.gql<{ me: { id: string } }>(ME, {}, headers);
    await hold.whenWaiting(1);

    // The other replica (not sharing this process's lock) refreshes first and persists its pair.
    const grant = [...h.fake.state.grants.values()].find((g) => g.userId === user.id && !g.revoked);
    const { access, refresh } = issueGrantTokens(h.fake.state, grant!);
    const key = `user:sandbox-oauth-client:${user.id}@${h.fake.url}`;
    await store.set<TokenRecord>(key, {
      accessToken: access.token,
      refreshToken: refresh.token,
      expiresAt: access.expiresAt,
      obtainedAt: access.issuedAt,
      scopes: access.scopes,
      apiUrl: h.fake.url,
    });
    hold.release();

    const r = await pending;
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.id).toBe(user.id);
    expect(refreshes(h.fake).map((x) => x.status)).toEqual([400]);
    expect(lastCall(h.fake, 'users.get')?.accessToken).toBe(access.token);
    expect((await store.get<TokenRecord>(key))?.refreshToken).toBe(refresh.token);
  });
});

describe('revokeZoomAuthorization', () => {
  it('revokes at Zoom, forgets the tokens, and the caller falls back to S2S', async () => {
    const { h, user, headers } = await authorized();
    const revoked = await h.gql<{ revokeZoomAuthorization: boolean }>('mutation { revokeZoomAuthorization }', {}, headers);
    expect(revoked.data?.revokeZoomAuthorization).toBe(true);
    expect(h.fake.hits('oauth.revoke')).toBe(1);
    expect([...h.fake.state.grants.values()].filter((g) => g.userId === user.id).every((g) => g.revoked)).toBe(true);

    const me = await h.gql<{ me: { id: string } }>(ME, {}, headers);
    expect(me.data?.me.id).toBe(user.id);
    expect(lastCall(h.fake, 'users.get')).toMatchObject({ tokenKind: 's2s', path: `/v2/users/${user.id}` });
    const status = await h.gql<{ credentials: { userAuthorized: boolean; selectedSource: string } }>(CREDENTIALS, {}, headers);
    expect(status.data?.credentials).toMatchObject({ userAuthorized: false, selectedSource: 'S2S' });

    const again = await h.gql<{ revokeZoomAuthorization: boolean }>('mutation { revokeZoomAuthorization }', {}, headers);
    expect(again.data?.revokeZoomAuthorization).toBe(false);
    expect(h.fake.hits('oauth.revoke')).toBe(1);
  });
});

describe('no token or secret leaves the gateway', () => {
  it('responses and every log line of install, refresh, a lost refresh and revoke carry none', async () => {
    const { h, headers, install } = await authorized();
    const bodies: string[] = [install.body];
    const record = async (query: string) => bodies.push(JSON.stringify(await h.gql(query, {}, headers)));
    await record(ME);
    await record(CREDENTIALS);
    h.fake.clock.advance(HOUR_MS);
    await record(ME);
    h.fake.clock.advance(HOUR_MS);
    h.fake.knobs.drop({ route: 'oauth.token', when: 'after' });
    await record(ME);
    await record('mutation { revokeZoomAuthorization }');

    const state = new URL(install.callbackUrl as string).searchParams.get('state') as string;
    const secrets = [
      ...issuedSecrets(h.fake),
      state,
      JWT_SECRET,
      'sandbox-oauth-secret',
      'sandbox-s2s-secret',
      headers.authorization!.slice(7),
    ];
    expect(secrets.length).toBeGreaterThan(6);
    const haystack = [...bodies, ...h.logs].join('\n');
    expect(h.logs.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(haystack).not.toContain(secret);
  });
});
