export type TokenKind = 's2s' | 'user' | 'legacy';

/** An issued OAuth access token. Tokens are opaque random strings, as Zoom's look to clients. */
export interface AccessTokenRecord {
  token: string;
  kind: 's2s' | 'user';
  accountId: string;
  clientId: string;
  /** The token's user, for user-level tokens. */
  userId?: string;
  /** The user OAuth grant this token came from. */
  grantId?: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

/** One user's authorization of one OAuth app; its refresh token rotates on every use. */
export interface OAuthGrant {
  id: string;
  clientId: string;
  userId: string;
  accountId: string;
  scopes: string[];
  currentRefreshToken: string;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
  /** Set when this token was exchanged (rotated away) or its grant revoked. */
  invalidatedAt?: number;
}

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  expiresAt: number;
  used: boolean;
}

export interface ZakRecord {
  token: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
  invalidated: boolean;
}

/** Server-side state behind an opaque `next_page_token`. */
export interface PageCursor {
  scope: string;
  offset: number;
  expiresAt: number;
}
