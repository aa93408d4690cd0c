import { print } from 'graphql';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { USER_OAUTH_ENV, bearer } from '../helpers/userOAuth.js';
import { VideoSdkTokenDocument, type VideoSdkTokenMutation, type VideoSdkTokenMutationVariables } from '../operations/generated/graphql.js';

const VIDEO = { ZOOM_VIDEO_SDK_KEY: 'video-key-xyz', ZOOM_VIDEO_SDK_SECRET: 'video-secret-abcdefghijklmnopqrstuvwxyz' };
const JWT_CALLERS = {
  GATEWAY_AUTH: 'jwt',
  GATEWAY_JWT_SECRET: USER_OAUTH_ENV.GATEWAY_JWT_SECRET!,
  GATEWAY_JWT_ISSUER: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER!,
  GATEWAY_JWT_AUDIENCE: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE!,
};
const SIGN = print(VideoSdkTokenDocument);
const secret = new TextEncoder().encode(VIDEO.ZOOM_VIDEO_SDK_SECRET);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { ...VIDEO, ...JWT_CALLERS } });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

const admin = () => bearer(h.fake, { sub: 'session-service', roles: ['admin'] });
const user = () => bearer(h.fake, { sub: 'alice', email: 'alice@example.test', roles: ['user'] });
const sign = async (variables: VideoSdkTokenMutationVariables, headers: Record<string, string>) =>
  h.gql<VideoSdkTokenMutation>(SIGN, variables, headers);

async function claimsOf(token: string) {
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  return (await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(h.fake.clock.now()) })).payload;
}

describe('videoSdkToken over HTTP', () => {
  it('an admin signs HOST with every claim Zoom documents; verified with jose; no Zoom call', async () => {
    const r = await sign(
      { sessionName: 'Support room 7', role: 'HOST', userIdentity: 'agent-12', sessionKey: 'ticket-4411', expiresIn: 3600 },
      await admin(),
    );
    expect(r.errors).toBeUndefined();
    const { token, expiresAt } = r.data!.videoSdkToken!;
    const payload = await claimsOf(token);
    expect(Object.keys(payload).sort()).toEqual(['app_key', 'exp', 'iat', 'role_type', 'session_key', 'tpc', 'user_identity', 'version']);
    expect(payload).toMatchObject({
      app_key: VIDEO.ZOOM_VIDEO_SDK_KEY,
      tpc: 'Support room 7',
      role_type: 1,
      version: 1,
      user_identity: 'agent-12',
      session_key: 'ticket-4411',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    const nowS = Math.floor(h.fake.clock.now() / 1000);
    expect(nowS - payload.iat!).toBeGreaterThanOrEqual(30);
    expect(nowS - payload.iat!).toBeLessThanOrEqual(32);
    expect(Date.parse(expiresAt)).toBe(payload.exp! * 1000);
    expect(h.fake.hits()).toBe(0);
  });

  it('a user-role caller gets a PARTICIPANT token (the default role, 2 h), naming itself or no one', async () => {
    const headers = await user();
    const plain = await sign({ sessionName: 'Support room 7' }, headers);
    const nullRole = await sign({ sessionName: 'Support room 7', role: null }, headers);
    expect((await claimsOf(nullRole.data!.videoSdkToken!.token)).role_type).toBe(0);
    expect(plain.errors).toBeUndefined();
    const p = await claimsOf(plain.data!.videoSdkToken!.token);
    expect(p).toMatchObject({ role_type: 0, tpc: 'Support room 7' });
    expect(p.exp! - p.iat!).toBe(7200);
    expect(p).not.toHaveProperty('user_identity');
    for (const self of ['alice', 'alice@example.test']) {
      const named = await sign({ sessionName: 'Support room 7', role: 'PARTICIPANT', userIdentity: self }, headers);
      expect(named.errors, self).toBeUndefined();
      expect((await claimsOf(named.data!.videoSdkToken!.token)).user_identity).toBe(self);
    }
  });

  it('a user-role caller is FORBIDDEN to sign HOST or to name someone else, before anything is signed', async () => {
    const headers = await user();
    const host = await sign({ sessionName: 'Support room 7', role: 'HOST' }, headers);
    expect(host.data?.videoSdkToken ?? null).toBeNull();
    expect(host.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const other of ['bob', 'bob@example.test', 'me', 'session-service']) {
      const r = await sign({ sessionName: 'Support room 7', userIdentity: other }, headers);
      expect(r.data?.videoSdkToken ?? null, other).toBeNull();
      expect(r.errors?.[0]?.extensions?.code, other).toBe('FORBIDDEN');
    }
    expect(h.fake.hits()).toBe(0);
  });

  it('an unauthenticated caller gets 401 and no token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }] as Array<Record<string, string>>) {
      const r = await sign({ sessionName: 'Support room 7' }, headers);
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(r)).not.toContain('eyJ');
    }
  });

  it.each([
    ['expiresIn 1799', { expiresIn: 1799 }],
    ['expiresIn 172801', { expiresIn: 172_801 }],
    ['expiresIn beyond 32 bits', { expiresIn: 2 ** 31 }],
    ['expiresIn as a fraction', { expiresIn: 3600.5 }],
    ['role 1 as a number', { role: 1 }],
    ['role ATTENDEE', { role: 'ATTENDEE' }],
    ['an empty session name', { sessionName: '' }],
    ['a 201-character session name', { sessionName: 's'.repeat(201) }],
    ['a 100,000-character session name', { sessionName: 's'.repeat(100_000) }],
    ['a session name with a slash', { sessionName: 'team/room' }],
    ['a session name as a number', { sessionName: 12345 }],
    ['a 36-character userIdentity', { userIdentity: 'u'.repeat(36) }],
    ['a 37-character sessionKey', { sessionKey: 'k'.repeat(37) }],
    ['a sessionKey as a list', { sessionKey: ['a', 'b'] }],
  ])('%s → BAD_USER_INPUT (or a GraphQL validation error), no token', async (_name, change) => {
    const r = await h.gql(SIGN, { sessionName: 'Support room 7', ...change }, await admin());
    expect(r.data?.videoSdkToken ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(r.errors?.[0]?.extensions?.code);
    expect(JSON.stringify(r)).not.toContain('eyJ');
  });
});

describe('videoSdkToken without a Video SDK app', () => {
  const { track } = stopAfterEach();
  it('answers FORBIDDEN naming the missing configuration, and the credentials query says it is off', async () => {
    const off = track(await startHarness({}));
    const r = await off.gql(SIGN, { sessionName: 'Support room 7' });
    expect(r.data?.videoSdkToken ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'VIDEO_SDK_NOT_CONFIGURED' });
    expect(r.errors?.[0]?.message).toContain('ZOOM_VIDEO_SDK_KEY');
    const c = await off.gql<{ credentials: { videoSdk: boolean } }>('{ credentials { videoSdk } }');
    expect(c.data?.credentials.videoSdk).toBe(false);
  });
});
