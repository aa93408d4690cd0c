export type TokenSourceKind = 's2s' | 'user' | 'zak' | 'legacy';

/** What the store keeps for one credential identity. */
export interface TokenRecord {
  accessToken: string;
  /** ms epoch; computed from when the token request was sent, not when it was answered. */
  expiresAt: number;
  obtainedAt: number;
  scopes: string[];
  /** Regional REST base from the token response, e.g. https://api-us.zoom.us (no /v2). */
  apiUrl?: string;
  /** User OAuth only: durable state, never expired by the store. */
  refreshToken?: string;
  /** User OAuth only: names one authorization (each install is a new one); kept across refreshes. */
  grantId?: string;
  /** User OAuth only: the caller linked to this grant by its install (its credential named no Zoom user). */
  linkedPrincipal?: string;
}

/** A token is served only while more than the margin remains. */
export const isFresh = (r: TokenRecord | undefined, now: number, marginMs: number): r is TokenRecord =>
  r !== undefined && r.expiresAt - now > marginMs;
