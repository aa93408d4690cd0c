import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors.js';
import { VideoSdkSigner, type VideoSdkTokenRequest } from '../../src/tokens/videoSdkToken.js';
import { configProblems } from '../helpers/config.js';
import { manualClock } from '../helpers/stores.js';

const APP = { key: 'video-sdk-key-123', secret: 'video-sdk-secret-with-enough-entropy-0123' };
const secret = new TextEncoder().encode(APP.secret);
const BASE: VideoSdkTokenRequest = { sessionName: 'Weekly sync', role: 0 };

async function rejection(p: Promise<unknown>): Promise<{ code: string; argument: unknown }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isGatewayError(err)) throw new Error(`expected a GatewayError, got ${String(err)}`);
  return { code: err.code, argument: err.extensions.argument };
}

describe('Video SDK tokens', () => {
  it('verify with the Video SDK secret and carry exactly the documented claims', async () => {
    const clock = manualClock(Date.UTC(2026, 2, 1, 12, 0, 0, 700));
    const signed = await new VideoSdkSigner(APP, clock).sign({
      sessionName: 'Room #1 (ops)',
      role: 1,
      userIdentity: 'alice',
      sessionKey: 'k-42',
    });
    expect(decodeProtectedHeader(signed.token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(signed.token, secret, { algorithms: ['HS256'], currentDate: new Date(clock.now()) });
    // iat is backdated 30 s against clock skew; the default lifetime is 2 h.
    const iat = Math.floor(clock.now() / 1000) - 30;
    expect(payload).toEqual({
      app_key: APP.key,
      tpc: 'Room #1 (ops)',
      role_type: 1,
      version: 1,
      user_identity: 'alice',
      session_key: 'k-42',
      iat,
      exp: iat + 7200,
    });
    expect(signed).toEqual({ token: signed.token, issuedAt: iat * 1000, expiresAt: (iat + 7200) * 1000 });
  });

  it('leaves out user_identity and session_key when not given; a participant is role_type 0', async () => {
    const clock = manualClock();
    const signed = await new VideoSdkSigner(APP, clock).sign(BASE);
    const { payload } = await jwtVerify(signed.token, secret, { currentDate: new Date(clock.now()) });
    expect(Object.keys(payload).sort()).toEqual(['app_key', 'exp', 'iat', 'role_type', 'tpc', 'version']);
    expect(payload.role_type).toBe(0);
  });

  it('does not verify with another secret', async () => {
    const signed = await new VideoSdkSigner(APP, manualClock()).sign(BASE);
    await expect(jwtVerify(signed.token, new TextEncoder().encode('another-secret-another-secret-0000'))).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it.each([1800, 7200, 172_800])('accepts a lifetime of %i s (exp − iat)', async (expiresInSeconds) => {
    const clock = manualClock();
    const signed = await new VideoSdkSigner(APP, clock).sign({ ...BASE, expiresInSeconds });
    const { payload } = await jwtVerify(signed.token, secret, { currentDate: new Date(clock.now()) });
    expect(payload.exp! - payload.iat!).toBe(expiresInSeconds);
  });

  it('accepts the longest values Zoom documents: a 200-character session name, 35-character identity, 36-character key', async () => {
    const clock = manualClock();
    const long = { sessionName: 'a'.repeat(200), role: 0, userIdentity: 'u'.repeat(35), sessionKey: 'k'.repeat(36) };
    const { payload } = await jwtVerify((await new VideoSdkSigner(APP, clock).sign(long)).token, secret, {
      currentDate: new Date(clock.now()),
    });
    expect(payload).toMatchObject({ tpc: long.sessionName, user_identity: long.userIdentity, session_key: long.sessionKey });
  });

  it.each([
    ['expiresInSeconds 1799', { expiresInSeconds: 1799 }, 'expiresIn'],
    ['expiresInSeconds 172801', { expiresInSeconds: 172_801 }, 'expiresIn'],
    ['expiresInSeconds 0', { expiresInSeconds: 0 }, 'expiresIn'],
    ['expiresInSeconds 1800.5', { expiresInSeconds: 1800.5 }, 'expiresIn'],
    ['role 2', { role: 2 }, 'role'],
    ['role -1', { role: -1 }, 'role'],
    ['an empty session name', { sessionName: '' }, 'sessionName'],
    ['a session name of spaces', { sessionName: '   ' }, 'sessionName'],
    ['a 201-character session name', { sessionName: 'a'.repeat(201) }, 'sessionName'],
    ['a session name with a slash', { sessionName: 'a/b' }, 'sessionName'],
    ['a session name with a quote', { sessionName: 'say "hi"' }, 'sessionName'],
    ['a session name with a newline', { sessionName: 'a\nb' }, 'sessionName'],
    ['a session name with non-ASCII letters', { sessionName: 'réunion' }, 'sessionName'],
    ['a 36-character userIdentity', { userIdentity: 'u'.repeat(36) }, 'userIdentity'],
    ['an empty userIdentity', { userIdentity: '' }, 'userIdentity'],
    ['a userIdentity with a control character', { userIdentity: 'a\u0000b' }, 'userIdentity'],
    ['a 37-character sessionKey', { sessionKey: 'k'.repeat(37) }, 'sessionKey'],
    ['an empty sessionKey', { sessionKey: '' }, 'sessionKey'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, change, argument) => {
    const result = await rejection(new VideoSdkSigner(APP, manualClock()).sign({ ...BASE, ...change }));
    expect(result).toEqual({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('Video SDK configuration', () => {
  const base = { ZOOM_SANDBOX: '1' };
  it('is off unless both ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET are set, and half of the pair is named as a mistake', () => {
    expect(configProblems(base)).toEqual([]);
    expect(configProblems({ ...base, ZOOM_VIDEO_SDK_KEY: 'k', ZOOM_VIDEO_SDK_SECRET: 's' })).toEqual([]);
    expect(configProblems({ ...base, ZOOM_VIDEO_SDK_KEY: 'k' })).toEqual([
      expect.stringMatching(/^ZOOM_VIDEO_SDK_SECRET: required for Video SDK/),
    ]);
    expect(configProblems({ ...base, ZOOM_VIDEO_SDK_SECRET: 's' })).toEqual([
      expect.stringMatching(/^ZOOM_VIDEO_SDK_KEY: required for Video SDK/),
    ]);
  });
});
