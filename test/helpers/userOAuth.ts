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
}

/**
 * A browser's trip: /oauth/install (with the caller's credentials) → the fake's consent page
 * (auto-approved) → back to /oauth/callback. The callback is called at the listen address
 * with the query Zoom produced for the public redirect URI.
 */
export async function installViaBrowser(h: Harness, headers: Record<string, string>): Promise<InstallResult> {
  const install = await fetch(`${h.url}/oauth/install`, { headers, redirect: 'manual' });
  if (install.status !== 302) return { status: install.status, body: await install.text() };
  const authorize = await fetch(install.headers.get('location') as string, { redirect: 'manual' });
  if (authorize.status !== 302) return { status: authorize.status, body: await authorize.text() };
  const back = new URL(authorize.headers.get('location') as string);
  const callbackUrl = `${h.url}${back.pathname.replace(/^.*\/oauth\/callback$/, '/oauth/callback')}${back.search}`;
  const callback = await fetch(callbackUrl, { redirect: 'manual' });
  return { status: callback.status, body: await callback.text(), callbackUrl };
}

/** Every token, refresh token and code the fake ever issued, for leak checks. */
export function issuedSecrets(fake: FakeZoom): string[] {
  return [...fake.state.accessTokens.keys(), ...fake.state.refreshTokens.keys(), ...fake.state.authCodes.keys()];
}
