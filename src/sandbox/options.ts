import type { LegacyJwtApp, OAuthApp, S2SApp } from './apps.js';
import type { Plan } from './rateLimit.js';

export interface FakeZoomOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** Rate-limit plan of the fake account. @default 'pro' */
  plan?: Plan;
  /** Enforce the account's per-second/daily limits. The per-user meeting limit always applies. @default true */
  rateLimits?: boolean;
  /** `expires_in` of access tokens. @default 3599 (observed Zoom value, docs/zoom.md#server-to-server-oauth) */
  tokenTtlSeconds?: number;
  /** Server-to-Server OAuth apps. @default [SANDBOX_CREDENTIALS.s2s] */
  s2sApps?: S2SApp[];
  /** User-level OAuth apps; `redirectUris` undefined allows any. @default [SANDBOX_CREDENTIALS.oauth] */
  oauthApps?: OAuthApp[];
  /**
   * Retired JWT apps whose HS256 tokens the fake should still accept. Zoom stopped honouring
   * them in 2023 (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app), so by default a JWT bearer gets 401/124.
   * @default []
   */
  legacyJwtApps?: LegacyJwtApp[];
  /** Deterministic seeded data. @default { users: 25, seed: 1 } */
  seed?: { users?: number; seed?: number };
  /** One line per request. */
  logger?: (line: string) => void;
  /**
   * Multiplies Zoom's webhook retry delays (5, 20, 60 min); e.g. 0.001 for 0.3, 1.2 and 3.6 s
   * of the fake's clock. @default 1
   */
  webhookRetryScale?: number;
}

/** The credentials a fake accepts when `s2sApps` / `oauthApps` are not given. Not secrets. */
export const SANDBOX_CREDENTIALS = {
  s2s: { clientId: 'sandbox-s2s-client', clientSecret: 'sandbox-s2s-secret', accountId: 'fakeAccount1' },
  oauth: { clientId: 'sandbox-oauth-client', clientSecret: 'sandbox-oauth-secret' },
} as const;

/** The webhook secret token of the sandbox's event subscription, unless ZOOM_WEBHOOK_SECRET_TOKEN is set. Not a secret. */
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret-not-for-production';

export interface ResolvedOptions {
  host: string;
  port: number;
  plan: Plan;
  rateLimits: boolean;
  tokenTtlSeconds: number;
  s2sApps: S2SApp[];
  oauthApps: OAuthApp[];
  legacyJwtApps: LegacyJwtApp[];
  users: number;
  seed: number;
  accountId: string;
  logger?: (line: string) => void;
  webhookRetryScale: number;
}

export function resolveOptions(o: FakeZoomOptions): ResolvedOptions {
  const s2sApps = o.s2sApps ?? [{ ...SANDBOX_CREDENTIALS.s2s }];
  return {
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 0,
    plan: o.plan ?? 'pro',
    rateLimits: o.rateLimits ?? true,
    tokenTtlSeconds: o.tokenTtlSeconds ?? 3599,
    s2sApps,
    oauthApps: o.oauthApps ?? [{ ...SANDBOX_CREDENTIALS.oauth }],
    legacyJwtApps: o.legacyJwtApps ?? [],
    users: Math.max(1, o.seed?.users ?? 25),
    seed: o.seed?.seed ?? 1,
    accountId: s2sApps[0]?.accountId ?? 'fakeAccount1',
    logger: o.logger,
    webhookRetryScale: o.webhookRetryScale ?? 1,
  };
}
