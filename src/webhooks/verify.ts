import { createHmac, timingSafeEqual } from 'node:crypto';

/** NOTE: Zoom's replay window: a timestamp more than 5 minutes from now is refused (docs/zoom.md#webhooks). */
export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;

/** Why a request is not Zoom's, as counted in metrics. */
export type Rejection = 'unsigned' | 'bad_signature' | 'stale';

export type Verification = { ok: true; secret: string } | { ok: false; reason: Rejection };

export interface SignedRequest {
  /** `x-zm-signature`: `v0=<hex HMAC-SHA256>` */
  signature: string | undefined;
  /** `x-zm-request-timestamp`: epoch seconds */
  timestamp: string | undefined;
  /** The body exactly as received: Zoom signs its bytes, not a re-serialisation of the JSON. */
  rawBody: Buffer;
}

const SIGNATURE = /^v0=([0-9a-f]{64})$/i;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * Zoom's `v0` scheme (docs/zoom.md#webhooks): HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`) as hex,
 * compared in constant time against every configured secret (several during a rotation).
 * Returns the secret that verified, which must then answer `endpoint.url_validation`.
 */
export function verifyWebhook(req: SignedRequest, secrets: readonly string[], nowMs: number): Verification {
  const given = SIGNATURE.exec(req.signature ?? '')?.[1];
  const timestamp = req.timestamp ?? '';
  if (req.signature === undefined || req.timestamp === undefined) return { ok: false, reason: 'unsigned' };
  if (!given || !TIMESTAMP.test(timestamp)) return { ok: false, reason: 'bad_signature' };
  const givenBytes = Buffer.from(given, 'hex');
  // Every secret is tried, so the time taken says nothing about which one (if any) matched.
  let match: string | undefined;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(req.rawBody).digest();
    if (timingSafeEqual(expected, givenBytes) && match === undefined) match = secret;
  }
  if (match === undefined) return { ok: false, reason: 'bad_signature' };
  // Checked after the signature: an unsigned claim about time is worth nothing.
  if (Math.abs(nowMs - Number(timestamp) * 1000) > WEBHOOK_MAX_SKEW_MS) return { ok: false, reason: 'stale' };
  return { ok: true, secret: match };
}

/** The `endpoint.url_validation` answer's `encryptedToken`: hex HMAC-SHA256(secret, plainToken). */
export function encryptPlainToken(secret: string, plainToken: string): string {
  return createHmac('sha256', secret).update(plainToken).digest('hex');
}
