import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors.js';
import { SdkSigner } from '../../src/tokens/sdkSignature.js';
import { manualClock } from '../helpers/stores.js';

const SDK = { key: 'sdk-key-123', secret: 'sdk-secret-with-enough-entropy-0123456789' };
const secret = new TextEncoder().encode(SDK.secret);

async function rejection(p: Promise<unknown>): Promise<{ code: string; argument: unknown }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isGatewayError(err)) throw new Error(`expected a GatewayError, got ${String(err)}`);
  return { code: err.code, argument: err.extensions.argument };
}

describe('Meeting SDK signatures', () => {
  it('verify with the SDK secret and carry exactly the documented claims', async () => {
    const clock = manualClock(Date.UTC(2026, 2, 1, 12, 0, 0, 700));
    const signer = new SdkSigner(SDK, clock);
    const signed = await signer.sign({ meetingNumber: '85746065432', role: 1 });
    expect(decodeProtectedHeader(signed.signature)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(signed.signature, secret, { algorithms: ['HS256'], currentDate: new Date(clock.now()) });
    const iat = Math.floor(clock.now() / 1000) - 30;
    expect(payload).toEqual({ appKey: SDK.key, sdkKey: SDK.key, mn: '85746065432', role: 1, iat, exp: iat + 7200, tokenExp: iat + 7200 });
    expect(Object.keys(payload).sort()).toEqual(['appKey', 'exp', 'iat', 'mn', 'role', 'sdkKey', 'tokenExp']);
    expect(signed).toMatchObject({
      sdkKey: SDK.key,
      meetingNumber: '85746065432',
      role: 1,
      issuedAt: iat * 1000,
      expiresAt: (iat + 7200) * 1000,
    });
  });

  it('does not verify with another secret', async () => {
    const signed = await new SdkSigner(SDK, manualClock()).sign({ meetingNumber: '123456789', role: 0 });
    await expect(jwtVerify(signed.signature, new TextEncoder().encode('another-secret-another-secret-0000'))).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it.each([1800, 7200, 172_800])('accepts a lifetime of %i s (exp − iat)', async (expiresInSeconds) => {
    const clock = manualClock();
    const signed = await new SdkSigner(SDK, clock).sign({ meetingNumber: '1234567890', role: 0, expiresInSeconds });
    const { payload } = await jwtVerify(signed.signature, secret, { currentDate: new Date(clock.now()) });
    expect(payload.exp! - payload.iat!).toBe(expiresInSeconds);
    expect(payload.tokenExp).toBe(payload.exp);
    expect(payload.role).toBe(0);
  });

  it.each([
    ['expiresInSeconds 1799', { expiresInSeconds: 1799 }, 'expiresInSeconds'],
    ['expiresInSeconds 172801', { expiresInSeconds: 172_801 }, 'expiresInSeconds'],
    ['expiresInSeconds 0', { expiresInSeconds: 0 }, 'expiresInSeconds'],
    ['expiresInSeconds -7200', { expiresInSeconds: -7200 }, 'expiresInSeconds'],
    ['expiresInSeconds 1800.5', { expiresInSeconds: 1800.5 }, 'expiresInSeconds'],
    ['role 2', { role: 2 }, 'role'],
    ['role -1', { role: -1 }, 'role'],
    ['an 8-digit meeting number', { meetingNumber: '12345678' }, 'meetingNumber'],
    ['a 12-digit meeting number', { meetingNumber: '123456789012' }, 'meetingNumber'],
    ['a meeting number with letters', { meetingNumber: '12345678a' }, 'meetingNumber'],
    ['an empty meeting number', { meetingNumber: '' }, 'meetingNumber'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, change, argument) => {
    const signer = new SdkSigner(SDK, manualClock());
    const result = await rejection(signer.sign({ meetingNumber: '123456789', role: 0, ...change }));
    expect(result).toEqual({ code: 'BAD_USER_INPUT', argument });
  });
});
