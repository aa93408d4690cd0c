import type { FakeContext, FakeRequest } from '../context.js';
import type { Reply } from '../http.js';
import { secureAlnum } from '../random.js';
import { pkceMethod } from './pkce.js';

const CODE_TTL_MS = 5 * 60_000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Zoom shows an HTML error page (with the numeric OAuth code) instead of redirecting. */
function errorPage(message: string): Reply {
  return {
    status: 400,
    text: `<!doctype html><title>Zoom OAuth error</title><p>${escapeHtml(message)}</p>`,
    contentType: 'text/html;charset=UTF-8',
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Consent is automatic: the authorizing user (knobs.setAuthorizingUser, default the owner)
 * approves at once and the browser is sent to `redirect_uri?code=…&state=…` (docs/zoom.md#user-oauth).
 */
export function handleAuthorize(ctx: FakeContext, req: FakeRequest): Reply {
  const q = req.query;
  const app = ctx.apps.oauthApp(q.client_id ?? '');
  if (!app) return errorPage(`Invalid client_id: ${q.client_id ?? ''} (4702)`);
  if (q.response_type !== 'code') return errorPage(`Unsupported response_type: ${q.response_type ?? ''} (4700)`);
  const redirect = q.redirect_uri ?? '';
  if (!isHttpUrl(redirect) || (app.redirectUris !== undefined && !app.redirectUris.includes(redirect))) {
    return errorPage(`Invalid redirect: ${redirect} (4709)`);
  }
  const method = pkceMethod(q.code_challenge, q.code_challenge_method);
  if (method === 'invalid') return errorPage(`Invalid code_challenge_method: ${q.code_challenge_method ?? ''} (4700)`);
  const code = secureAlnum(32);
  ctx.state.authCodes.set(code, {
    code,
    clientId: app.clientId,
    userId: ctx.knobs.authorizingUserRecord().id,
    redirectUri: redirect,
    codeChallenge: method ? q.code_challenge : undefined,
    codeChallengeMethod: method,
    expiresAt: ctx.clock.now() + CODE_TTL_MS,
    used: false,
  });
  const location = new URL(redirect);
  location.searchParams.set('code', code);
  if (q.state !== undefined) location.searchParams.set('state', q.state);
  return { status: 302, headers: { location: location.toString() } };
}
