import type { ErrorCode } from '../errors.js';

/** What any field that calls Zoom may also answer, whatever its own checks. */
const ZOOM_FAILURES: readonly ErrorCode[] = [
  'ZOOM_AUTHORIZATION_REQUIRED',
  'ZOOM_RATE_LIMITED',
  'ZOOM_UNAVAILABLE',
  'ZOOM_API_ERROR',
  'STORE_UNAVAILABLE',
];

/**
 * The failure codes a mutation answers, for its field description, so a UI can switch on
 * `extensions.code` from what introspection and schema/schema.graphql show. Keys are typed as
 * the closed set of codes, so a description cannot name a code the gateway never sends.
 */
export function failsWith(own: Partial<Record<ErrorCode, string>>, opts: { zoom: boolean } = { zoom: true }): string {
  const lines = Object.entries(own).map(([code, when]) => `${code} ${when}`);
  const rest = ZOOM_FAILURES.filter((code) => !(code in own));
  const tail = opts.zoom ? ` Also, from Zoom or the token store: ${rest.join(', ')}.` : '';
  return `Errors (extensions.code): ${lines.join('; ')}.${tail}`;
}
