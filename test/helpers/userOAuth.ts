import type { FakeZoom, ZoomUser } from '../../src/sandbox/index.js';
import type { Harness } from './gateway.js';
import { signHs256 } from './jwks.js';

export const JWT_SECRET = 'test-shared-secret-for-hs256-callers-0123456789';
export const JWT_ISSUER = 'https://idp.example.test';
export const JWT_AUDIENCE = 'zoom-graphql-gateway';
/** A public URL that differs from the listen address, as behind a reverse proxy. */
export const PUBLIC_CALLBACK = 'https://gateway.example.test/oauth/callback';

/** Callers authenticate with HS256 JWTs; the user OAuth app is the fake's default one. */
export const USER_OAUTH_ENV: Record<string, string> = {
  GATEWAY_AUTH: 'jwt',
  GATEWAY_JWT_SECRET: JWT_SECRET,
  GATEWAY_JWT_ISSUER: JWT_ISSUER,
  GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE,
  ZOOM_OAUTH_CLIENT_ID: 'sandbox-oauth-client',
  ZOOM_OAUTH_CLIENT_SECRET: 'sandbox-oauth-secret',
  ZOOM_OAUTH_REDIRECT_URI: PUBLIC_CALLBACK,
};

/** Turns Server-to-Server OAuth off (empty values count as unset). */
export const NO_S2S: Record<string, string> = { ZOOM_ACCOUNT_ID: '', ZOOM_CLIENT_ID: '', ZOOM_CLIENT_SECRET: '' };

/** An active member of the fake account (not the owner, so S2S `me` would be someone else). */
export function member(fake: FakeZoom, n = 0): ZoomUser {
  const members = fake.state.users.filter((u) => u.role_id === '2' && u.status === 'active' && u.id);
  const user = members[n];
  if (!user) throw new Error('the fake has too few active members');
  return user;
}

/** `Authorization` header of a caller JWT, valid for a day of the fake's clock. */
export async function bearer(fake: FakeZoom, claims: Record<string, unknown>): Promise<Record<string, string>> {
  const token = await signHs256(JWT_SECRET, claims, { now: fake.clock.now(), issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
  return { authorization: `Bearer ${token}` };
}

export interface InstallResult {
  status: number;
  body: string;
  /** The gateway callback URL Zoom sent the browser to, as the listen address. */
  callbackUrl?: string;
  /** The callback's `set-cookie` lines (the gateway clears its flow cookie there). */
  setCookies?: string[];
}

/**
 * A browser's cookie jar, as far as these flows need one: cookies by name with their `Path`,
 * replaced by every `set-cookie`, dropped by `Max-Age=0`, sent to paths under their own.
 * Hosts are not modelled (cookies ignore ports, and the gateway and the fake share 127.0.0.1).
 */
export class Browser {
  readonly cookies = new Map<string, { value: string; path: string }>();
  lastSetCookies: string[] = [];

  /** Stores the response's cookies. */
  receive(res: Response): void {
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (attributes.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, { value: pair.slice(eq + 1), path });
    }
  }

  /** The `cookie` request header for `url`, when the jar holds any for its path. */
  header(url: string): Record<string, string> {
    const { pathname } = new URL(url);
    const sent = [...this.cookies].filter(
      ([, c]) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
    );
    return sent.length ? { cookie: sent.map(([k, c]) => `${k}=${c.value}`).join('; ') } : {};
  }

  async fetch(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...init.headers, ...this.header(url) } });
    this.receive(res);
    return res;
  }

  /** Follows redirects as a browser does, cookies included. */
  async follow(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    let res = await this.fetch(url, init);
    for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) {
      url = new URL(res.headers.get('location') as string, url).toString();
      res = await this.fetch(url);
    }
    return res;
  }
}

/** `GET /oauth/install` in `browser` with the caller's credentials: Zoom's authorize URL, or the failed answer. */
export async function startInstall(
  h: Pick<Harness, 'url'>,
  headers: Record<string, string>,
  browser: Browser,
): Promise<{ authorizeUrl?: string; status: number; body: string }> {
  const install = await browser.fetch(`${h.url}/oauth/install`, { headers });
  if (install.status !== 302) return { status: install.status, body: await install.text() };
  return { status: 302, body: '', authorizeUrl: install.headers.get('location') as string };
}

/**
 * The user approves at the fake Zoom in `browser` (auto-approved as the fake's authorizing
 * user) and the browser follows Zoom's redirect back to /oauth/callback. The callback is
 * called at the listen address with the query Zoom produced for the public redirect URI.
 */
export async function approveInBrowser(h: Pick<Harness, 'url'>, authorizeUrl: string, browser: Browser): Promise<InstallResult> {
  const authorize = await browser.fetch(authorizeUrl);
  if (authorize.status !== 302) return { status: authorize.status, body: await authorize.text() };
  const back = new URL(authorize.headers.get('location') as string);
  const callbackUrl = `${h.url}${back.pathname.replace(/^.*\/oauth\/callback$/, '/oauth/callback')}${back.search}`;
  const callback = await browser.fetch(callbackUrl);
  return { status: callback.status, body: await callback.text(), callbackUrl, setCookies: browser.lastSetCookies };
}

/**
 * A browser's trip: /oauth/install (with the caller's credentials) → the fake's consent page
 * (auto-approved) → back to /oauth/callback, all in one browser that keeps its cookies.
 */
export async function installViaBrowser(
  h: Pick<Harness, 'url'>,
  headers: Record<string, string>,
  browser = new Browser(),
): Promise<InstallResult> {
  const started = await startInstall(h, headers, browser);
  if (!started.authorizeUrl) return { status: started.status, body: started.body };
  return approveInBrowser(h, started.authorizeUrl, browser);
}

/** Every token, refresh token and code the fake ever issued, for leak checks. */
export function issuedSecrets(fake: FakeZoom): string[] {
  return [...fake.state.accessTokens.keys(), ...fake.state.refreshTokens.keys(), ...fake.state.authCodes.keys()];
}
