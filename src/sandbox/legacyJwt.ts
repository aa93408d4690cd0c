import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LegacyJwtApp } from './apps.js';

export type LegacyVerdict = 'not-jwt' | 'valid' | 'expired' | 'invalid';

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A legacy JWT-app token: HS256 over `{iss: apiKey, exp}` with the API secret (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app).
 * NOTE: whether `exp` was seconds or ms is UNCONFIRMED (the docs' example is ms); values above
 * 1e12 are read as ms.
 */
export function verifyLegacyJwt(token: string, apps: readonly LegacyJwtApp[], nowMs: number): LegacyVerdict {
  const parts = token.split('.');
  if (parts.length !== 3) return 'not-jwt';
  const [h, p, sig] = parts as [string, string, string];
  const header = decodePart(h);
  if (!header || typeof header.alg !== 'string') return 'not-jwt';
  const payload = decodePart(p);
  const app = apps.find((a) => a.apiKey === payload?.iss);
  if (!payload || !app || header.alg !== 'HS256') return 'invalid';
  const expected = createHmac('sha256', app.apiSecret).update(`${h}.${p}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (typeof payload.exp !== 'number') return 'invalid';
  const expMs = payload.exp > 1e12 ? payload.exp : payload.exp * 1000;
  return expMs <= nowMs ? 'expired' : 'valid';
}
