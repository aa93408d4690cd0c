import { authorizationFailed, zoomUnavailable } from '../errors.js';
import { storeKeys } from '../store/keys.js';
import type { Credential } from './credential.js';
import { TokenEndpointError, type ZoomOAuthClient } from './oauthClient.js';
import type { TokenCache } from './tokenCache.js';

export interface S2SAppConfig {
  accountId: string;
  clientId: string;
  clientSecret: string;
}

/** Server-to-Server OAuth: one account token, no refresh token, fetched with `account_credentials`. */
export class S2SSource {
  /** Credential identity: account + client (+ issuer), never the secret or the token. */
  readonly key: string;
  readonly credential: Credential;

  constructor(
    private readonly app: S2SAppConfig,
    private readonly oauth: ZoomOAuthClient,
    private readonly cache: TokenCache,
  ) {
    this.key = storeKeys.s2sToken(app.accountId, app.clientId, oauth.keyScope);
    this.credential = {
      source: 's2s',
      key: this.key,
      get: () => this.token(),
      invalidate: (rejected) => this.cache.invalidate(this.key, rejected),
    };
  }

  private async token() {
    try {
      return await this.cache.get(
        this.key,
        () => this.oauth.token(this.app, { grant_type: 'account_credentials', account_id: this.app.accountId }),
        { source: 's2s' },
      );
    } catch (err) {
      throw describeS2SFailure(err);
    }
  }
}

function describeS2SFailure(err: unknown): unknown {
  if (!(err instanceof TokenEndpointError)) return err;
  if (err.unavailable) return zoomUnavailable("Zoom's token endpoint is unavailable; retry later.", err);
  const hint =
    err.error === 'invalid_client'
      ? 'Check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET: the secret may have been rotated or the app deactivated.'
      : err.error === 'invalid_request'
        ? 'Check ZOOM_ACCOUNT_ID.'
        : 'Check the Server-to-Server OAuth app in the Zoom Marketplace.';
  return authorizationFailed(`Zoom refused the Server-to-Server OAuth credentials (${err.error}). ${hint}`, err.error, err);
}
