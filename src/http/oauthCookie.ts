import { STATE_TTL_MS } from './oauthState.js';

/**
 * The cookie that ties an install flow to the browser that started it (login CSRF defence,
 * OAuth 2.0 Security BCP §4.7): set on the `/oauth/install` answer, sent back only to the
 * callback path, checked against the state there and cleared.
 *
 * HttpOnly: page scripts never see it. SameSite=Lax: a browser still sends it on the top-level
 * redirect from Zoom to the callback. `Secure` and the `__Secure-` prefix when the redirect URI
 * is https, so a plain-http page cannot plant one. Path: the redirect URI's own path, so no other
 * route of the gateway receives it.
 */
export class OAuthBrowserCookie {
  readonly name: string;
  private readonly attributes: string;

  constructor(redirectUri: string) {
    const url = new URL(redirectUri);
    const secure = url.protocol === 'https:';
    this.name = secure ? '__Secure-zoom-oauth' : 'zoom-oauth';
    this.attributes = `Path=${url.pathname}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  /** `set-cookie` holding the browser key, for as long as the state lives. */
  set(browserKey: string): string {
    return `${this.name}=${browserKey}; ${this.attributes}; Max-Age=${STATE_TTL_MS / 1000}`;
  }

  /** `set-cookie` that removes it: a flow is completed (or refused) once. */
  clear(): string {
    return `${this.name}=; ${this.attributes}; Max-Age=0`;
  }

  /** The browser key from a `cookie` request header; undefined when absent or repeated. */
  read(header: string | undefined): string | undefined {
    if (!header) return undefined;
    const values = header
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.startsWith(`${this.name}=`))
      .map((part) => part.slice(this.name.length + 1));
    // NOTE: two cookies of this name mean one was planted (e.g. by a sibling domain): trust neither.
    return values.length === 1 && values[0] ? values[0] : undefined;
  }
}
