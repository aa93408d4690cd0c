import { formParams, type FakeContext, type FakeRequest } from '../context.js';
import { OAUTH, oauthError } from '../errors.js';
import { json, type Reply } from '../http.js';
import { revokeGrant } from './issue.js';

/**
 * `POST /oauth/revoke` with Basic auth and `token=` → `{"status":"success"}` (docs/zoom.md#user-oauth).
 * Revoking an access token also ends its grant (refresh token). Unknown tokens and tokens of
 * another client are answered with success and left alone, as RFC 7009 servers do.
 */
export function handleRevoke(ctx: FakeContext, req: FakeRequest): Reply {
  if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'Method Not Allowed');
  const client = ctx.apps.authenticateBasic(req.headers.authorization);
  if (!client) return OAUTH.invalidClient();
  const token = formParams(req).get('token');
  if (!token) return oauthError(400, 'invalid_request', 'Token cannot be empty.');
  const { state } = ctx;
  const access = state.accessTokens.get(token);
  const refresh = state.refreshTokens.get(token);
  const clientId = client.app.clientId;
  if (access && access.clientId === clientId) access.revoked = true;
  const grantId =
    (access?.clientId === clientId ? access.grantId : undefined) ?? (refresh?.clientId === clientId ? refresh.grantId : undefined);
  const grant = grantId ? state.grants.get(grantId) : undefined;
  if (grant) revokeGrant(state, grant);
  return json(200, { status: 'success' });
}
