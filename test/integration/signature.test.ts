import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

const SDK = { ZOOM_SDK_KEY: 'sdk-key-xyz', ZOOM_SDK_SECRET: 'sdk-secret-abcdefghijklmnopqrstuvwxyz' };
const SIGN = /* GraphQL */ `
  mutation ($mn: ID!, $role: MeetingRole!, $exp: Int) {
    meetingSdkSignature(meetingNumber: $mn, role: $role, expiresInSeconds: $exp) {
      signature
      sdkKey
      meetingNumber
      role
      issuedAt
      expiresAt
    }
  }
`;
interface Signed {
  signature: string;
  sdkKey: string;
  meetingNumber: string;
  role: string;
  issuedAt: string;
  expiresAt: string;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: SDK });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

describe('meetingSdkSignature over HTTP', () => {
  it.each([
    ['PARTICIPANT', 0, undefined, 7200],
    ['HOST', 1, 1800, 1800],
    ['HOST', 1, 172_800, 172_800],
  ])(
    '%s with expiresInSeconds %s verifies with the SDK secret and carries exactly the documented claims',
    async (role, roleClaim, exp, lifetime) => {
      const mn = '85746065432';
      const r = await h.gql<{ meetingSdkSignature: Signed }>(SIGN, { mn, role, exp });
      expect(r.errors).toBeUndefined();
      const s = r.data!.meetingSdkSignature;
      expect(decodeProtectedHeader(s.signature)).toEqual({ alg: 'HS256', typ: 'JWT' });
      const { payload } = await jwtVerify(s.signature, new TextEncoder().encode(SDK.ZOOM_SDK_SECRET), {
        currentDate: new Date(h.fake.clock.now()),
      });
      expect(Object.keys(payload).sort()).toEqual(['appKey', 'exp', 'iat', 'mn', 'role', 'sdkKey', 'tokenExp']);
      expect(payload).toMatchObject({ appKey: SDK.ZOOM_SDK_KEY, sdkKey: SDK.ZOOM_SDK_KEY, mn, role: roleClaim, tokenExp: payload.exp });
      expect(payload.exp! - payload.iat!).toBe(lifetime);
      // iat is backdated 30 s against clock skew.
      const nowS = Math.floor(h.fake.clock.now() / 1000);
      expect(nowS - payload.iat!).toBeGreaterThanOrEqual(30);
      expect(nowS - payload.iat!).toBeLessThanOrEqual(32);
      expect(s).toMatchObject({ sdkKey: SDK.ZOOM_SDK_KEY, meetingNumber: mn, role });
      expect(Date.parse(s.issuedAt)).toBe(payload.iat! * 1000);
      expect(Date.parse(s.expiresAt)).toBe(payload.exp! * 1000);
      // An admin (GATEWAY_AUTH=none) may sign HOST without a look-up: no Zoom call at all.
      expect(h.fake.hits()).toBe(0);
    },
  );

  it.each([
    ['expiresInSeconds 1799', { mn: '123456789', role: 'PARTICIPANT', exp: 1799 }],
    ['expiresInSeconds 172801', { mn: '123456789', role: 'PARTICIPANT', exp: 172_801 }],
    ['expiresInSeconds 0', { mn: '123456789', role: 'PARTICIPANT', exp: 0 }],
    ['expiresInSeconds -1', { mn: '123456789', role: 'HOST', exp: -1 }],
    ['expiresInSeconds beyond 32 bits', { mn: '123456789', role: 'HOST', exp: 2 ** 31 }],
    ['expiresInSeconds as a fraction', { mn: '123456789', role: 'HOST', exp: 3600.5 }],
    ['role 1 as a number', { mn: '123456789', role: 1 }],
    ['role ATTENDEE', { mn: '123456789', role: 'ATTENDEE' }],
    ['an 8-digit meeting number', { mn: '12345678', role: 'PARTICIPANT' }],
    ['a 12-digit meeting number', { mn: '123456789012', role: 'PARTICIPANT' }],
    ['a meeting UUID as meeting number', { mn: 'aDYlohsHRtCd4ii1uC2+hA==', role: 'PARTICIPANT' }],
    ['an empty meeting number', { mn: '', role: 'PARTICIPANT' }],
  ])('%s → BAD_USER_INPUT, 0 upstream calls', async (_name, variables) => {
    const r = await h.gql(SIGN, variables);
    expect(r.data?.meetingSdkSignature ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.fake.hits()).toBe(0);
  });
});

describe('without a Meeting SDK app', () => {
  it('meetingSdkSignature → FORBIDDEN naming the missing configuration; bad input is still BAD_USER_INPUT', async () => {
    const bare = await startHarness();
    try {
      const r = await bare.gql(SIGN, { mn: '123456789', role: 'PARTICIPANT' });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEETING_SDK_NOT_CONFIGURED' });
      expect(r.errors?.[0]?.message).toMatch(/ZOOM_SDK_KEY/);
      const bad = await bare.gql(SIGN, { mn: '123456789', role: 'PARTICIPANT', exp: 60 });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bare.fake.hits()).toBe(0);
    } finally {
      await bare.stop();
    }
  });
});
