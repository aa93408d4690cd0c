import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ConfigError, LEGACY_JWT_MESSAGE, loadConfig } from '../../src/config.js';
import { verifyLegacyJwt } from '../../src/sandbox/legacyJwt.js';
import { LegacyJwtSource } from '../../src/tokens/legacyJwt.js';
import { manualClock, TEST_KEY } from '../helpers/stores.js';

const APP = { apiKey: 'legacy-api-key', apiSecret: 'legacy-api-secret-0123456789' };
const BASE_ENV = {
  ZOOM_API_KEY: APP.apiKey,
  ZOOM_API_SECRET: APP.apiSecret,
  TOKEN_ENCRYPTION_KEY: TEST_KEY,
  GATEWAY_AUTH: 'none',
  CACHE_URL: 'memory://',
};

describe('legacy JWT app credentials', () => {
  it('are refused at start with a message explaining the 2023 retirement and the way to S2S and SDK apps', () => {
    let error: unknown;
    try {
      loadConfig(BASE_ENV);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toContain(LEGACY_JWT_MESSAGE);
    expect(text).toMatch(/2023/);
    expect(text).toMatch(/Server-to-Server OAuth/);
    expect(text).toMatch(/ZOOM_ACCOUNT_ID/);
    expect(text).toMatch(/ZOOM_SDK_KEY/);
    expect(text).toMatch(/ZOOM_LEGACY_JWT=allow/);
    expect(text).not.toContain(APP.apiSecret);
  });

  it('are accepted with ZOOM_LEGACY_JWT=allow', () => {
    const config = loadConfig({ ...BASE_ENV, ZOOM_LEGACY_JWT: 'allow' });
    expect(config.legacyJwt).toEqual(APP);
    expect(config.s2s).toBeNull();
  });

  it('sign a fresh HS256 {iss, exp} token on every get, exp in seconds, 60 s ahead', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 0, 0, 0, 250));
    const source = new LegacyJwtSource(APP, clock);
    expect(source.credential.source).toBe('legacy');
    expect(source.key).toBe('legacy:legacy-api-key');
    const first = await source.credential.get();
    expect(decodeProtectedHeader(first.accessToken)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(first.accessToken, new TextEncoder().encode(APP.apiSecret), { currentDate: new Date(clock.now()) });
    const nowS = Math.floor(clock.now() / 1000);
    expect(payload).toEqual({ iss: APP.apiKey, exp: nowS + 60 });
    expect(first.expiresAt).toBe((nowS + 60) * 1000);
    // The fake Zoom's verifier, an independent implementation of Zoom's rule, accepts it.
    expect(verifyLegacyJwt(first.accessToken, [APP], clock.now())).toBe('valid');
    expect(verifyLegacyJwt(first.accessToken, [APP], clock.now() + 61_000)).toBe('expired');
    expect(verifyLegacyJwt(first.accessToken, [{ ...APP, apiSecret: 'other' }], clock.now())).toBe('invalid');

    clock.advance(5000);
    await source.credential.invalidate(first);
    const second = await source.credential.get();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.expiresAt).toBe(first.expiresAt + 5000);
  });
});
