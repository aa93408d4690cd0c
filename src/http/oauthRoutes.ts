import type { FastifyReply } from 'fastify';
import type { GatewayFastify } from './gatewayFastify.js';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { isGatewayError } from '../errors.js';
import { TokenEndpointError } from '../tokens/oauthClient.js';
import type { UserOAuthSource } from '../tokens/userOAuth.js';
import type { ZoomHttpClient } from '../zoom/httpClient.js';
import { OAuthBrowserCookie } from './oauthCookie.js';
import type { OAuthEndpoints } from './oauthEndpoints.js';
import { oauthPage } from './oauthPages.js';
import { StateRejected, fromSameBrowser, type OAuthStates } from './oauthState.js';
import { identifyZoomUser } from './zoomIdentity.js';

export interface OAuthRouteDeps {
  userOAuth: UserOAuthSource | null;
  authenticator: Authenticator;
  states: OAuthStates;
  endpoints: OAuthEndpoints;
  /** Zoom OAuth base, e.g. https://zoom.us */
  oauthUrl: string;
  client: ZoomHttpClient;
  logger: Logger;
}

/**
 * `GET /oauth/install` (an authenticated caller) → Zoom's consent page with state + PKCE S256,
 * and a cookie binding the state to this browser;
 * `GET /oauth/callback` → checks the state and that same browser, exchanges the code, stores the grant.
 */
export function registerOAuthRoutes(fastify: GatewayFastify, deps: OAuthRouteDeps): void {
  fastify.get('/oauth/install', async (request, reply) => {
    const { userOAuth } = deps;
    const redirectUri = deps.endpoints.redirectUri();
    if (!userOAuth || !redirectUri)
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'User OAuth is not configured (ZOOM_OAUTH_CLIENT_ID).' } });
    let principal: Principal;
    try {
      principal = await deps.authenticator.authenticate(request.headers);
    } catch (err) {
      if (!isGatewayError(err)) throw err;
      return reply.code(401).send({ error: { code: err.code, message: err.message } });
    }
    const { state, codeChallenge, browserKey } = await deps.states.issue(principal);
    // NOTE: the JSON answer carries the cookie too; a single-page app must fetch it with
    // credentials from the gateway's site, then navigate this same browser to authorizeUrl.
    void reply.header('set-cookie', new OAuthBrowserCookie(redirectUri).set(browserKey)).header('cache-control', 'no-store');
    const url = new URL('/oauth/authorize', deps.oauthUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: userOAuth.clientId,
      redirect_uri: redirectUri,
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    // A single-page app fetching this route cannot follow a cross-origin redirect itself.
    if (request.headers.accept?.includes('application/json')) return { authorizeUrl: url.toString() };
    return reply.redirect(url.toString(), 302);
  });

  // NOTE: the query carries the authorization code and state; `warn` keeps Fastify's request log lines (with the URL) out.
  fastify.get('/oauth/callback', { logLevel: 'warn' }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return callback(deps, query, request.headers.cookie, reply);
  });
}

async function callback(
  deps: OAuthRouteDeps,
  query: Record<string, string | undefined>,
  cookieHeader: string | undefined,
  reply: FastifyReply,
) {
  const page = (status: number, title: string, message: string) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(oauthPage(title, message));
  const { userOAuth } = deps;
  const redirectUri = deps.endpoints.redirectUri();
  if (!userOAuth || !redirectUri) return page(404, 'Not available', 'User OAuth is not configured on this gateway.');
  const cookie = new OAuthBrowserCookie(redirectUri);
  const browserKey = cookie.read(cookieHeader);
  // Whatever happens below, this browser's flow is over.
  void reply.header('set-cookie', cookie.clear());
  if (!query.state) return page(400, 'Authorization failed', 'The request has no state. Start again from /oauth/install.');

  let pending;
  try {
    pending = await deps.states.consume(query.state);
  } catch (err) {
    if (!(err instanceof StateRejected)) throw err;
    deps.logger.warn({ reason: err.reason }, 'OAuth callback with a rejected state');
    return page(
      400,
      'Authorization failed',
      'This authorization link is invalid, expired or already used. Start again from /oauth/install.',
    );
  }
  if (query.error) return page(400, 'Authorization not granted', `Zoom did not grant access (${query.error}).`);
  if (!query.code) return page(400, 'Authorization failed', 'Zoom sent no authorization code. Start again from /oauth/install.');
  const sameBrowser = fromSameBrowser(pending, browserKey);
  if (!sameBrowser) {
    deps.logger.warn(
      { principal: pending.principal.id, cookie: browserKey ? 'mismatch' : 'missing' },
      'OAuth callback in a browser that did not start the flow',
    );
    // NOTE: the code is redeemed only to end the grant Zoom made at consent, and so that a
    // callback address handed back to whoever started the flow is worth nothing.
    await discardCode(userOAuth, query.code, redirectUri, pending.codeVerifier, deps.logger);
    return page(
      400,
      'Authorization refused',
      'This authorization was started in another browser, so it was not accepted and nothing was connected. If you meant to connect your Zoom user, start again from /oauth/install in this browser.',
    );
  }

  let record;
  try {
    record = await userOAuth.exchangeCode(query.code, redirectUri, pending.codeVerifier);
  } catch (err) {
    if (!(err instanceof TokenEndpointError)) throw err;
    deps.logger.warn({ error: err.error, reason: err.reason }, 'authorization code exchange failed');
    return err.unavailable
      ? page(502, 'Zoom unavailable', 'Zoom could not be reached to finish the authorization; start again later.')
      : page(400, 'Authorization failed', `Zoom refused the authorization code (${err.error}). Start again from /oauth/install.`);
  }

  let zoomUser;
  try {
    zoomUser = await identifyZoomUser(deps.client, record);
  } catch (err) {
    deps.logger.warn({ err }, 'could not identify the authorizing Zoom user');
    return page(502, 'Zoom unavailable', 'Zoom could not tell which user authorized the app; start again later.');
  }

  if (!sameZoomUser(pending.principal, zoomUser, sameBrowser)) {
    deps.logger.warn({ principal: pending.principal.id, zoomUserId: zoomUser.id }, "authorizing Zoom user is not the caller's Zoom user");
    await userOAuth.discard(record);
    return page(
      403,
      'Wrong Zoom user',
      `You signed in to Zoom as ${zoomUser.email || zoomUser.id}, which is not the Zoom user of your account. Sign in as your own Zoom user and start again.`,
    );
  }

  await userOAuth.save(zoomUser.id, record, pending.principal);
  deps.logger.info({ principal: pending.principal.id, zoomUserId: zoomUser.id }, 'Zoom user authorized the app');
  return page(200, 'Zoom connected', `The gateway may now act as ${zoomUser.email || zoomUser.id} in Zoom. You can close this window.`);
}

/**
 * A caller whose credential names a Zoom user may only connect that user. One that names none
 * is linked to whichever user signed in, which is safe only because the sign-in happened in the
 * browser that called /oauth/install with the caller's credentials.
 */
function sameZoomUser(principal: Principal, user: { id: string; email: string }, sameBrowser: boolean): boolean {
  if (principal.zoomUserId) return principal.zoomUserId === user.id;
  if (principal.email) return principal.email.toLowerCase() === user.email.toLowerCase();
  return sameBrowser;
}

async function discardCode(
  userOAuth: UserOAuthSource,
  code: string,
  redirectUri: string,
  codeVerifier: string,
  logger: Logger,
): Promise<void> {
  try {
    await userOAuth.discard(await userOAuth.exchangeCode(code, redirectUri, codeVerifier));
  } catch (err) {
    if (!(err instanceof TokenEndpointError)) throw err;
    logger.info({ error: err.error }, 'could not redeem the refused authorization code');
  }
}
