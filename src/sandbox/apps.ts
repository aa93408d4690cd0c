export interface S2SApp {
  clientId: string;
  clientSecret: string;
  accountId: string;
}

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** Allowed redirect URIs; undefined allows any. */
  redirectUris?: string[];
}

/** A retired JWT app (API key + secret); see legacyJwt.ts. */
export interface LegacyJwtApp {
  apiKey: string;
  apiSecret: string;
}

export type AuthenticatedClient = { kind: 's2s'; app: S2SApp } | { kind: 'oauth'; app: OAuthApp };

/** The Marketplace apps the fake knows, and HTTP Basic client authentication against them. */
export class AppRegistry {
  constructor(
    readonly s2s: readonly S2SApp[],
    readonly oauth: readonly OAuthApp[],
    readonly legacy: readonly LegacyJwtApp[],
  ) {}

  oauthApp(clientId: string): OAuthApp | undefined {
    return this.oauth.find((a) => a.clientId === clientId);
  }

  /** `Authorization: Basic base64(client_id:client_secret)` → the app, or undefined. */
  authenticateBasic(header: string | undefined): AuthenticatedClient | undefined {
    const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
    if (!m?.[1]) return undefined;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return undefined;
    const id = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const s2s = this.s2s.find((a) => a.clientId === id && a.clientSecret === secret);
    if (s2s) return { kind: 's2s', app: s2s };
    const oauth = this.oauth.find((a) => a.clientId === id && a.clientSecret === secret);
    return oauth ? { kind: 'oauth', app: oauth } : undefined;
  }
}
