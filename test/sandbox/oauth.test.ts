import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, authorize, basic, OAUTH_APP, REDIRECT, S2S, s2sToken, startFake, tokenRequest, userTokens } from './helpers.js';

describe('account_credentials (S2S)', () => {
  it('issues an opaque bearer token with expires_in, scope and api_url', async () => {
    const fake = await startFake();
    const res = await tokenRequest(
      fake,
      { grant_type: 'account_credentials', account_id: S2S.accountId },
      basic(S2S.clientId, S2S.clientSecret),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 3599, api_url: fake.url });
    expect(res.body.refresh_token).toBeUndefined();
    expect(String(res.body.scope).split(' ')).toContain('user:read:admin');
    const token = res.body.access_token as string;
    expect(token.split('.')).toHaveLength(1);
    expect(fake.state.accessTokens.get(token)).toMatchObject({ kind: 's2s', clientId: S2S.clientId, accountId: 'fakeAccount1' });
  });

  it('accepts the parameters in the query string', async () => {
    const fake = await startFake({ tokenTtlSeconds: 60 });
    const res = await fetch(`${fake.url}/oauth/token?grant_type=account_credentials&account_id=${S2S.accountId}`, {
      method: 'POST',
      headers: { authorization: basic(S2S.clientId, S2S.clientSecret) },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { expires_in: number }).expires_in).toBe(60);
    expect(fake.requests[0]).toMatchObject({ route: 'oauth.token', grantType: 'account_credentials' });
  });

  it('keeps earlier S2S tokens valid when a new one is issued', async () => {
    const fake = await startFake();
    const first = await s2sToken(fake);
    const second = await s2sToken(fake);
    expect(first).not.toBe(second);
    expect((await api(fake, first, '/users/me')).status).toBe(200);
    expect((await api(fake, second, '/users/me')).status).toBe(200);
  });

  it('rejects bad client credentials, unknown grants and a foreign account_id', async () => {
    const fake = await startFake();
    const badClient = await tokenRequest(
      fake,
      { grant_type: 'account_credentials', account_id: S2S.accountId },
      basic(S2S.clientId, 'nope'),
    );
    expect(badClient).toMatchObject({ status: 400, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } });
    const noAuth = await tokenRequest(fake, { grant_type: 'account_credentials' }, '');
    expect(noAuth.body.error).toBe('invalid_client');
    const grant = await tokenRequest(fake, { grant_type: 'password' }, basic(S2S.clientId, S2S.clientSecret));
    expect(grant).toMatchObject({ status: 400, body: { reason: 'unsupported grant type', error: 'unsupported_grant_type' } });
    const account = await tokenRequest(
      fake,
      { grant_type: 'account_credentials', account_id: 'other' },
      basic(S2S.clientId, S2S.clientSecret),
    );
    expect(account).toMatchObject({ status: 400, body: { error: 'invalid_request', reason: 'Invalid request : account_id is invalid' } });
    const userApp = await tokenRequest(fake, { grant_type: 'account_credentials', account_id: S2S.accountId });
    expect(userApp.body.error).toBe('unsupported_grant_type');
  });
});

describe('/oauth/authorize', () => {
  it('redirects to redirect_uri with code and state as the authorizing user', async () => {
    const fake = await startFake();
    const { code, location } = await authorize(fake, { state: 's t&x' });
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('s t&x');
    expect(fake.state.authCodes.get(code)).toMatchObject({ userId: fake.state.owner.id, redirectUri: REDIRECT });
    const member = fake.state.users[3]!;
    fake.knobs.setAuthorizingUser(member.email);
    const second = await authorize(fake);
    expect(fake.state.authCodes.get(second.code)?.userId).toBe(member.id);
  });

  it('shows a 400 page for an unknown client or a redirect_uri the app does not allow', async () => {
    const fake = await startFake({ oauthApps: [{ clientId: 'c1', clientSecret: 's1', redirectUris: [REDIRECT] }] });
    const unknown = await fetch(
      `${fake.url}/oauth/authorize?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}`,
      { redirect: 'manual' },
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Invalid client_id: nope (4702)');
    const badRedirect = await fetch(
      `${fake.url}/oauth/authorize?response_type=code&client_id=c1&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
      { redirect: 'manual' },
    );
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('(4709)');
    expect(fake.state.authCodes.size).toBe(0);
  });
});

describe('authorization_code', () => {
  it('exchanges a code once for access + refresh token of the user', async () => {
    const fake = await startFake();
    const { code } = await authorize(fake);
    const res = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 3599, api_url: fake.url });
    expect(typeof res.body.refresh_token).toBe('string');
    const record = fake.state.accessTokens.get(res.body.access_token as string);
    expect(record).toMatchObject({ kind: 'user', userId: fake.state.owner.id, clientId: OAUTH_APP.clientId });
    const reuse = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant', reason: `Invalid authorization code ${code}` } });
  });

  it('rejects a different redirect_uri, another client and an expired code', async () => {
    const fake = await startFake({
      oauthApps: [
        { clientId: 'a', clientSecret: 'as' },
        { clientId: 'b', clientSecret: 'bs' },
      ],
    });
    const q = (client: string) => ({ client_id: client });
    const one = await authorize(fake, q('a'));
    const wrongRedirect = await tokenRequest(
      fake,
      { grant_type: 'authorization_code', code: one.code, redirect_uri: 'https://other.example/cb' },
      basic('a', 'as'),
    );
    expect(wrongRedirect.body.error).toBe('invalid_grant');
    const otherClient = await tokenRequest(
      fake,
      { grant_type: 'authorization_code', code: one.code, redirect_uri: REDIRECT },
      basic('b', 'bs'),
    );
    expect(otherClient.body.error).toBe('invalid_grant');
    const two = await authorize(fake, q('a'));
    fake.clock.advance(5 * 60_000 + 1);
    const expired = await tokenRequest(
      fake,
      { grant_type: 'authorization_code', code: two.code, redirect_uri: REDIRECT },
      basic('a', 'as'),
    );
    expect(expired.body.error).toBe('invalid_grant');
    const three = await authorize(fake, q('a'));
    fake.clock.advance(4 * 60_000);
    const inTime = await tokenRequest(
      fake,
      { grant_type: 'authorization_code', code: three.code, redirect_uri: REDIRECT },
      basic('a', 'as'),
    );
    expect(inTime.status).toBe(200);
  });

  it('verifies PKCE S256', async () => {
    const fake = await startFake();
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const a = await authorize(fake, { code_challenge: challenge, code_challenge_method: 'S256' });
    const wrong = await tokenRequest(fake, {
      grant_type: 'authorization_code',
      code: a.code,
      redirect_uri: REDIRECT,
      code_verifier: 'w'.repeat(43),
    });
    expect(wrong.body.error).toBe('invalid_grant');
    const missing = await tokenRequest(fake, { grant_type: 'authorization_code', code: a.code, redirect_uri: REDIRECT });
    expect(missing.body.error).toBe('invalid_grant');
    const right = await tokenRequest(fake, {
      grant_type: 'authorization_code',
      code: a.code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(right.status).toBe(200);
  });

  it('treats a challenge without a method as plain', async () => {
    const fake = await startFake();
    const verifier = 'plain-verifier-0123456789-0123456789-abcdefg';
    const a = await authorize(fake, { code_challenge: verifier });
    expect(fake.state.authCodes.get(a.code)?.codeChallengeMethod).toBe('plain');
    const hashed = createHash('sha256').update(verifier).digest('base64url');
    const asS256 = await tokenRequest(fake, {
      grant_type: 'authorization_code',
      code: a.code,
      redirect_uri: REDIRECT,
      code_verifier: hashed,
    });
    expect(asS256.body.error).toBe('invalid_grant');
    const ok = await tokenRequest(fake, {
      grant_type: 'authorization_code',
      code: a.code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(ok.status).toBe(200);
  });
});

describe('refresh_token', () => {
  it('rotates: the new refresh token works, the old one is invalid_grant', async () => {
    const fake = await startFake();
    const first = await userTokens(fake);
    const r1 = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh });
    expect(r1.status).toBe(200);
    const second = r1.body.refresh_token as string;
    expect(second).not.toBe(first.refresh);
    expect(fake.state.accessTokens.get(r1.body.access_token as string)?.userId).toBe(fake.state.owner.id);
    const old = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh });
    expect(old).toMatchObject({ status: 400, body: { reason: 'Invalid Token!', error: 'invalid_grant' } });
    const r2 = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: second });
    expect(r2.status).toBe(200);
    expect(fake.tokenRequests('refresh_token')).toBe(3);
    expect(fake.tokenRequests('authorization_code')).toBe(1);
  });

  it('binds refresh tokens to their client and rejects unknown ones', async () => {
    const fake = await startFake({
      oauthApps: [
        { clientId: 'a', clientSecret: 'as' },
        { clientId: 'b', clientSecret: 'bs' },
      ],
    });
    const { refreshToken } = fake.state.issueUserToken(fake.state.owner.id, 'a');
    const other = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: refreshToken }, basic('b', 'bs'));
    expect(other.body).toEqual({ reason: 'Invalid Token!', error: 'invalid_grant' });
    const unknown = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: 'nope' }, basic('a', 'as'));
    expect(unknown.body.error).toBe('invalid_grant');
    const own = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: refreshToken }, basic('a', 'as'));
    expect(own.status).toBe(200);
  });

  it('a new authorization of the same user and app ends the previous grant (4741)', async () => {
    const fake = await startFake();
    const first = await userTokens(fake);
    await userTokens(fake);
    const res = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh });
    expect(res.body.error).toBe('invalid_grant');
    expect((await api(fake, first.access, '/users/me')).status).toBe(401);
  });

  it('knobs.revokeAll ends every grant of the user', async () => {
    const fake = await startFake();
    const t = await userTokens(fake);
    fake.knobs.revokeAll(fake.state.owner.email);
    expect((await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh })).body.error).toBe('invalid_grant');
    expect((await api(fake, t.access, '/users/me')).body).toEqual({ code: 124, message: 'Invalid access token.' });
  });
});

describe('/oauth/revoke', () => {
  it('revokes the access token and its grant', async () => {
    const fake = await startFake();
    const t = await userTokens(fake);
    const res = await fetch(`${fake.url}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: basic(OAUTH_APP.clientId, OAUTH_APP.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: t.access }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'success' });
    expect((await api(fake, t.access, '/users/me')).status).toBe(401);
    expect((await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh })).body.error).toBe('invalid_grant');
    expect(fake.hits('oauth.revoke')).toBe(1);
  });

  it('needs client authentication', async () => {
    const fake = await startFake();
    const t = await userTokens(fake);
    const res = await fetch(`${fake.url}/oauth/revoke?token=${t.access}`, { method: 'POST', headers: { authorization: basic('x', 'y') } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_client');
    expect((await api(fake, t.access, '/users/me')).status).toBe(200);
  });
});
