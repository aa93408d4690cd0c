/** Zoom's own OAuth server, ZOOM_OAUTH_URL's default. */
const ZOOM_OAUTH_ORIGIN = 'https://zoom.us';

/**
 * The end of every store key of a credential: the OAuth server that issued its tokens. A
 * token from another server (a sandbox's fake Zoom on a new random port, a proxy, ZoomGov)
 * belongs to another credential and is never read back as this one, with its `api_url`.
 * Empty for Zoom's own server, so grants stored before keys carried it are still found.
 */
export function issuerScope(oauthUrl: string): string {
  const origin = new URL(oauthUrl).origin;
  return origin === ZOOM_OAUTH_ORIGIN ? '' : `@${origin}`;
}
