import { randomBytes } from 'node:crypto';
import type { Prng } from './random.js';

/** 22-char base64url-like id, the shape of Zoom user ids (e.g. `KDcuGIm1QgePTO8WbOqwIQ`). */
export function userId(prng: Prng): string {
  return prng.bytes(16).toString('base64url');
}

/**
 * NOTE: scheduled meeting ids are 11 digits, above 2^32, so clients must store them as int64
 * (docs/zoom.md#meetings, KB0065196). They stay below 2^53, so JSON numbers are exact.
 */
export function meetingNumber(prng: Prng): number {
  return Number(String(prng.int(7, 9)) + prng.digits(10));
}

/** 10-digit personal meeting id. */
export function pmi(prng: Prng): number {
  return Number(String(prng.int(2, 9)) + prng.digits(9));
}

/**
 * NOTE: meeting UUIDs are base64 of 16 bytes (24 chars, `==` padding) and can contain `/` and
 * `+` — which is why some of them must be double-encoded in paths (docs/zoom.md#meetings).
 */
export function meetingUuid(prng: Prng): string {
  return prng.bytes(16).toString('base64');
}

/** Zoom-style tracking id sent in `x-zm-trackingid` on every response. */
export function trackingId(): string {
  return `v=2.0;clid=us05;rid=WEB_${randomBytes(16).toString('hex')}`;
}
