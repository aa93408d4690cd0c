import type { FakeClock } from '../clock.js';
import type { AccessTokenRecord, OAuthGrant, RefreshTokenRecord } from '../model/tokens.js';
import { secureAlnum, secureBase64Url } from '../random.js';

/** The slice of FakeZoomState that token issuing touches. */
export interface TokenStores {
  readonly clock: FakeClock;
  readonly accountId: string;
  readonly tokenTtlSeconds: number;
  readonly accessTokens: Map<string, AccessTokenRecord>;
  readonly refreshTokens: Map<string, RefreshTokenRecord>;
  readonly grants: Map<string, OAuthGrant>;
}

export const S2S_SCOPES = ['meeting:read:admin', 'meeting:write:admin', 'user:read:admin', 'user:write:admin'];
export const USER_SCOPES = ['meeting:read', 'meeting:write', 'user:read', 'user_zak:read'];

/**
 * NOTE: refresh-token lifetime is UNCONFIRMED (15 years per devsupport, "~90 days" per ZSKILLS;
 * docs/zoom.md#user-oauth). The fake uses the shorter one so clients cannot rely on refresh tokens forever.
 */
export const REFRESH_TOKEN_TTL_MS = 90 * 86_400_000;

export function issueAccessToken(
  stores: TokenStores,
  init: Pick<AccessTokenRecord, 'kind' | 'clientId' | 'scopes'> & { userId?: string; grantId?: string },
): AccessTokenRecord {
  const now = stores.clock.now();
  const record: AccessTokenRecord = {
    token: secureBase64Url(48),
    accountId: stores.accountId,
    issuedAt: now,
    expiresAt: now + stores.tokenTtlSeconds * 1000,
    revoked: false,
    ...init,
  };
  stores.accessTokens.set(record.token, record);
  return record;
}

function newRefreshToken(stores: TokenStores, grant: OAuthGrant): RefreshTokenRecord {
  const now = stores.clock.now();
  const record: RefreshTokenRecord = {
    token: secureBase64Url(48),
    grantId: grant.id,
    clientId: grant.clientId,
    userId: grant.userId,
    issuedAt: now,
    expiresAt: now + REFRESH_TOKEN_TTL_MS,
  };
  stores.refreshTokens.set(record.token, record);
  return record;
}

export function revokeGrant(stores: TokenStores, grant: OAuthGrant): void {
  const now = stores.clock.now();
  grant.revoked = true;
  for (const r of stores.refreshTokens.values()) if (r.grantId === grant.id) r.invalidatedAt ??= now;
  for (const a of stores.accessTokens.values()) if (a.grantId === grant.id) a.revoked = true;
}

/**
 * NOTE: "with multiple authorizations, the last token issued is considered valid, and the
 * previous ones are invalidated" (OAuth error 4741, docs/zoom.md#server-to-server-oauth) — a new grant for the same user
 * and app revokes the earlier one.
 */
export function createGrant(stores: TokenStores, clientId: string, userId: string): OAuthGrant {
  for (const g of stores.grants.values()) {
    if (!g.revoked && g.clientId === clientId && g.userId === userId) revokeGrant(stores, g);
  }
  const grant: OAuthGrant = {
    id: secureAlnum(16),
    clientId,
    userId,
    accountId: stores.accountId,
    scopes: USER_SCOPES,
    currentRefreshToken: '',
    revoked: false,
  };
  stores.grants.set(grant.id, grant);
  return grant;
}

/**
 * NOTE: refresh tokens rotate — each use issues a new one and the previous one stops working
 * (devsupport 360060332931, docs/zoom.md#user-oauth).
 */
export function issueGrantTokens(stores: TokenStores, grant: OAuthGrant): { access: AccessTokenRecord; refresh: RefreshTokenRecord } {
  const previous = stores.refreshTokens.get(grant.currentRefreshToken);
  if (previous) previous.invalidatedAt ??= stores.clock.now();
  const refresh = newRefreshToken(stores, grant);
  grant.currentRefreshToken = refresh.token;
  const access = issueAccessToken(stores, {
    kind: 'user',
    clientId: grant.clientId,
    userId: grant.userId,
    grantId: grant.id,
    scopes: grant.scopes,
  });
  return { access, refresh };
}
