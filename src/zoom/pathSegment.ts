import { badUserInput } from '../errors.js';

/**
 * One `{userId}`/`{meetingId}` path segment, every reserved character percent-encoded, so an id
 * can never add a segment, a query or a fragment (`/`, `?`, `#`, `%` are encoded).
 * NOTE: encoding cannot defuse a segment that is only dots: the URL parser resolves `.`, `..`
 * and their `%2e` spellings alike, and `/users/..` would reach `/v2/` itself. Those are refused.
 */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') throw badUserInput('An id must not be empty, "." or "..".');
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw badUserInput('An id must be well-formed Unicode.');
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Path segment for a user id, an email or `me`. */
export const userSegment = (id: string): string => pathSegment(id);
