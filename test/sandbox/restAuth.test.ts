import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, s2sToken, startFake } from './helpers.js';

describe('bearer tokens on /v2', () => {
  it('401/124 for a missing or unknown token, with a tracking id', async () => {
    const fake = await startFake();
    const missing = await api(fake, undefined, '/users/me');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ code: 124, message: 'Invalid access token.' });
    expect(missing.headers.get('x-zm-trackingid')).toMatch(/^v=2\.0;clid=us05;rid=WEB_[0-9a-f]{32}$/);
    const unknown = await api(fake, 'not-a-token', '/users/me');
    expect(unknown).toMatchObject({ status: 401, body: { code: 124, message: 'Invalid access token.' } });
    expect(fake.requests.at(-1)).toMatchObject({ tokenKind: 'invalid', accessToken: 'not-a-token', status: 401 });
  });

  it('401/124 "Access token is expired." once the fake clock passes expires_in', async () => {
    const fake = await startFake();
    fake.clock.freeze();
    const token = await s2sToken(fake);
    fake.clock.advance(3598_999);
    expect((await api(fake, token, '/users/me')).status).toBe(200);
    fake.clock.advance(1);
    expect(await api(fake, token, '/users/me')).toMatchObject({ status: 401, body: { code: 124, message: 'Access token is expired.' } });
  });

  it('knobs.expireAccessTokens expires every issued token but not later ones', async () => {
    const fake = await startFake();
    const before = await s2sToken(fake);
    fake.knobs.expireAccessTokens();
    expect((await api(fake, before, '/users/me')).body).toEqual({ code: 124, message: 'Access token is expired.' });
    const after = await s2sToken(fake);
    expect((await api(fake, after, '/users/me')).status).toBe(200);
  });

  it('refuses a token in the query string even when it is valid', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const res = await api(fake, undefined, `/users/me?access_token=${token}`);
    expect(res).toMatchObject({
      status: 401,
      body: { code: 124, message: 'Invalid access token, this access token is not supported as query parameter string.' },
    });
  });

  it('records token kind and user of each request', async () => {
    const fake = await startFake();
    const s2s = await s2sToken(fake);
    const member = fake.state.users[2]!;
    const { accessToken } = fake.state.issueUserToken(member.id);
    await api(fake, s2s, '/users/me');
    await api(fake, accessToken, '/users/me');
    const [a, b] = fake.requests.filter((r) => r.route === 'users.get');
    expect(a).toMatchObject({ tokenKind: 's2s', accessToken: s2s, path: '/v2/users/me' });
    expect(a?.tokenUserId).toBeUndefined();
    expect(b).toMatchObject({ tokenKind: 'user', tokenUserId: member.id, accessToken });
  });
});

describe('`me` and whose data a token may touch', () => {
  it('user token: me, own id and own email work; another user is 403', async () => {
    const fake = await startFake();
    const member = fake.state.users[2]!;
    const { accessToken } = fake.state.issueUserToken(member.id);
    for (const who of ['me', member.id, member.email.toUpperCase()]) {
      const res = await api(fake, accessToken, `/users/${encodeURIComponent(who)}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(member.id);
    }
    const other = await api(fake, accessToken, `/users/${fake.state.owner.id}`);
    expect(other).toMatchObject({ status: 403, body: { code: 4711 } });
    expect(String(other.body.message)).toContain('not permitted access to the targeted resource');
  });

  it('S2S token: me is the account owner', async () => {
    const fake = await startFake();
    const res = await api(fake, await s2sToken(fake), '/users/me');
    expect(res.body).toMatchObject({ id: fake.state.owner.id, role_id: '0' });
  });
});

describe('legacy JWT apps', () => {
  const sign = (payload: object, secret: string): string => {
    const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
  };

  it('are refused by default (retired in 2023) and recorded as legacy', async () => {
    const fake = await startFake();
    const jwt = sign({ iss: 'key', exp: Math.floor(Date.now() / 1000) + 60 }, 'secret');
    expect((await api(fake, jwt, '/users/me')).status).toBe(401);
    expect(fake.requests.at(-1)?.tokenKind).toBe('legacy');
  });

  it('work as account-level tokens when configured, until exp', async () => {
    const fake = await startFake({ legacyJwtApps: [{ apiKey: 'key', apiSecret: 'secret' }] });
    const jwt = sign({ iss: 'key', exp: Math.floor(Date.now() / 1000) + 60 }, 'secret');
    expect((await api(fake, jwt, '/users/me')).body.id).toBe(fake.state.owner.id);
    expect((await api(fake, sign({ iss: 'key', exp: 1 }, 'secret'), '/users/me')).body.message).toBe('Access token is expired.');
    expect((await api(fake, sign({ iss: 'key', exp: 9e9 }, 'wrong'), '/users/me')).status).toBe(401);
  });
});
