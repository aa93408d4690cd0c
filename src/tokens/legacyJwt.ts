import { SignJWT } from 'jose';
import type { Clock } from '../clock.js';
import { storeKeys } from '../store/keys.js';
import type { Credential } from './credential.js';
import type { TokenRecord } from './tokenRecord.js';

export interface LegacyJwtApp {
  apiKey: string;
  apiSecret: string;
}

/** Short on purpose: a signed token costs nothing to replace and a leaked one expires soon. */
export const LEGACY_JWT_LIFETIME_SECONDS = 60;

/**
 * A retired Zoom JWT app (ZOOM_API_KEY/SECRET with ZOOM_LEGACY_JWT=allow) used as an account
 * token source: every `get` signs a fresh HS256 `{iss: apiKey, exp}` token (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app), so
 * nothing is cached or stored and there is nothing to invalidate.
 */
export class LegacyJwtSource {
  /** Credential identity; the API key is an identifier, the secret never appears. */
  readonly key: string;
  readonly credential: Credential;
  private readonly secret: Uint8Array;

  constructor(
    private readonly app: LegacyJwtApp,
    private readonly clock: Clock,
    private readonly lifetimeSeconds = LEGACY_JWT_LIFETIME_SECONDS,
  ) {
    this.key = storeKeys.legacyToken(app.apiKey);
    this.secret = new TextEncoder().encode(app.apiSecret);
    this.credential = {
      source: 'legacy',
      key: this.key,
      get: () => this.sign(),
      // A rejected JWT is not reused: the next get signs a new one.
      invalidate: async () => {},
    };
  }

  private async sign(): Promise<TokenRecord> {
    const now = this.clock.now();
    // NOTE: Zoom's doc example shows `exp` in ms; seconds is the JWT standard, and what we send.
    const exp = Math.floor(now / 1000) + this.lifetimeSeconds;
    const accessToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.app.apiKey)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { accessToken, expiresAt: exp * 1000, obtainedAt: now, scopes: [] };
  }
}
