import type { OAuthApp, S2SApp } from '../apps.js';
import { formParams, type FakeContext, type FakeRequest } from '../context.js';
import { OAUTH, oauthError } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { AccessTokenRecord, RefreshTokenRecord } from '../model/tokens.js';
import { createGrant, issueAccessToken, issueGrantTokens, S2S_SCOPES } from './issue.js';
import { verifyPkce } from './pkce.js';

function tokenResponse(ctx: FakeContext, access: AccessTokenRecord, refresh?: RefreshTokenRecord): Reply {
  return json(200, {
    access_token: access.token,
    token_type: 'bearer',
    ...(refresh ? { refresh_token: refresh.token } : {}),
    expires_in: ctx.state.tokenTtlSeconds,
    scope: access.scopes.join(' '),
    // NOTE: clients must use the returned api_url rather than hard-coding api.zoom.us (docs/zoom.md#server-to-server-oauth).
    api_url: ctx.state.baseUrl,
  });
}

/** NOTE: several S2S tokens stay valid at once; `index` is ignored (docs/zoom.md#server-to-server-oauth changelog). */
function accountCredentials(ctx: FakeContext, app: S2SApp, params: URLSearchParams): Reply {
  if (params.get('account_id') !== app.accountId) return OAUTH.invalidAccount();
  return tokenResponse(ctx, issueAccessToken(ctx.state, { kind: 's2s', clientId: app.clientId, scopes: S2S_SCOPES }));
}

/** NOTE: codes are single use, live 5 minutes (OAuth error 4733) and are bound to client and redirect_uri. */
function authorizationCode(ctx: FakeContext, app: OAuthApp, params: URLSearchParams): Reply {
  const code = params.get('code') ?? '';
  const record = ctx.state.authCodes.get(code);
  const valid =
    record !== undefined &&
    !record.used &&
    record.clientId === app.clientId &&
    record.expiresAt > ctx.clock.now() &&
    params.get('redirect_uri') === record.redirectUri &&
    (record.codeChallenge === undefined ||
      verifyPkce(record.codeChallenge, record.codeChallengeMethod ?? 'plain', params.get('code_verifier'))) &&
    ctx.state.findUser(record.userId) !== undefined;
  if (!valid) return OAUTH.invalidCode(code);
  record.used = true;
  const { access, refresh } = issueGrantTokens(ctx.state, createGrant(ctx.state, app.clientId, record.userId));
  return tokenResponse(ctx, access, refresh);
}

function refreshToken(ctx: FakeContext, app: OAuthApp, params: URLSearchParams): Reply {
  const token = params.get('refresh_token') ?? '';
  const record = ctx.state.refreshTokens.get(token);
  const grant = record && ctx.state.grants.get(record.grantId);
  const valid =
    record !== undefined &&
    grant !== undefined &&
    !grant.revoked &&
    grant.currentRefreshToken === token &&
    record.invalidatedAt === undefined &&
    record.expiresAt > ctx.clock.now() &&
    record.clientId === app.clientId;
  // NOTE: an old (rotated) or unknown refresh token → 400 invalid_grant "Invalid Token!" (raycast#10896, docs/zoom.md#user-oauth).
  if (!valid || !grant) return OAUTH.invalidToken();
  const { access, refresh } = issueGrantTokens(ctx.state, grant);
  return tokenResponse(ctx, access, refresh);
}

export function handleToken(ctx: FakeContext, req: FakeRequest): Reply {
  if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'Method Not Allowed');
  const client = ctx.apps.authenticateBasic(req.headers.authorization);
  if (!client) return OAUTH.invalidClient();
  const params = formParams(req);
  switch (params.get('grant_type')) {
    case 'account_credentials':
      return client.kind === 's2s' ? accountCredentials(ctx, client.app, params) : OAUTH.unsupportedGrant();
    case 'authorization_code':
      return client.kind === 'oauth' ? authorizationCode(ctx, client.app, params) : OAUTH.unsupportedGrant();
    case 'refresh_token':
      return client.kind === 'oauth' ? refreshToken(ctx, client.app, params) : OAUTH.unsupportedGrant();
    default:
      return OAUTH.unsupportedGrant();
  }
}
