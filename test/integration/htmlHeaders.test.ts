import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { Browser, USER_OAUTH_ENV, bearer, member, startInstall } from '../helpers/userOAuth.js';

const { track } = stopAfterEach();

const STRICT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers every HTML answer of the gateway carries; `csp` is the page's own policy. */
function expectPageHeaders(res: Response, csp = STRICT_CSP) {
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toBe(csp);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('security headers on the HTML pages of the OAuth flow', () => {
  it('the success page of a completed install carries a CSP allowing nothing, framing denied, no referrer and nosniff', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const browser = new Browser();
    const started = await startInstall(h, await bearer(h.fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] }), browser);
    const authorize = await browser.fetch(started.authorizeUrl as string);
    const back = new URL(authorize.headers.get('location') as string);
    const done = await browser.fetch(`${h.url}/oauth/callback${back.search}`);
    expect(done.status).toBe(200);
    const body = await done.text();
    expect(body).toContain('Zoom connected');
    expectPageHeaders(done);
    // The page needs nothing the policy forbids: no script, style, image, form or frame.
    expect(body).not.toMatch(/<(script|style|img|link|form|iframe)\b/i);
  });

  it.each([
    ['no state', '/oauth/callback?code=x', 400],
    ['a forged state', '/oauth/callback?code=x&state=a.b.c', 400],
    ['access denied at Zoom', '/oauth/callback?error=access_denied&state=a.b.c', 400],
    ['a hostile query echoed nowhere', '/oauth/callback?code=%3Cscript%3E&state=%3Cimg%20src%3Dx%3E', 400],
  ])('the error page for %s carries them too', async (_name, path, status) => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const res = await fetch(`${h.url}${path}`);
    expect(res.status).toBe(status);
    expectPageHeaders(res);
    expect(await res.text()).not.toMatch(/<(script|img)\b/i);
  });

  it('the page answered when user OAuth is not configured carries them too', async () => {
    const h = track(await startHarness());
    const res = await fetch(`${h.url}/oauth/callback?code=x&state=y`);
    expect(res.status).toBe(404);
    expectPageHeaders(res);
  });

  it("GraphiQL keeps a policy that runs it from the gateway's own assets, with framing denied and no referrer", async () => {
    const h = track(await startHarness({ env: { GRAPHQL_IDE: 'true' } }));
    for (const path of ['/graphiql', '/graphql']) {
      const res = await fetch(`${h.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expectPageHeaders(res, csp);
    }
  });

  it('JSON answers are left as they were', async () => {
    const h = track(await startHarness());
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBeNull();
  });
});
