import { pathSegment } from './pathSegment.js';

/** A meeting number: 9–11 digits, int64 in Zoom's API, so always a string here (docs/zoom.md#meetings). */
export const MEETING_NUMBER = /^\d{9,11}$/;
/** A meeting instance UUID: base64 of 16 bytes, e.g. `aDYlohsHRtCd4ii1uC2+hA==`. */
const MEETING_UUID = /^(?=.*[^0-9])[A-Za-z0-9+/]{16,64}={0,2}$/;

export const isMeetingNumber = (id: string): boolean => MEETING_NUMBER.test(id);
export const isMeetingId = (id: string): boolean => MEETING_NUMBER.test(id) || MEETING_UUID.test(id);

/**
 * The `{meetingId}` path segment for a meeting number or UUID.
 * NOTE: a UUID that begins with `/` or contains `//` must be encoded twice, or Zoom drops the
 * slash and answers 404/3001 (SPEC23 uuid description; ZoomNet#471; docs/zoom.md#meetings).
 */
export function meetingSegment(id: string): string {
  const once = pathSegment(id);
  return id.startsWith('/') || id.includes('//') ? encodeURIComponent(once) : once;
}
