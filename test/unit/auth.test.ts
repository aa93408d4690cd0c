import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from 'pino';
import { ApiKeyAuthenticator } from '../../src/auth/apiKeyAuthenticator.js';
import { principalFromClaims } from '../../src/auth/claims.js';
import { JwtAuthenticator } from '../../src/auth/jwtAuthenticator.js';
import { GatewayError } from '../../src/errors.js';
import { OAuthEndpoints } from '../../src/http/oauthEndpoints.js';
import { signHs256, startJwksServer, JWKS_AUDIENCE, JWKS_ISSUER, type JwksServer } from '../helpers/jwks.js';
import { manualClock, silent } from '../helpers/stores.js';

const SECRET = 'unit-test-secret-unit-test-secret-0123';
const clock = manualClock(Date.UTC(2026, 0, 1));

async function rejection(p: Promise<unknown>): Promise<GatewayError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GatewayError);
  expect((err as GatewayError).code).toBe('UNAUTHENTICATED');
  return err as GatewayError;
}

describe('claims → principal', () => {
  it('maps sub, zoom_user_id, email and roles; absent roles mean user; unknown roles are ignored', () => {
    expect(principalFromClaims({ sub: 'a', zoom_user_id: 'Z1', email: 'a@x.test', roles: ['admin', 'root'] })).toEqual({
      id: 'a',
      zoomUserId: 'Z1',
      email: 'a@x.test',
      roles: ['admin'],
    });
    expect(principalFromClaims({ sub: 'b' })).toEqual({ id: 'b', roles: ['user'] });
    expect(principalFromClaims({ sub: 'c', roles: ['superuser'] }).roles).toEqual(['user']);
  });

  it.each([
    ['no sub', { roles: ['admin'] }, /"sub"/],
    ['roles as a string', { sub: 'a', roles: 'admin' }, /"roles"/],
    ['zoom_user_id as a number', { sub: 'a', zoom_user_id: 7 }, /"zoom_user_id"/],
  ])('%s → UNAUTHENTICATED', (_name, claims, message) => {
    expect(() => principalFromClaims(claims)).toThrow(message);
  });
});

describe('JwtAuthenticator (HS256)', () => {
  const auth = new JwtAuthenticator({ secret: SECRET, issuer: 'iss-1', audience: 'aud-1', clock, logger: silent });
  const sign = (
    claims: Record<string, unknown>,
    o: { now?: number; expiresInSeconds?: number; issuer?: string; audience?: string; secret?: string } = {},
  ) =>
    signHs256(o.secret ?? SECRET, claims, {
      now: o.now ?? clock.now(),
      expiresInSeconds: o.expiresInSeconds,
      issuer: o.issuer ?? 'iss-1',
      audience: o.audience ?? 'aud-1',
    });
  const headers = (token: string) => ({ authorization: `Bearer ${token}` });

  it('accepts a valid token and returns its principal', async () => {
    await expect(auth.authenticate(headers(await sign({ sub: 'svc', roles: ['admin'] })))).resolves.toEqual({
      id: 'svc',
      roles: ['admin'],
      expiresAt: clock.now() + 86_400_000,
    });
  });

  it('tolerates 30 s of clock skew on exp, not 60 s', async () => {
    const token = await sign({ sub: 'svc' }, { now: clock.now() - 3_620_000, expiresInSeconds: 3600 }); // expired 20 s ago
    await expect(auth.authenticate(headers(token))).resolves.toMatchObject({ id: 'svc' });
    const old = await sign({ sub: 'svc' }, { now: clock.now() - 3_660_000, expiresInSeconds: 3600 }); // 60 s ago
    expect((await rejection(auth.authenticate(headers(old)))).message).toMatch(/expired/);
  });

  it.each([
    ['missing header', async () => ({}), /Authorization: Bearer/],
    ['x-api-key instead of a JWT', async () => ({ 'x-api-key': 'k' }), /Authorization: Bearer/],
    ['wrong secret', async () => headers(await sign({ sub: 'a' }, { secret: 'another-secret-another-secret-0123' })), /signature/],
    ['wrong issuer', async () => headers(await sign({ sub: 'a' }, { issuer: 'evil' })), /"iss"/],
    ['wrong audience', async () => headers(await sign({ sub: 'a' }, { audience: 'evil' })), /"aud"/],
    ['no exp claim (a token that never expires)', async () => headers(await unsignedExp()), /"exp"/],
    ['alg none', async () => headers(`${b64({ alg: 'none' })}.${b64({ sub: 'a', exp: 9e9 })}.`), /algorithm|well-formed/],
    ['garbage', async () => headers('abc.def.ghi'), /well-formed/],
  ])('%s → UNAUTHENTICATED', async (_name, make, message) => {
    expect((await rejection(auth.authenticate(await make()))).message).toMatch(message);
  });
});

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
async function unsignedExp(): Promise<string> {
  const { SignJWT } = await import('jose');
  return new SignJWT({ sub: 'a' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('iss-1')
    .setAudience('aud-1')
    .sign(new TextEncoder().encode(SECRET));
}

describe('JwtAuthenticator (remote JWKS over HTTP)', () => {
  let jwks: JwksServer;
  beforeAll(async () => (jwks = await startJwksServer()));
  afterAll(() => jwks.close());

  it('verifies RS256 tokens, caches the key set, and maps jose failures by code', async () => {
    const warn = vi.fn();
    const logger = { warn } as unknown as Logger;
    const auth = new JwtAuthenticator({ jwksUrl: jwks.url, issuer: JWKS_ISSUER, audience: JWKS_AUDIENCE, clock, logger });
    const before = jwks.hits();
    for (let i = 0; i < 10; i++) {
      await expect(
        auth.authenticate({ authorization: `Bearer ${await jwks.sign({ sub: `s${i}` }, { now: clock.now() })}` }),
      ).resolves.toMatchObject({ id: `s${i}` });
    }
    expect(jwks.hits() - before).toBe(1);
    const expired = await jwks.sign({ sub: 'a' }, { now: clock.now() - 7_200_000 });
    expect((await rejection(auth.authenticate({ authorization: `Bearer ${expired}` }))).message).toMatch(/expired/);
    const hs = await signHs256(SECRET, { sub: 'a' }, { now: clock.now(), issuer: JWKS_ISSUER, audience: JWKS_AUDIENCE });
    expect((await rejection(auth.authenticate({ authorization: `Bearer ${hs}` }))).message).toMatch(/algorithm/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('an unreachable key set → UNAUTHENTICATED that says so, logged as a warning', async () => {
    const warn = vi.fn();
    const auth = new JwtAuthenticator({ jwksUrl: 'http://127.0.0.1:1/jwks.json', clock, logger: { warn } as unknown as Logger });
    const token = await jwks.sign({ sub: 'a' }, { now: clock.now() });
    expect((await rejection(auth.authenticate({ authorization: `Bearer ${token}` }))).message).toMatch(/key set is unavailable/);
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('ApiKeyAuthenticator', () => {
  const sha = (k: string) => createHash('sha256').update(k).digest('hex');
  const auth = new ApiKeyAuthenticator([
    { name: 'ops', sha256: sha('ops-key'), role: 'admin' },
    { name: 'alice', sha256: sha('alice-key'), role: 'user', zoomUser: 'alice@example.com' },
    { name: 'bob', sha256: sha('bob-key'), role: 'user', zoomUser: 'KDcuGIm1QgePTO8WbOqwIQ' },
  ]);

  it('accepts Bearer and x-api-key and maps the Zoom user to an email or an id', async () => {
    await expect(auth.authenticate({ authorization: 'Bearer ops-key' })).resolves.toEqual({ id: 'ops', roles: ['admin'] });
    await expect(auth.authenticate({ 'x-api-key': 'alice-key' })).resolves.toEqual({
      id: 'alice',
      roles: ['user'],
      email: 'alice@example.com',
    });
    await expect(auth.authenticate({ 'x-api-key': 'bob-key' })).resolves.toEqual({
      id: 'bob',
      roles: ['user'],
      zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
    });
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { 'x-api-key': 'ops-key ' + 'x' }],
    ['the hash instead of the key', { authorization: `Bearer ${sha('ops-key')}` }],
    ['a Basic header', { authorization: 'Basic b3BzLWtleQ==' }],
  ])('%s → UNAUTHENTICATED', async (_name, headers) => {
    await rejection(auth.authenticate(headers));
  });
});

describe('OAuthEndpoints', () => {
  it('derives the install URL from the redirect URI, keeping a path prefix; in sandbox from the listen address', () => {
    expect(new OAuthEndpoints('https://gw.example.com/zoom/oauth/callback').installUrl()).toBe('https://gw.example.com/zoom/oauth/install');
    const sandbox = new OAuthEndpoints(null);
    expect(sandbox.redirectUri()).toBeUndefined();
    sandbox.setListenUrl('http://127.0.0.1:4000');
    expect(sandbox.redirectUri()).toBe('http://127.0.0.1:4000/oauth/callback');
    expect(sandbox.installUrl()).toBe('http://127.0.0.1:4000/oauth/install');
  });
});
