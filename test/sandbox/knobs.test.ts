import { describe, expect, it } from 'vitest';
import { api, s2sToken, startFake, tokenRequest, until, userTokens } from './helpers.js';

describe('latency', () => {
  it('delays one route or all routes', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const timed = async (path: string): Promise<number> => {
      const t = performance.now();
      await api(fake, token, path);
      return performance.now() - t;
    };
    fake.knobs.latency(400, 'users.get');
    const delayed = await timed('/users/me');
    expect(delayed).toBeGreaterThanOrEqual(395);
    expect(await timed('/users/me/meetings')).toBeLessThan(delayed);
    fake.knobs.reset();
    fake.knobs.latency(150);
    expect(await timed('/users/me/meetings')).toBeGreaterThanOrEqual(145);
  });
});

describe('fail', () => {
  it('answers the next N requests with the given status, body and headers', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    fake.knobs.fail({ route: 'users.get', status: 503, body: { code: 503, message: 'down' }, headers: { 'retry-after': '2' }, times: 2 });
    const a = await api(fake, token, '/users/me');
    expect(a).toMatchObject({ status: 503, body: { code: 503, message: 'down' } });
    expect(a.headers.get('retry-after')).toBe('2');
    expect((await api(fake, token, '/users/me')).status).toBe(503);
    expect((await api(fake, token, '/users/me')).status).toBe(200);
    expect(fake.requests.filter((r) => r.injected === 'fail')).toHaveLength(2);
  });

  it('sends a string body verbatim and does not process the request', async () => {
    const fake = await startFake();
    const before = fake.state.meetings.length;
    fake.knobs.fail({ route: 'meetings.create', status: 500, body: '<html>oops' });
    const res = await fetch(`${fake.url}/v2/users/me/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await s2sToken(fake)}` },
      body: '{}',
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('<html>oops');
    expect(fake.state.meetings.length).toBe(before);
  });

  it('defaults to a Zoom-shaped body', async () => {
    const fake = await startFake();
    fake.knobs.fail({ route: 'oauth.token', status: 500 });
    const res = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: 'x' });
    expect(res).toMatchObject({ status: 500, body: { error: 'server_error' } });
  });
});

describe('drop', () => {
  it('before: the socket dies and nothing is processed', async () => {
    const fake = await startFake();
    const t = await userTokens(fake);
    fake.knobs.drop({ route: 'oauth.token', when: 'before' });
    await expect(tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh })).rejects.toThrow();
    expect(fake.requests.at(-1)).toMatchObject({ route: 'oauth.token', grantType: 'refresh_token', status: 0, injected: 'drop-before' });
    expect((await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh })).status).toBe(200);
  });

  it('after: the refresh token IS rotated, then the response is lost', async () => {
    const fake = await startFake();
    const t = await userTokens(fake);
    fake.knobs.drop({ route: 'oauth.token', when: 'after' });
    await expect(tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh })).rejects.toThrow();
    expect(fake.requests.at(-1)).toMatchObject({ status: 200, injected: 'drop-after' });
    const retry = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh });
    expect(retry).toMatchObject({ status: 400, body: { error: 'invalid_grant', reason: 'Invalid Token!' } });
  });
});

describe('malformed', () => {
  it('answers 200 with truncated JSON, once', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    fake.knobs.malformed({ route: 'users.list' });
    const res = await fetch(`${fake.url}/v2/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect((await api(fake, token, '/users')).status).toBe(200);
  });
});

describe('hold', () => {
  it('requests wait until released', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const hold = fake.knobs.hold('users.get');
    let done = false;
    const pending = api(fake, token, '/users/me').then((r) => {
      done = true;
      return r;
    });
    await hold.whenWaiting(1);
    expect(hold.waiting()).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    hold.release();
    expect((await pending).status).toBe(200);
    expect(hold.waiting()).toBe(0);
    expect((await api(fake, token, '/users/me')).status).toBe(200);
  });

  it('a client that goes away while held is NOT processed and is recorded as aborted', async () => {
    const fake = await startFake();
    const t = await userTokens(fake);
    const hold = fake.knobs.hold('oauth.token');
    const ac = new AbortController();
    const request = fetch(`${fake.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sandbox-oauth-client:sandbox-oauth-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: t.refresh }).toString(),
      signal: ac.signal,
    });
    await hold.whenWaiting(1);
    ac.abort();
    await expect(request).rejects.toThrow();
    await until(() => hold.waiting() === 0);
    const record = fake.requests.at(-1);
    expect(record).toMatchObject({ route: 'oauth.token', grantType: 'refresh_token', aborted: true, status: 0 });
    hold.release();
    expect((await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh })).status).toBe(200);
  });

  it('a client that goes away during latency is not processed either', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const before = fake.state.meetings.length;
    fake.knobs.latency(5000, 'meetings.create');
    const ac = new AbortController();
    const request = fetch(`${fake.url}/v2/users/me/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"topic":"never"}',
      signal: ac.signal,
    });
    await until(() => fake.hits('meetings.create') === 1);
    ac.abort();
    await expect(request).rejects.toThrow();
    await until(() => fake.requests.at(-1)?.aborted === true);
    expect(fake.requests.at(-1)?.status).toBe(0);
    expect(fake.state.meetings.length).toBe(before);
  });
});

describe('counters', () => {
  it('hits per route, totals without admin, token requests per grant, reset', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    await api(fake, token, '/users/me');
    await api(fake, token, '/users/me');
    await api(fake, token, '/users');
    await fetch(`${fake.url}/__fake/hits`);
    expect(fake.hits('users.get')).toBe(2);
    expect(fake.hits('users.list')).toBe(1);
    expect(fake.hits('oauth.token')).toBe(1);
    expect(fake.hits('admin')).toBe(1);
    expect(fake.hits()).toBe(4);
    expect(fake.tokenRequests()).toBe(1);
    expect(fake.tokenRequests('account_credentials')).toBe(1);
    expect(fake.tokenRequests('refresh_token')).toBe(0);
    expect(fake.requests.map((r) => r.route)).toEqual(['oauth.token', 'users.get', 'users.get', 'users.list', 'admin']);
    expect(fake.requests[1]?.at).toBeGreaterThanOrEqual(fake.requests[0]!.at);
    fake.resetCounters();
    expect(fake.hits()).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('knobs.reset clears pending faults and the authorizing user', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    fake.knobs.fail({ route: 'users.get', status: 500, times: 5 });
    fake.knobs.drop({ route: 'users.get', when: 'before' });
    fake.knobs.setAuthorizingUser(fake.state.users[3]!.id);
    fake.knobs.reset();
    expect((await api(fake, token, '/users/me')).status).toBe(200);
    const t = await userTokens(fake);
    expect(fake.state.accessTokens.get(t.access)?.userId).toBe(fake.state.owner.id);
  });
});
