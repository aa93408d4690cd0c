import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

/** What an operator sees before a caller does: credentials Zoom refuses, and links that lead nowhere. */
const { track } = stopAfterEach();

describe('/readyz reflects whether a Zoom token can be had', () => {
  it('right S2S credentials: ready, and the token is fetched once and then read from the cache', async () => {
    const h = track(await startHarness());
    for (let i = 0; i < 3; i++) {
      const ready = await fetch(`${h.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { tokenSource: 's2s' } });
    }
    expect(h.fake.hits('oauth.token')).toBe(1);
  });

  it.each([
    ['a wrong client secret', { ZOOM_CLIENT_SECRET: 'rotated-away' }, /invalid_client.*ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET/],
    ['an unknown client id', { ZOOM_CLIENT_ID: 'no-such-client' }, /invalid_client/],
  ])('%s: 503 naming what to check, without the secret; healthz stays 200', async (_name, env, reason) => {
    const h = track(await startHarness({ env }));
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; reason: string; checks: { tokenSource: string } };
    expect(body.status).toBe('unavailable');
    expect(body.checks.tokenSource).toMatch(/^no Zoom token: Zoom refused the Server-to-Server OAuth credentials/);
    expect(body.reason).toMatch(reason);
    expect(JSON.stringify(body)).not.toContain('rotated-away');
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('Zoom’s token endpoint failing: 503 until it answers again', async () => {
    const h = track(await startHarness());
    // Frozen: only advance() moves the backoff window, however slow the machine.
    h.fake.clock.freeze();
    h.fake.knobs.fail({ route: 'oauth.token', status: 503, times: 100 });
    const down = await fetch(`${h.url}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: { tokenSource: string } }).checks.tokenSource).toMatch(/^no Zoom token: .*unavailable/);
    h.fake.knobs.reset();
    // The token cache backs off after a failure (on the injected clock): probes do not hammer Zoom.
    expect((await fetch(`${h.url}/readyz`)).status).toBe(503);
    expect(h.fake.hits('oauth.token')).toBe(1);
    h.fake.clock.advance(1_500);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });
});

describe('installUrl only where user OAuth is configured', () => {
  const KEY = 'readiness-user-key-0123456789abcdef';
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

  it('S2S alone: ZOOM_AUTHORIZATION_REQUIRED carries no installUrl, credentials.installUrl is null, /oauth/install is 404', async () => {
    const h = track(await startHarness({ env: { GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `nobody:${sha256(KEY)}:user` } }));
    const headers = { authorization: `Bearer ${KEY}` };
    const me = await h.gql('{ me { id } }', {}, headers);
    expect(me.errors?.[0]?.extensions).toEqual({ code: 'ZOOM_AUTHORIZATION_REQUIRED' });
    const status = await h.gql<{ credentials: { installUrl: string | null } }>('{ credentials { installUrl } }', {}, headers);
    expect(status.data?.credentials.installUrl).toBeNull();
    expect((await fetch(`${h.url}/oauth/install`)).status).toBe(404);
  });
});
