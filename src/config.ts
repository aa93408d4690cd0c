import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseApiKeys, type ApiKeyEntry } from './config/apiKeys.js';
import { readTracingConfig, type TracingConfig } from './config/tracing.js';

/** The rate-limit plans Zoom publishes; `business` also covers Business+ and Enterprise. */
export type RateLimitPlan = 'free' | 'pro' | 'business';

/** A plan, or `none`: no pacing (a fake Zoom without limits, benchmarks). */
export type PacingPlan = RateLimitPlan | 'none';

export type StoreConfig =
  { kind: 'sqlite'; path: string; url: string } | { kind: 'redis'; url: string } | { kind: 'postgres'; url: string } | { kind: 'memory' };

export type GatewayAuthConfig =
  | { mode: 'none' }
  | { mode: 'jwt'; secret?: string; jwksUrl?: string; issuer?: string; audience?: string }
  | { mode: 'apikey'; keys: ApiKeyEntry[] };

/** Limits checked before any resolver runs (see src/graphql/limits). */
export interface QueryLimits {
  maxDepth: number;
  /** Upper bound on the Zoom calls one operation can cause. */
  maxCost: number;
  maxAliases: number;
  /** Operations per batched HTTP request; 0 turns batching off. */
  maxBatch: number;
  maxBodyBytes: number;
  /** GRAPHQL_MAX_DOCUMENT_LENGTH: characters of one query text, apart from the body limit. */
  maxDocumentLength: number;
  /** GRAPHQL_MAX_TOKENS: lexical tokens one document may hold; the parser stops past it. */
  maxTokens: number;
  /** GRAPHQL_MAX_NESTING: brackets (`{`, `[`, `(`) nested in one document's text. */
  maxNesting: number;
  /** GRAPHQL_MAX_OPERATIONS: operation definitions in one document. */
  maxOperations: number;
  /** GRAPHQL_MAX_SELECTIONS: fields and fragments selected in one document, as written. */
  maxSelections: number;
  /** GRAPHQL_MAX_DIRECTIVES: directives in one document. */
  maxDirectives: number;
  /** HTTP_MAX_JSON_DEPTH: arrays and objects nested in a request's JSON (body, variables, webhook, WebSocket message). */
  maxJsonDepth: number;
  /** GraphQL requests worked on at once; the rest wait (up to the Zoom deadline). 0 = no bound. */
  maxInflight: number;
  /** GRAPHQL_CALLER_PARSE_MS_PER_SECOND: event-loop ms per second one caller's requests may spend before execution; past it they are paced. 0 = off. */
  callerParseMsPerSecond: number;
}

/** What one client connection may cost the HTTP server (see src/http/serverOptions.ts). */
export interface HttpServerLimits {
  /** HTTP_HEADERS_TIMEOUT_MS: from the connection (or a later request's first byte) to the end of its head. */
  headersTimeoutMs: number;
  /** HTTP_REQUEST_TIMEOUT_MS: from the start of a request to the last byte of its body. */
  requestTimeoutMs: number;
  /** HTTP_KEEP_ALIVE_TIMEOUT_MS: how long a connection may sit idle between requests. */
  keepAliveTimeoutMs: number;
  /** HTTP_MAX_CONNECTIONS: open client connections at once; 0 = no cap. */
  maxConnections: number;
}

export interface Config {
  nodeEnv: string;
  production: boolean;
  host: string;
  port: number;
  logLevel: string;
  /** True when the gateway starts its own fake Zoom and points every Zoom URL at it. */
  sandbox: boolean;
  zoom: {
    apiUrl: string;
    oauthUrl: string;
    rateLimitPlan: PacingPlan;
    requestDeadlineMs: number;
    /** ZOOM_CACHE_TTL_SECONDS: how long Zoom GET answers stay in the store's read cache; 0 = off. */
    cacheTtlSeconds: number;
  };
  s2s: { accountId: string; clientId: string; clientSecret: string } | null;
  userOAuth: { clientId: string; clientSecret: string; redirectUri: string | null } | null;
  sdk: { key: string; secret: string } | null;
  /** ZOOM_VIDEO_SDK_KEY / ZOOM_VIDEO_SDK_SECRET: the Video SDK app that signs `videoSdkToken`; null = off. */
  videoSdk: { key: string; secret: string } | null;
  legacyJwt: { apiKey: string; apiSecret: string } | null;
  store: StoreConfig;
  /** Prefix of every store key and lock (CACHE_NAMESPACE); replicas sharing a store share it. */
  cacheNamespace: string;
  /** CACHE_LOCK_TTL_MS: a Redis refresh lock whose holder died (stopped renewing) expires after this. */
  cacheLockTtlMs: number;
  /**
   * The keys in force: current key first, then keys still accepted for reading. In sandbox mode
   * without TOKEN_ENCRYPTION_KEY, the fixed public sandbox key.
   */
  encryptionKeys: [Uint8Array, ...Uint8Array[]];
  tokenRefreshMarginSeconds: number;
  auth: GatewayAuthConfig;
  /** `federation`: GRAPHQL_FEDERATION, serve the schema as an Apollo Federation 2 subgraph. */
  graphql: {
    introspection: boolean;
    ide: boolean;
    federation: boolean;
    /** GRAPHQL_ANSWER_CACHE_BYTES: the bound on whole answers kept in the process (with the read cache on); 0 = off. */
    answerCacheBytes: number;
  };
  /**
   * GRAPHQL_TRUSTED_DOCUMENTS: a persisted-documents manifest; only its operations run, except for
   * admins when GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN is on. Null = any document runs.
   */
  trustedDocuments: { path: string; allowAdmin: boolean } | null;
  limits: QueryLimits;
  /** Browser origins allowed by CORS; `['*']` = any; null = no CORS headers at all. */
  corsOrigins: string[] | null;
  httpServer: HttpServerLimits;
  /**
   * ZOOM_WEBHOOK_SECRET_TOKEN: the app's webhook secret token(s); several during a rotation,
   * each accepted. Null = no `POST /zoom/webhooks` route (404).
   */
  webhookSecrets: string[] | null;
  /** OpenTelemetry tracing from the standard OTEL_* variables; null = off. */
  tracing: TracingConfig | null;
  /** GraphQL subscriptions over WebSocket on /graphql (src/live/). */
  subscriptions: SubscriptionLimits;
  /** What browser apps need (readBrowserClients). */
  browser: BrowserClientConfig;
}

/** Settings for browser apps and their GraphQL clients. */
export interface BrowserClientConfig {
  /** CORS_ALLOWED_HEADERS: request headers a CORS preflight allows. */
  corsAllowedHeaders: string[];
  /**
   * GRAPHQL_CSRF_PREVENTION: a GET query, or a POST that is not JSON, needs a credential or a
   * preflight header. On by default, except in sandbox mode (fake data, no credential), where
   * urql's default GET queries work as they are.
   */
  csrfPrevention: boolean;
  /** ZOOM_SANDBOX_PORT: the port of the sandbox's fake Zoom (its control API); 0 = any free one. */
  sandboxPort: number;
}

/**
 * The headers browser GraphQL clients add: Apollo Client's client awareness, Apollo's CSRF
 * headers, W3C trace context, and the gateway's credential and request id headers.
 */
export const DEFAULT_CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'traceparent',
  'tracestate',
];

/** What one WebSocket client may hold (src/http/subscriptions.ts). */
export interface SubscriptionLimits {
  /** WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: active subscriptions on one connection. */
  maxPerConnection: number;
  /** WS_MAX_CONNECTIONS_PER_CALLER: open connections of one caller, per replica. */
  maxConnectionsPerCaller: number;
  /** WS_MAX_MESSAGE_BYTES: the largest message a client may send; larger closes with 1009. */
  maxMessageBytes: number;
  /** WS_KEEPALIVE_MS: ping interval; a client that has not answered by the next ping is dropped. 0 = off. */
  keepAliveMs: number;
  /** WS_CONNECTION_INIT_TIMEOUT_MS: time to send an authenticated connection_init (else 4408). */
  initTimeoutMs: number;
  /** WS_MAX_BUFFERED_BYTES: unsent bytes to one client before it is closed as a slow consumer (1013). */
  maxBufferedBytes: number;
}

/**
 * Stops the process at start (main.ts prints the message, no stack, and exits 78): invalid
 * configuration, or a valid one naming something unusable (an unwritable store, a taken port).
 */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    heading = 'Invalid configuration',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * What a message may show of a URL-valued setting: its scheme and host, never a user,
 * password, path or query (a typo can put a password anywhere in the string).
 */
export function urlForDisplay(raw: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(raw)?.[1];
  if (!scheme) return '(value not shown)';
  const host = URL.canParse(raw) ? new URL(raw).host : '';
  return `${scheme}://${host}…`;
}

export const LEGACY_JWT_MESSAGE =
  'ZOOM_API_KEY/ZOOM_API_SECRET belong to a Zoom JWT app. Zoom stopped creating JWT apps on ' +
  '2023-06-01 and retired the app type in September 2023. Create a Server-to-Server OAuth app ' +
  '(set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET) and, for Meeting SDK signatures, a ' +
  'Meeting SDK app (ZOOM_SDK_KEY, ZOOM_SDK_SECRET); your GraphQL queries stay the same. To keep ' +
  'using the JWT credentials meanwhile, set ZOOM_LEGACY_JWT=allow.';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const bool = (fallback: boolean) =>
  optional.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: `expected true or false, got "${v}"` });
    return z.NEVER;
  });
const intIn = (min: number, max: number, fallback: number) =>
  optional.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });
const url = optional.refine((v) => v === undefined || URL.canParse(v), { message: 'expected an absolute URL' });

const EnvSchema = z.object({
  NODE_ENV: optional,
  PORT: intIn(0, 65535, 4000),
  HOST: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  ZOOM_API_URL: url,
  ZOOM_OAUTH_URL: url,
  ZOOM_ACCOUNT_ID: optional,
  ZOOM_CLIENT_ID: optional,
  ZOOM_CLIENT_SECRET: optional,
  ZOOM_OAUTH_CLIENT_ID: optional,
  ZOOM_OAUTH_CLIENT_SECRET: optional,
  ZOOM_OAUTH_REDIRECT_URI: url,
  ZOOM_SDK_KEY: optional,
  ZOOM_SDK_SECRET: optional,
  ZOOM_VIDEO_SDK_KEY: optional,
  ZOOM_VIDEO_SDK_SECRET: optional,
  ZOOM_API_KEY: optional,
  ZOOM_API_SECRET: optional,
  ZOOM_LEGACY_JWT: optional,
  CACHE_URL: optional,
  CACHE_NAMESPACE: optional.refine((v) => v === undefined || /^[A-Za-z0-9_.-]{1,64}$/.test(v), {
    message: 'expected 1 to 64 letters, digits, "_", "." or "-"',
  }),
  CACHE_LOCK_TTL_MS: intIn(500, 300_000, 8_000),
  TOKEN_ENCRYPTION_KEY: optional,
  TOKEN_ENCRYPTION_OLD_KEYS: optional,
  TOKEN_REFRESH_MARGIN_SECONDS: intIn(0, 3000, 300),
  ZOOM_RATE_LIMIT_PLAN: z.enum(['free', 'pro', 'business', 'none']).optional().default('pro'),
  ZOOM_REQUEST_DEADLINE_MS: intIn(1000, 120_000, 15_000),
  // A minute: what a dashboard refreshing every few seconds gains most from, and as stale as a
  // change made outside the gateway (no webhook) may be seen. Own writes invalidate at once.
  ZOOM_CACHE_TTL_SECONDS: intIn(0, 86_400, 60),
  GATEWAY_AUTH: z.enum(['jwt', 'apikey', 'none']).optional(),
  GATEWAY_JWT_SECRET: optional,
  GATEWAY_JWKS_URL: url,
  GATEWAY_JWT_ISSUER: optional,
  GATEWAY_JWT_AUDIENCE: optional,
  GATEWAY_API_KEYS: optional,
  GRAPHQL_INTROSPECTION: bool(true),
  GRAPHQL_ANSWER_CACHE_BYTES: intIn(0, 1024 * 1024 * 1024, 16 * 1024 * 1024),
  GRAPHQL_IDE: optional,
  GRAPHQL_FEDERATION: bool(false),
  GRAPHQL_TRUSTED_DOCUMENTS: optional,
  GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: bool(false),
  ZOOM_SANDBOX: optional,
  GRAPHQL_MAX_DEPTH: intIn(1, 100, 10),
  GRAPHQL_MAX_COST: intIn(1, 1_000_000, 1000),
  GRAPHQL_MAX_ALIASES: intIn(0, 1000, 30),
  GRAPHQL_MAX_BATCH: intIn(0, 100, 10),
  GRAPHQL_MAX_BODY_BYTES: intIn(1024, 100 * 1024 * 1024, 1024 * 1024),
  GRAPHQL_MAX_INFLIGHT: intIn(0, 100_000, 128),
  GRAPHQL_CALLER_PARSE_MS_PER_SECOND: intIn(0, 1000, 100),
  HTTP_MAX_JSON_DEPTH: intIn(4, 1000, 64),
  GRAPHQL_MAX_DOCUMENT_LENGTH: intIn(1024, 100 * 1024 * 1024, 100_000),
  GRAPHQL_MAX_TOKENS: intIn(100, 1_000_000, 10_000),
  GRAPHQL_MAX_NESTING: intIn(8, 1000, 100),
  GRAPHQL_MAX_OPERATIONS: intIn(1, 10_000, 25),
  GRAPHQL_MAX_SELECTIONS: intIn(1, 1_000_000, 1000),
  GRAPHQL_MAX_DIRECTIVES: intIn(0, 1_000_000, 50),
  CORS_ORIGINS: optional,
  HTTP_HEADERS_TIMEOUT_MS: intIn(1000, 300_000, 10_000),
  HTTP_REQUEST_TIMEOUT_MS: intIn(1000, 300_000, 30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: intIn(1000, 600_000, 72_000),
  HTTP_MAX_CONNECTIONS: intIn(0, 1_000_000, 10_000),
  ZOOM_WEBHOOK_SECRET_TOKEN: optional,
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: intIn(1, 1000, 20),
  WS_MAX_CONNECTIONS_PER_CALLER: intIn(1, 100_000, 20),
  WS_MAX_MESSAGE_BYTES: intIn(1024, 10 * 1024 * 1024, 64 * 1024),
  WS_KEEPALIVE_MS: intIn(0, 600_000, 15_000),
  WS_CONNECTION_INIT_TIMEOUT_MS: intIn(100, 60_000, 5_000),
  WS_MAX_BUFFERED_BYTES: intIn(1024, 1024 * 1024 * 1024, 1024 * 1024),
  // Browser apps and the sandbox (readBrowserClients).
  CORS_ALLOWED_HEADERS: optional,
  GRAPHQL_CSRF_PREVENTION: optional,
  ZOOM_SANDBOX_PORT: intIn(0, 65535, 0),
});

type Env = z.infer<typeof EnvSchema>;
type Problems = string[];

/** Reads every variable of the environment contract at once; throws one ConfigError naming all problems. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: Problems = [];
  const e = parseFields(env, problems);
  const production = e.NODE_ENV === 'production';
  const s2s = group(e, problems, ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'], 'Server-to-Server OAuth');
  const oauth = group(e, problems, ['ZOOM_OAUTH_CLIENT_ID', 'ZOOM_OAUTH_CLIENT_SECRET'], 'user OAuth');
  const sdk = group(e, problems, ['ZOOM_SDK_KEY', 'ZOOM_SDK_SECRET'], 'Meeting SDK');
  const videoSdk = group(e, problems, ['ZOOM_VIDEO_SDK_KEY', 'ZOOM_VIDEO_SDK_SECRET'], 'Video SDK');
  const legacy = group(e, problems, ['ZOOM_API_KEY', 'ZOOM_API_SECRET'], 'legacy JWT app');
  const sandbox = readSandbox(e, problems, production, Boolean(s2s || oauth || legacy));

  if (legacy && e.ZOOM_LEGACY_JWT !== 'allow') problems.push(`ZOOM_API_KEY: ${LEGACY_JWT_MESSAGE}`);
  if (e.ZOOM_LEGACY_JWT !== undefined && e.ZOOM_LEGACY_JWT !== 'allow') {
    problems.push(`ZOOM_LEGACY_JWT: the only accepted value is "allow", got "${e.ZOOM_LEGACY_JWT}"`);
  }

  const config: Config = {
    nodeEnv: e.NODE_ENV ?? 'development',
    production,
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    sandbox,
    zoom: {
      apiUrl: trimSlash(e.ZOOM_API_URL ?? 'https://api.zoom.us/v2'),
      oauthUrl: trimSlash(e.ZOOM_OAUTH_URL ?? 'https://zoom.us'),
      rateLimitPlan: e.ZOOM_RATE_LIMIT_PLAN,
      requestDeadlineMs: e.ZOOM_REQUEST_DEADLINE_MS,
      cacheTtlSeconds: e.ZOOM_CACHE_TTL_SECONDS,
    },
    s2s: s2s ? { accountId: s2s.ZOOM_ACCOUNT_ID, clientId: s2s.ZOOM_CLIENT_ID, clientSecret: s2s.ZOOM_CLIENT_SECRET } : null,
    userOAuth: oauth
      ? {
          clientId: oauth.ZOOM_OAUTH_CLIENT_ID,
          clientSecret: oauth.ZOOM_OAUTH_CLIENT_SECRET,
          redirectUri: e.ZOOM_OAUTH_REDIRECT_URI ?? null,
        }
      : null,
    sdk: sdk ? { key: sdk.ZOOM_SDK_KEY, secret: sdk.ZOOM_SDK_SECRET } : null,
    videoSdk: videoSdk ? { key: videoSdk.ZOOM_VIDEO_SDK_KEY, secret: videoSdk.ZOOM_VIDEO_SDK_SECRET } : null,
    legacyJwt: legacy && e.ZOOM_LEGACY_JWT === 'allow' ? { apiKey: legacy.ZOOM_API_KEY, apiSecret: legacy.ZOOM_API_SECRET } : null,
    store: readStore(e.CACHE_URL, problems),
    cacheNamespace: e.CACHE_NAMESPACE ?? 'zgg',
    cacheLockTtlMs: e.CACHE_LOCK_TTL_MS,
    encryptionKeys: readKeys(e, problems, sandbox),
    tokenRefreshMarginSeconds: e.TOKEN_REFRESH_MARGIN_SECONDS,
    auth: readAuth(e, problems, production, sandbox),
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION,
      ide: readIde(e, problems, production),
      federation: e.GRAPHQL_FEDERATION,
      answerCacheBytes: e.GRAPHQL_ANSWER_CACHE_BYTES,
    },
    trustedDocuments: e.GRAPHQL_TRUSTED_DOCUMENTS
      ? { path: e.GRAPHQL_TRUSTED_DOCUMENTS, allowAdmin: e.GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN }
      : null,
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxBatch: e.GRAPHQL_MAX_BATCH,
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      maxDocumentLength: e.GRAPHQL_MAX_DOCUMENT_LENGTH,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxNesting: e.GRAPHQL_MAX_NESTING,
      maxOperations: e.GRAPHQL_MAX_OPERATIONS,
      maxSelections: e.GRAPHQL_MAX_SELECTIONS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxJsonDepth: e.HTTP_MAX_JSON_DEPTH,
      maxInflight: e.GRAPHQL_MAX_INFLIGHT,
      callerParseMsPerSecond: e.GRAPHQL_CALLER_PARSE_MS_PER_SECOND,
    },
    corsOrigins: readCorsOrigins(e.CORS_ORIGINS, problems),
    httpServer: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    webhookSecrets: readWebhookSecrets(e.ZOOM_WEBHOOK_SECRET_TOKEN, problems),
    tracing: readTracingConfig(env, problems),
    subscriptions: {
      maxPerConnection: e.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerCaller: e.WS_MAX_CONNECTIONS_PER_CALLER,
      maxMessageBytes: e.WS_MAX_MESSAGE_BYTES,
      keepAliveMs: e.WS_KEEPALIVE_MS,
      initTimeoutMs: e.WS_CONNECTION_INIT_TIMEOUT_MS,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
    },
    browser: readBrowserClients(e, problems, sandbox),
  };
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push(
      `HTTP_HEADERS_TIMEOUT_MS: the head is part of the request, so it cannot exceed HTTP_REQUEST_TIMEOUT_MS (${e.HTTP_REQUEST_TIMEOUT_MS})`,
    );
  }
  if (e.GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN && !e.GRAPHQL_TRUSTED_DOCUMENTS) {
    problems.push(
      'GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: has no effect without GRAPHQL_TRUSTED_DOCUMENTS (the manifest of trusted documents)',
    );
  }
  problems.push(...unknownVariables(env), ...missingZoomCredential(e, production, sandbox));
  if (oauth && !config.userOAuth?.redirectUri && !sandbox) {
    problems.push('ZOOM_OAUTH_REDIRECT_URI: required with user OAuth (the public URL of /oauth/callback)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Parses each variable on its own so one bad value never hides another. */
function parseFields(env: Record<string, string | undefined>, problems: Problems): Env {
  const out: Record<string, unknown> = {};
  const fallback = EnvSchema.parse({});
  for (const [name, schema] of Object.entries(EnvSchema.shape)) {
    const r = (schema as z.ZodType).safeParse(env[name]);
    if (r.success) out[name] = r.data;
    else {
      problems.push(...r.error.issues.map((i) => `${name}: ${i.message}`));
      out[name] = fallback[name as keyof Env];
    }
  }
  return out as Env;
}

/** A credential group is all set or all unset; a partial group is a mistake worth naming. */
function group<K extends keyof Env>(e: Env, problems: Problems, names: K[], what: string): Record<K, string> | null {
  const values = names.map((n) => e[n] as string | undefined);
  const set = values.filter((v) => v !== undefined).length;
  if (set === 0) return null;
  if (set < names.length) {
    const missing = names.filter((_, i) => values[i] === undefined);
    problems.push(`${missing.join(', ')}: required for ${what} when ${names.filter((_, i) => values[i] !== undefined).join(', ')} is set`);
    return null;
  }
  return Object.fromEntries(names.map((n, i) => [n, values[i]])) as Record<K, string>;
}

function readSandbox(e: Env, problems: Problems, production: boolean, hasZoomCredential: boolean): boolean {
  if (e.ZOOM_SANDBOX === undefined) return !production && !hasZoomCredential;
  if (e.ZOOM_SANDBOX !== '1' && e.ZOOM_SANDBOX !== '0') {
    problems.push(`ZOOM_SANDBOX: expected 1 or 0, got "${e.ZOOM_SANDBOX}"`);
    return false;
  }
  if (e.ZOOM_SANDBOX === '1' && production) {
    problems.push('ZOOM_SANDBOX: the fake Zoom never runs with NODE_ENV=production');
    return false;
  }
  return e.ZOOM_SANDBOX === '1';
}

export function readStore(value: string | undefined, problems: Problems): StoreConfig {
  const raw = value ?? 'sqlite://./data/gateway.sqlite';
  if (raw === 'memory://' || raw === 'memory:') return { kind: 'memory' };
  if (raw.startsWith('sqlite://')) {
    const path = raw.slice('sqlite://'.length);
    if (path === '') problems.push('CACHE_URL: sqlite:// needs a file path, e.g. sqlite://./data/gateway.sqlite');
    return { kind: 'sqlite', path, url: raw };
  }
  const kind = /^rediss?:\/\//.test(raw) ? 'redis' : /^postgres(ql)?:\/\//.test(raw) ? 'postgres' : undefined;
  // NOTE: never echo the value: a URL that does not parse may still hold a password.
  if (kind && URL.canParse(raw)) return { kind, url: raw };
  if (kind) {
    problems.push(
      `CACHE_URL: not a valid ${kind} URL (value not shown, it may hold a password); expected e.g. ${kind === 'redis' ? 'redis://[user:password@]host:6379[/db]' : 'postgresql://user:password@host:5432/database'}`,
    );
  } else {
    problems.push(`CACHE_URL: expected sqlite://path, redis://…, postgresql://… or memory://, got "${urlForDisplay(raw)}"`);
  }
  return { kind: 'memory' };
}

/** Prints a new TOKEN_ENCRYPTION_KEY: 32 random bytes in base64url. */
const KEY_COMMAND = 'openssl rand -base64 32 | tr "+/" "-_" | tr -d =';

/**
 * Sandbox mode only: a fixed, public key, so a restarted sandbox can still read its own (fake)
 * tokens. Never in force when real Zoom credentials are configured (TOKEN_ENCRYPTION_KEY is
 * required then).
 */
const SANDBOX_KEY = new Uint8Array(createHash('sha256').update('zoom-graphql-gateway sandbox key').digest());

function readKeys(e: Env, problems: Problems, sandbox: boolean): [Uint8Array, ...Uint8Array[]] {
  if (e.TOKEN_ENCRYPTION_KEY === undefined) {
    if (!sandbox) {
      problems.push(`TOKEN_ENCRYPTION_KEY: required outside sandbox mode; generate one with \`${KEY_COMMAND}\``);
    }
    return [SANDBOX_KEY];
  }
  const all = [
    e.TOKEN_ENCRYPTION_KEY,
    ...(e.TOKEN_ENCRYPTION_OLD_KEYS?.split(',')
      .map((k) => k.trim())
      .filter(Boolean) ?? []),
  ];
  const [current, ...old] = all.flatMap((k, i) => {
    const bytes = Buffer.from(k, 'base64url');
    if (bytes.length === 32 && /^[A-Za-z0-9_-]{43}$/.test(k)) return [new Uint8Array(bytes)];
    problems.push(
      `${i === 0 ? 'TOKEN_ENCRYPTION_KEY' : 'TOKEN_ENCRYPTION_OLD_KEYS'}: expected 32 bytes in base64url (43 characters); generate one with \`${KEY_COMMAND}\``,
    );
    return [];
  });
  // No valid key left means a problem was reported, and the configuration is refused.
  return current ? [current, ...old] : [SANDBOX_KEY];
}

function readAuth(e: Env, problems: Problems, production: boolean, sandbox: boolean): GatewayAuthConfig {
  const mode = e.GATEWAY_AUTH ?? (sandbox ? 'none' : undefined);
  switch (mode) {
    case undefined:
      problems.push('GATEWAY_AUTH: required outside sandbox mode (jwt or apikey)');
      return { mode: 'none' };
    case 'none':
      if (production) problems.push('GATEWAY_AUTH: "none" is refused when NODE_ENV=production');
      return { mode: 'none' };
    case 'jwt':
      if (!e.GATEWAY_JWT_SECRET && !e.GATEWAY_JWKS_URL) {
        problems.push('GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL: one is required with GATEWAY_AUTH=jwt');
      }
      if (e.GATEWAY_JWT_SECRET && e.GATEWAY_JWT_SECRET.length < 32) {
        problems.push('GATEWAY_JWT_SECRET: must be at least 32 characters (HS256)');
      }
      return {
        mode: 'jwt',
        ...(e.GATEWAY_JWT_SECRET ? { secret: e.GATEWAY_JWT_SECRET } : {}),
        ...(e.GATEWAY_JWKS_URL ? { jwksUrl: e.GATEWAY_JWKS_URL } : {}),
        ...(e.GATEWAY_JWT_ISSUER ? { issuer: e.GATEWAY_JWT_ISSUER } : {}),
        ...(e.GATEWAY_JWT_AUDIENCE ? { audience: e.GATEWAY_JWT_AUDIENCE } : {}),
      };
    case 'apikey': {
      const { keys, errors } = parseApiKeys(e.GATEWAY_API_KEYS ?? '');
      problems.push(...errors.map((m) => `GATEWAY_API_KEYS: ${m}`));
      if (keys.length === 0 && errors.length === 0) problems.push('GATEWAY_API_KEYS: required with GATEWAY_AUTH=apikey');
      return { mode: 'apikey', keys };
    }
  }
}

function readIde(e: Env, problems: Problems, production: boolean): boolean {
  if (e.GRAPHQL_IDE === undefined) return !production;
  if (/^(1|true)$/i.test(e.GRAPHQL_IDE)) return true;
  if (/^(0|false)$/i.test(e.GRAPHQL_IDE)) return false;
  problems.push(`GRAPHQL_IDE: expected true or false, got "${e.GRAPHQL_IDE}"`);
  return false;
}

/** Origins as browsers send them (`scheme://host[:port]`, no path), or `*` alone. */
function readCorsOrigins(value: string | undefined, problems: Problems): string[] | null {
  if (value === undefined) return null;
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.includes('*')) {
    if (origins.length > 1) problems.push('CORS_ORIGINS: "*" allows every origin and cannot be combined with others');
    return ['*'];
  }
  for (const o of origins) {
    if (!URL.canParse(o) || new URL(o).origin !== o) {
      problems.push(`CORS_ORIGINS: "${o}" is not an origin; expected scheme://host[:port] without a path or trailing slash`);
    }
  }
  return origins.length > 0 ? origins : null;
}

/** A comma list: the current secret token and, during a rotation, the other one. */
function readWebhookSecrets(value: string | undefined, problems: Problems): string[] | null {
  if (value === undefined) return null;
  const secrets = [...new Set(value.split(',').map((t) => t.trim()))];
  // Zoom generates the token, so its strength is not ours to check; a stray comma is a typo.
  if (secrets.includes(''))
    problems.push('ZOOM_WEBHOOK_SECRET_TOKEN: an empty entry in the comma list; expected token or newToken,oldToken (value not shown)');
  return secrets.filter(Boolean);
}

/** Prefixes of the gateway's own variables: any other name with them is a typo worth stopping for. */
const OWN_PREFIXES = ['ZOOM_', 'GATEWAY_', 'CACHE_'];

/**
 * What Kubernetes sets for each service in the namespace (a service named `gateway` or
 * `zoom-graphql-gateway` gives GATEWAY_SERVICE_HOST, ZOOM_GRAPHQL_GATEWAY_PORT_4000_TCP, …): not
 * the operator's typos.
 */
const SERVICE_LINK = /_SERVICE_(HOST|PORT)(_[A-Z0-9_]+)?$|_PORT(_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?$/;

/** `ZOOM_CLIENTID: not a variable …; did you mean ZOOM_CLIENT_ID?` for each unknown own-prefixed name. */
function unknownVariables(env: Record<string, string | undefined>): Problems {
  const known = Object.keys(EnvSchema.shape);
  return Object.keys(env)
    .filter(
      (name) =>
        OWN_PREFIXES.some((p) => name.startsWith(p)) &&
        !known.includes(name) &&
        !SERVICE_LINK.test(name) &&
        (env[name] ?? '').trim() !== '',
    )
    .sort()
    .map((name) => {
      // A name cut short or run on (ZOOM_WEBHOOK_SECRET) is closer than its edit count says.
      const score = (k: string) =>
        k.startsWith(name) || name.startsWith(k) ? Math.abs(k.length - name.length) / 2 : editDistance(name, k);
      const closest = known.reduce((best, k) => (score(k) < score(best) ? k : best));
      return `${name}: not a variable this gateway reads; did you mean ${closest}?`;
    });
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** In production the fake never runs, so a gateway with no Zoom credential at all could serve nothing. */
function missingZoomCredential(e: Env, production: boolean, sandbox: boolean): Problems {
  const names = [
    'ZOOM_ACCOUNT_ID',
    'ZOOM_CLIENT_ID',
    'ZOOM_CLIENT_SECRET',
    'ZOOM_OAUTH_CLIENT_ID',
    'ZOOM_OAUTH_CLIENT_SECRET',
    'ZOOM_API_KEY',
    'ZOOM_API_SECRET',
  ] as const;
  // A partly set group is already named by group().
  if (!production || sandbox || names.some((n) => e[n] !== undefined)) return [];
  return [
    'ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET: no Zoom credential is set, and with NODE_ENV=production the built-in fake Zoom never runs. ' +
      'Set these three from a Server-to-Server OAuth app, or ZOOM_OAUTH_CLIENT_ID, ZOOM_OAUTH_CLIENT_SECRET and ZOOM_OAUTH_REDIRECT_URI from a user OAuth app (or both)',
  ];
}

/** CORS_ALLOWED_HEADERS, GRAPHQL_CSRF_PREVENTION and ZOOM_SANDBOX_PORT. */
function readBrowserClients(e: Env, problems: Problems, sandbox: boolean): BrowserClientConfig {
  let corsAllowedHeaders = DEFAULT_CORS_ALLOWED_HEADERS;
  if (e.CORS_ALLOWED_HEADERS !== undefined) {
    corsAllowedHeaders = [
      ...new Set(
        e.CORS_ALLOWED_HEADERS.split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    const bad = corsAllowedHeaders.filter((h) => !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(h));
    if (bad.length > 0)
      problems.push(
        `CORS_ALLOWED_HEADERS: ${bad.map((h) => JSON.stringify(h)).join(', ')} is not a header name; expected a comma list such as ${DEFAULT_CORS_ALLOWED_HEADERS.slice(0, 3).join(',')}`,
      );
    if (!corsAllowedHeaders.includes('content-type')) {
      problems.push(
        'CORS_ALLOWED_HEADERS: must include content-type, or no browser can POST a JSON query; the default list is ' +
          DEFAULT_CORS_ALLOWED_HEADERS.join(','),
      );
    }
  }
  let csrfPrevention = !sandbox;
  if (e.GRAPHQL_CSRF_PREVENTION !== undefined) {
    if (/^(1|true)$/i.test(e.GRAPHQL_CSRF_PREVENTION)) csrfPrevention = true;
    else if (/^(0|false)$/i.test(e.GRAPHQL_CSRF_PREVENTION)) csrfPrevention = false;
    else problems.push(`GRAPHQL_CSRF_PREVENTION: expected true or false, got "${e.GRAPHQL_CSRF_PREVENTION}"`);
  }
  if (e.ZOOM_SANDBOX_PORT !== 0 && !sandbox)
    problems.push("ZOOM_SANDBOX_PORT: pins the port of the sandbox's fake Zoom, and sandbox mode is off");
  return { corsAllowedHeaders, csrfPrevention, sandboxPort: e.ZOOM_SANDBOX_PORT };
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '');
}
