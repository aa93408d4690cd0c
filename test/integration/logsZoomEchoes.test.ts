import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, issuedSecrets, member } from '../helpers/userOAuth.js';

const { track } = stopAfterEach();
const HOUR_MS = 3_600_000;

type LogLine = Record<string, unknown> & { msg?: string };
const parsed = (h: Harness): LogLine[] => h.logs.map((l) => JSON.parse(l) as LogLine);

async function userOAuthGateway() {
  const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...NO_S2S } }));
  const user = member(h.fake);
  h.fake.knobs.setAuthorizingUser(user.id);
  const headers = await bearer(h.fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
  return { h, user, headers };
}

describe("what Zoom's token endpoint echoes from a request never reaches a log line", () => {
  it('a refused authorization code: Zoom says "Invalid authorization code <code>", the log says [redacted]', async () => {
    const { h, headers } = await userOAuthGateway();
    // The browser's trip, with the code held past its 5 minutes (OAuth error 4733) before the callback.
    const install = await fetch(`${h.url}/oauth/install`, { headers, redirect: 'manual' });
    expect(install.status).toBe(302);
    const cookie = install.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const authorize = await fetch(install.headers.get('location') as string, { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location') as string);
    const code = back.searchParams.get('code') as string;
    expect(code.length).toBeGreaterThan(10);
    h.fake.clock.advance(6 * 60_000);
    const callback = await fetch(`${h.url}/oauth/callback${back.search}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    expect(callback.status).toBe(400);
    expect(await callback.text()).not.toContain(code);

    // Zoom did echo it: the fake answers as Zoom does.
    const exchange = h.fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'authorization_code');
    expect(exchange.map((r) => r.status)).toEqual([400]);
    const line = parsed(h).find((l) => l.msg === 'authorization code exchange failed');
    expect(line).toMatchObject({ error: 'invalid_grant', reason: 'Invalid authorization code [redacted]' });
    expect(h.logs.join('\n')).not.toContain(code);
  });

  it('a refused refresh token: neither an echo in the reason of invalid_request nor of invalid_grant is logged', async () => {
    const { h, headers } = await userOAuthGateway();
    expect((await installViaBrowser(h, headers)).status).toBe(200);
    h.fake.clock.freeze();
    const refreshToken = [...h.fake.state.refreshTokens.keys()].at(-1) as string;
    expect(refreshToken).toBeTruthy();
    h.fake.clock.advance(HOUR_MS);

    // A refusal the gateway backs off from (tokenCache logs it), then one that ends the grant (userOAuth logs it).
    h.fake.knobs.fail({
      route: 'oauth.token',
      status: 400,
      body: { reason: `Invalid refresh_token: ${refreshToken}`, error: 'invalid_request' },
      times: 1,
    });
    const first = await h.gql('{ me { id } }', undefined, headers);
    expect(first.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_FAILED');
    h.fake.clock.advance(2_000);
    h.fake.knobs.fail({
      route: 'oauth.token',
      status: 400,
      body: { reason: `Invalid Token! ${refreshToken}`, error: 'invalid_grant' },
      times: 1,
    });
    const second = await h.gql('{ me { id } }', undefined, headers);
    expect(second.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
    expect(h.fake.requests.filter((r) => r.route === 'oauth.token' && r.grantType === 'refresh_token')).toHaveLength(2);

    const lines = parsed(h);
    expect(lines.find((l) => l.msg === 'token fetch failed')).toMatchObject({
      error: 'invalid_request',
      reason: 'Invalid refresh_token: [redacted]',
    });
    expect(lines.find((l) => l.msg === 'user OAuth grant rejected by Zoom; removed with its link')).toMatchObject({
      reason: 'Invalid Token! [redacted]',
    });
    const text = h.logs.join('\n');
    for (const secret of [refreshToken, ...issuedSecrets(h.fake)]) expect(text, 'a token or code in the log').not.toContain(secret);
    for (const r of [first, second]) expect(JSON.stringify(r)).not.toContain(refreshToken);
  });

  it('an echo in the error field itself is not repeated either', async () => {
    const h = track(await startHarness());
    const secret = 'sandbox-s2s-secret-echoed-6f1e';
    h.fake.knobs.fail({ route: 'oauth.token', status: 400, body: { reason: `client_secret ${secret}`, error: secret }, times: 1 });
    const r = await h.gql('{ users(first: 1) { totalCount } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_AUTHORIZATION_FAILED', reason: 'unknown_error' });
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(h.logs.join('\n')).not.toContain(secret);
    expect(parsed(h).find((l) => l.msg === 'token fetch failed')).toMatchObject({
      error: 'unknown_error',
      reason: 'client_secret [redacted]',
    });
  });
});
