import { request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { redactEchoes } from '../logger.js';
import type { Clock } from '../clock.js';
import { issuerScope } from './issuer.js';
import type { TokenRecord } from './tokenRecord.js';

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional().default(''),
  api_url: z.string().url().optional(),
  refresh_token: z.string().min(1).optional(),
});

/** Zoom's token endpoint said no (`{"reason","error"}`, docs/zoom.md#server-to-server-oauth). */
export class TokenEndpointError extends Error {
  /**
   * Zoom's explanation, with what it echoed from the request redacted.
   * NOTE: Zoom repeats the refused code in it ("Invalid authorization code cfH6…"), and this text
   * reaches log lines and error causes: redacted here, it is safe wherever the error goes.
   */
  readonly reason: string;

  constructor(
    readonly status: number,
    /** OAuth error, e.g. `invalid_client`, `invalid_grant`; `unavailable` for 5xx, network, malformed. */
    readonly error: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    const redacted = redactEchoes(reason);
    super(`Zoom token endpoint: ${error}${redacted ? ` (${redacted})` : ''}`, options);
    this.name = 'TokenEndpointError';
    this.reason = redacted;
  }

  get unavailable(): boolean {
    return this.error === 'unavailable';
  }
}

/** An OAuth error code (`invalid_grant`); anything else Zoom put there is not repeated. */
const oauthErrorCode = (value: unknown): string => (typeof value === 'string' && /^[a-z_]{1,40}$/i.test(value) ? value : 'unknown_error');

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Talks to `POST {oauthUrl}/oauth/token` and `/oauth/revoke`. */
export class ZoomOAuthClient {
  /** Ends the store key of every credential whose tokens this server issues (see issuerScope). */
  readonly keyScope: string;

  constructor(
    private readonly oauthUrl: string,
    private readonly dispatcher: Dispatcher,
    private readonly clock: Clock,
    private readonly timeoutMs = 10_000,
  ) {
    this.keyScope = issuerScope(oauthUrl);
  }

  /** Requests a token; expiry counts from when the request was sent. */
  async token(client: OAuthClientCredentials, params: Record<string, string>): Promise<TokenRecord> {
    const sentAt = this.clock.now();
    const { status, text } = await this.post('/oauth/token', client, params);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Not kept as the cause: JSON.parse quotes the start of the body, which may echo the request.
      throw new TokenEndpointError(status, status < 500 && status >= 400 ? 'invalid_response' : 'unavailable', 'malformed response');
    }
    if (status !== 200) {
      const body = (json ?? {}) as { error?: unknown; reason?: unknown };
      if (status >= 500) throw new TokenEndpointError(status, 'unavailable', `HTTP ${status}`);
      throw new TokenEndpointError(status, oauthErrorCode(body.error), String(body.reason ?? ''));
    }
    const parsed = TokenResponse.safeParse(json);
    if (!parsed.success) throw new TokenEndpointError(status, 'unavailable', 'token response lacks access_token or expires_in');
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      expiresAt: sentAt + t.expires_in * 1000,
      obtainedAt: sentAt,
      scopes: t.scope.split(/\s+/).filter(Boolean),
      ...(t.api_url ? { apiUrl: t.api_url } : {}),
      ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    };
  }

  /** Revokes an access token (and with it the grant). */
  async revoke(client: OAuthClientCredentials, accessToken: string): Promise<void> {
    const { status } = await this.post('/oauth/revoke', client, { token: accessToken });
    if (status >= 500) throw new TokenEndpointError(status, 'unavailable', `HTTP ${status}`);
    if (status !== 200) throw new TokenEndpointError(status, 'revoke_failed', `HTTP ${status}`);
  }

  private async post(path: string, client: OAuthClientCredentials, params: Record<string, string>) {
    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
    try {
      // NOTE: parameters go in a form body, never the query string: Zoom refuses tokens in URLs (docs/zoom.md#user-oauth).
      const res = await request(`${this.oauthUrl}${path}`, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      return { status: res.statusCode, text: await res.body.text() };
    } catch (cause) {
      throw new TokenEndpointError(0, 'unavailable', (cause as Error).message, { cause });
    }
  }
}
