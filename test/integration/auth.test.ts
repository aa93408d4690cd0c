import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { JWKS_AUDIENCE, JWKS_ISSUER, signHs256, startJwksServer, type JwksServer } from '../helpers/jwks.js';
import { JWT_SECRET, USER_OAUTH_ENV, bearer, member } from '../helpers/userOAuth.js';

const ME = '{ me { id } }';
const { track } = stopAfterEach();
const jwks: JwksServer[] = [];
afterEach(async () => {
  await Promise.all(jwks.splice(0).map((j) => j.close()));
});

describe('GATEWAY_AUTH=jwt with a shared secret', () => {
  const bad: Array<[string, (now: number) => Promise<Record<string, string>>, RegExp]> = [
    ['no Authorization header', async () => ({}), /Authorization: Bearer/],
    ['a non-bearer scheme', async () => ({ authorization: 'Basic dXNlcjpwdw==' }), /Authorization: Bearer/],
    ['not a JWT', async () => ({ authorization: 'Bearer not-a-jwt' }), /well-formed/],
    [
      'an expired token',
      async (now) => ({
        authorization: `Bearer ${await signHs256(JWT_SECRET, { sub: 'a' }, { now: now - 7_200_000, expiresInSeconds: 3600, issuer: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER, audience: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE })}`,
      }),
      /expired/,
    ],
    [
      'another secret',
      async (now) => ({
        authorization: `Bearer ${await signHs256('x'.repeat(40), { sub: 'a' }, { now, issuer: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER, audience: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE })}`,
      }),
      /signature/,
    ],
    [
      'a wrong issuer',
      async (now) => ({
        authorization: `Bearer ${await signHs256(JWT_SECRET, { sub: 'a' }, { now, issuer: 'https://evil.test', audience: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE })}`,
      }),
      /"iss"/,
    ],
    [
      'a wrong audience',
      async (now) => ({
        authorization: `Bearer ${await signHs256(JWT_SECRET, { sub: 'a' }, { now, issuer: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER, audience: 'other-api' })}`,
      }),
      /"aud"/,
    ],
    [
      'no sub claim',
      async (now) => ({
        authorization: `Bearer ${await signHs256(JWT_SECRET, {}, { now, issuer: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER, audience: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE })}`,
      }),
      /"sub"/,
    ],
  ];
  it.each(bad)('%s → HTTP 401 UNAUTHENTICATED, no Zoom call', async (_name, headers, message) => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const r = await h.gql(ME, {}, await headers(h.fake.clock.now()));
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(h.fake.hits()).toBe(0);
  });

  it('a valid token reaches Zoom as its own Zoom user', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    const r = await h.gql<{ me: { id: string } }>(ME, {}, await bearer(h.fake, { sub: 'alice', zoom_user_id: user.id }));
    expect(r.status).toBe(200);
    expect(r.data?.me.id).toBe(user.id);
  });

  it('a user-role caller listing users → FORBIDDEN, an admin → the list', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = await h.gql('{ users(first: 1) { totalCount } }', {}, await bearer(h.fake, { sub: 'u', roles: ['user'] }));
    expect(user.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(h.fake.hits()).toBe(0);
    const admin = await h.gql('{ users(first: 1) { totalCount } }', {}, await bearer(h.fake, { sub: 'a', roles: ['admin'] }));
    expect(admin.errors).toBeUndefined();
  });
});

describe('GATEWAY_AUTH=jwt with a remote JWKS', () => {
  it('verifies RS256 tokens against the key set, fetching it once for many requests', async () => {
    const j = await startJwksServer();
    jwks.push(j);
    const env = { GATEWAY_AUTH: 'jwt', GATEWAY_JWKS_URL: j.url, GATEWAY_JWT_ISSUER: JWKS_ISSUER, GATEWAY_JWT_AUDIENCE: JWKS_AUDIENCE };
    const h = track(await startHarness({ env }));
    const token = await j.sign({ sub: 'svc', roles: ['admin'] }, { now: h.fake.clock.now() });
    const results = await Promise.all(Array.from({ length: 20 }, () => h.gql(ME, {}, { authorization: `Bearer ${token}` })));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    expect(j.hits()).toBe(1);

    const unknownKid = await j.sign({ sub: 'svc' }, { now: h.fake.clock.now(), kid: 'rotated-away' });
    const r = await h.gql(ME, {}, { authorization: `Bearer ${unknownKid}` });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.message).toMatch(/kid/);

    // An HS256 token signed with the public key's bytes or any secret is refused: only asymmetric algorithms are accepted.
    const hs = await signHs256('y'.repeat(40), { sub: 'svc' }, { now: h.fake.clock.now(), issuer: JWKS_ISSUER, audience: JWKS_AUDIENCE });
    const refused = await h.gql(ME, {}, { authorization: `Bearer ${hs}` });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/algorithm/);
  });

  it('a key set that cannot be fetched → 401 UNAUTHENTICATED saying so, and a warning in the log', async () => {
    const j = await startJwksServer();
    jwks.push(j);
    j.failWith(503);
    const env = { GATEWAY_AUTH: 'jwt', GATEWAY_JWKS_URL: j.url, GATEWAY_JWT_ISSUER: JWKS_ISSUER, GATEWAY_JWT_AUDIENCE: JWKS_AUDIENCE };
    const h = track(await startHarness({ env }));
    const token = await j.sign({ sub: 'svc' }, { now: h.fake.clock.now() });
    const r = await h.gql(ME, {}, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.message).toMatch(/key set is unavailable/);
    expect(h.logs.some((l) => l.includes('key set unavailable'))).toBe(true);
    expect(h.fake.hits()).toBe(0);
  });
});

describe('GATEWAY_AUTH=apikey', () => {
  const adminKey = 'admin-key-0123456789abcdef';
  const userKey = 'user-key-0123456789abcdef';
  const sha = (k: string) => createHash('sha256').update(k).digest('hex');

  it('accepts Authorization: Bearer and x-api-key, refuses unknown keys with 401, and scopes the user key to itself', async () => {
    const probe = track(await startHarness());
    const alice = member(probe.fake);
    const other = member(probe.fake, 1);
    const env = { GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `ops:${sha(adminKey)}:admin,alice:${sha(userKey)}:user:${alice.email}` };
    const h = track(await startHarness({ env, fake: probe.fake }));

    expect((await h.gql('{ users(first: 1) { totalCount } }', {}, { authorization: `Bearer ${adminKey}` })).errors).toBeUndefined();
    const me = await h.gql<{ me: { id: string } }>(ME, {}, { 'x-api-key': userKey });
    expect(me.data?.me.id).toBe(alice.id);
    const path = probe.fake.requests.filter((r) => r.route === 'users.get').at(-1)?.path;
    expect(path).toBe(`/v2/users/${encodeURIComponent(alice.email)}`);

    probe.fake.resetCounters();
    const forbidden = await h.gql(`query($id: ID!) { user(id: $id) { id } }`, { id: other.id }, { 'x-api-key': userKey });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused: Array<Record<string, string>> = [{ 'x-api-key': 'wrong' }, { authorization: `Bearer ${adminKey}x` }, {}];
    for (const headers of refused) {
      const r = await h.gql(ME, {}, headers);
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(probe.fake.hits()).toBe(0);
  });
});

describe('GATEWAY_AUTH=none', () => {
  it('is refused at start when NODE_ENV=production', () => {
    const env = {
      NODE_ENV: 'production',
      GATEWAY_AUTH: 'none',
      ZOOM_ACCOUNT_ID: 'a',
      ZOOM_CLIENT_ID: 'b',
      ZOOM_CLIENT_SECRET: 'c',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64url'),
    };
    const error = (() => {
      try {
        loadConfig(env);
        return undefined;
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['GATEWAY_AUTH: "none" is refused when NODE_ENV=production']);
    expect(() => loadConfig({ ...env, GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: 'z'.repeat(32) })).not.toThrow();
  });
});
