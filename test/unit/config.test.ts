import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configProblems } from '../helpers/config.js';

const KEY = Buffer.alloc(32, 7).toString('base64url');
const s2s = { ZOOM_ACCOUNT_ID: 'acc', ZOOM_CLIENT_ID: 'cid', ZOOM_CLIENT_SECRET: 'secret' };

const problems = configProblems;

describe('loadConfig', () => {
  it('defaults to sandbox mode with an embedded SQLite store when no Zoom credential is set', () => {
    const c = loadConfig({});
    expect(c.sandbox).toBe(true);
    expect(c.store).toEqual({ kind: 'sqlite', path: './data/gateway.sqlite', url: 'sqlite://./data/gateway.sqlite' });
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.auth).toEqual({ mode: 'none' });
    expect(c.tokenRefreshMarginSeconds).toBe(300);
    expect(c.graphql).toEqual({ introspection: true, ide: true, federation: false, answerCacheBytes: 16 * 1024 * 1024 });
  });

  it('GRAPHQL_ANSWER_CACHE_BYTES: 0 turns the answer cache off; a negative, fractional or over-1-GiB value is refused', () => {
    expect(loadConfig({ GRAPHQL_ANSWER_CACHE_BYTES: '0' }).graphql.answerCacheBytes).toBe(0);
    expect(loadConfig({ GRAPHQL_ANSWER_CACHE_BYTES: '1048576' }).graphql.answerCacheBytes).toBe(1048576);
    for (const bad of ['-1', '1.5', String(2 ** 30 + 1), 'lots']) {
      expect(() => loadConfig({ GRAPHQL_ANSWER_CACHE_BYTES: bad })).toThrow(/GRAPHQL_ANSWER_CACHE_BYTES/);
    }
  });

  it('puts the keys in force in the configuration: the fixed sandbox key in sandbox mode, the configured one otherwise', () => {
    const sandbox = loadConfig({});
    const again = loadConfig({});
    expect(sandbox.encryptionKeys).toHaveLength(1);
    // Fixed, so a restarted sandbox still reads what it stored.
    expect(Buffer.from(again.encryptionKeys[0]).equals(Buffer.from(sandbox.encryptionKeys[0]))).toBe(true);
    const own = loadConfig({ TOKEN_ENCRYPTION_KEY: KEY });
    expect(own.sandbox).toBe(true);
    expect(own.encryptionKeys.map((k) => Buffer.from(k).toString('base64url'))).toEqual([KEY]);
  });

  it('GRAPHQL_FEDERATION turns the subgraph on; anything but a boolean is refused by name', () => {
    expect(loadConfig({ GRAPHQL_FEDERATION: 'true' }).graphql.federation).toBe(true);
    expect(loadConfig({ GRAPHQL_FEDERATION: 'false' }).graphql.federation).toBe(false);
    expect(problems({ GRAPHQL_FEDERATION: 'apollo' })).toEqual(['GRAPHQL_FEDERATION: expected true or false, got "apollo"']);
  });

  it('leaves sandbox mode once real S2S credentials are configured', () => {
    const c = loadConfig({ ...s2s, TOKEN_ENCRYPTION_KEY: KEY, GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `ops:${'a'.repeat(64)}:admin` });
    expect(c.sandbox).toBe(false);
    expect(c.s2s).toEqual({ accountId: 'acc', clientId: 'cid', clientSecret: 'secret' });
    expect(c.encryptionKeys).toHaveLength(1);
    expect(c.auth).toEqual({ mode: 'apikey', keys: [{ name: 'ops', sha256: 'a'.repeat(64), role: 'admin' }] });
  });

  it('reports every problem at once, each naming its variable', () => {
    const found = problems({
      NODE_ENV: 'production',
      ZOOM_ACCOUNT_ID: 'acc',
      PORT: 'eighty',
      CACHE_URL: 'mongodb://x',
      TOKEN_REFRESH_MARGIN_SECONDS: '-1',
      GATEWAY_AUTH: 'none',
      ZOOM_RATE_LIMIT_PLAN: 'platinum',
    });
    const names = found.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'TOKEN_REFRESH_MARGIN_SECONDS',
        'ZOOM_RATE_LIMIT_PLAN',
        'ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET',
        'CACHE_URL',
        'TOKEN_ENCRYPTION_KEY',
        'GATEWAY_AUTH',
      ]),
    );
    expect(found.join('\n')).not.toContain('acc');
  });

  it('refuses sandbox mode and GATEWAY_AUTH=none in production', () => {
    expect(problems({ NODE_ENV: 'production', ZOOM_SANDBOX: '1', GATEWAY_AUTH: 'none' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ZOOM_SANDBOX:/), expect.stringMatching(/^GATEWAY_AUTH: "none" is refused/)]),
    );
  });

  it('refuses legacy JWT credentials with a migration message unless ZOOM_LEGACY_JWT=allow', () => {
    const found = problems({ ZOOM_API_KEY: 'k', ZOOM_API_SECRET: 's' });
    expect(found.join('\n')).toMatch(/retired the app type in September 2023.*Server-to-Server OAuth/s);
    const c = loadConfig({
      ZOOM_API_KEY: 'k',
      ZOOM_API_SECRET: 's',
      ZOOM_LEGACY_JWT: 'allow',
      TOKEN_ENCRYPTION_KEY: KEY,
      GATEWAY_AUTH: 'none',
    });
    expect(c.legacyJwt).toEqual({ apiKey: 'k', apiSecret: 's' });
    expect(c.sandbox).toBe(false);
  });

  it('parses store URLs into a discriminated union', () => {
    const store = (CACHE_URL: string) => loadConfig({ CACHE_URL }).store;
    expect(store('memory://')).toEqual({ kind: 'memory' });
    expect(store('redis://127.0.0.1:6379')).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6379' });
    expect(store('postgresql://postgres@127.0.0.1/test')).toEqual({ kind: 'postgres', url: 'postgresql://postgres@127.0.0.1/test' });
  });

  it('checks encryption keys: 32 bytes base64url, old keys kept for reading', () => {
    expect(problems({ TOKEN_ENCRYPTION_KEY: 'short' })).toEqual([expect.stringMatching(/^TOKEN_ENCRYPTION_KEY: expected 32 bytes/)]);
    const old = Buffer.alloc(32, 9).toString('base64url');
    const c = loadConfig({ TOKEN_ENCRYPTION_KEY: KEY, TOKEN_ENCRYPTION_OLD_KEYS: old });
    expect(c.encryptionKeys.map((k) => Buffer.from(k).toString('base64url'))).toEqual([KEY, old]);
  });

  it('requires a JWT secret of at least 32 characters or a JWKS URL with GATEWAY_AUTH=jwt', () => {
    expect(problems({ GATEWAY_AUTH: 'jwt' })).toEqual([expect.stringMatching(/GATEWAY_JWKS_URL: one is required/)]);
    expect(problems({ GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: 'too-short' })).toEqual([expect.stringMatching(/at least 32/)]);
  });

  it('rejects malformed API key entries without echoing them whole', () => {
    expect(problems({ GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: 'ops:nothex:admin' })).toEqual([
      expect.stringMatching(/^GATEWAY_API_KEYS: entry 1/),
    ]);
  });
});

describe('CACHE_URL typos never print credentials', () => {
  const PASSWORD = 'hunter2-s3cret';
  const typos = [
    `redis:/admin:${PASSWORD}@cache.internal:6379`,
    `redis//admin:${PASSWORD}@cache.internal:6379`,
    `mongodb://admin:${PASSWORD}@cache.internal/tokens`,
    `postgress://admin:${PASSWORD}@db.internal/tokens`,
    `redis://admin:${PASSWORD}@cache.internal:port`,
    `postgresql://admin:${PASSWORD}@db.internal:5432:1/tokens`,
    `admin:${PASSWORD}@cache.internal`,
  ];

  it.each(typos)('%s → a CACHE_URL problem without the password or user', (CACHE_URL) => {
    const found = problems({ CACHE_URL });
    expect(found).toEqual([expect.stringMatching(/^CACHE_URL: /)]);
    expect(found[0]).not.toContain(PASSWORD);
    expect(found[0]).not.toContain('admin');
    expect(() => loadConfig({ CACHE_URL })).toThrow(/^Invalid configuration:\n {2}- CACHE_URL: /);
  });

  it('still says which scheme and host it did not understand', () => {
    expect(problems({ CACHE_URL: `mongodb://admin:${PASSWORD}@cache.internal/tokens` })).toEqual([
      'CACHE_URL: expected sqlite://path, redis://…, postgresql://… or memory://, got "mongodb://cache.internal…"',
    ]);
    expect(problems({ CACHE_URL: `redis://admin:${PASSWORD}@cache.internal:port` })).toEqual([
      expect.stringMatching(/^CACHE_URL: not a valid redis URL/),
    ]);
  });
});

describe('ZOOM_WEBHOOK_SECRET_TOKEN', () => {
  it('is off (no webhook route) when unset or empty', () => {
    expect(loadConfig({}).webhookSecrets).toBeNull();
    expect(loadConfig({ ZOOM_WEBHOOK_SECRET_TOKEN: '  ' }).webhookSecrets).toBeNull();
  });

  it('takes a comma list during a rotation, trimmed and without repeats', () => {
    expect(
      loadConfig({ ZOOM_WEBHOOK_SECRET_TOKEN: 'newSecretToken123456, oldSecretToken123456,newSecretToken123456' }).webhookSecrets,
    ).toEqual(['newSecretToken123456', 'oldSecretToken123456']);
  });

  it('names an empty entry without echoing the secrets', () => {
    const found = configProblems({ ZOOM_WEBHOOK_SECRET_TOKEN: 'secretTokenAbcdef123,,' });
    expect(found).toEqual([expect.stringMatching(/^ZOOM_WEBHOOK_SECRET_TOKEN: an empty entry/)]);
    expect(found.join('\n')).not.toContain('secretTokenAbcdef123');
  });
});

describe('mistakes caught at start', () => {
  it.each([
    ['ZOOM_CLIENTID', 'ZOOM_CLIENT_ID'],
    ['ZOOM_ACOUNT_ID', 'ZOOM_ACCOUNT_ID'],
    ['GATEWAY_API_KEY', 'GATEWAY_API_KEYS'],
    ['CACHE_NAMESPACES', 'CACHE_NAMESPACE'],
    ['ZOOM_WEBHOOK_SECRET', 'ZOOM_WEBHOOK_SECRET_TOKEN'],
  ])('%s is named, with the closest known name (%s)', (typo, known) => {
    expect(problems({ [typo]: 'value' })).toEqual([`${typo}: not a variable this gateway reads; did you mean ${known}?`]);
  });

  it('names every unknown variable at once, never echoing its value; other prefixes and empty values pass', () => {
    const found = problems({
      ZOOM_CLIENTID: 'secret-value-1',
      GATEWAY_AUTHH: 'secret-value-2',
      CACHE_UR: 'x',
      OTHER_ZOOM_THING: '1',
      ZOOM_TYPO_BUT_EMPTY: '',
    });
    expect(found.map((p) => p.split(':')[0])).toEqual(['CACHE_UR', 'GATEWAY_AUTHH', 'ZOOM_CLIENTID']);
    expect(found.join('\n')).not.toContain('secret-value');
  });

  it('variables Kubernetes sets for services named gateway, cache or zoom-graphql-gateway are not typos', () => {
    const links = {
      GATEWAY_SERVICE_HOST: '10.0.0.1',
      GATEWAY_SERVICE_PORT: '4000',
      GATEWAY_SERVICE_PORT_HTTP: '4000',
      GATEWAY_PORT: 'tcp://10.0.0.1:4000',
      GATEWAY_PORT_4000_TCP: 'tcp://10.0.0.1:4000',
      GATEWAY_PORT_4000_TCP_PROTO: 'tcp',
      GATEWAY_PORT_4000_TCP_PORT: '4000',
      GATEWAY_PORT_4000_TCP_ADDR: '10.0.0.1',
      CACHE_SERVICE_HOST: '10.0.0.2',
      CACHE_PORT_6379_TCP: 'tcp://10.0.0.2:6379',
      ZOOM_GRAPHQL_GATEWAY_SERVICE_HOST: '10.0.0.3',
      ZOOM_GRAPHQL_GATEWAY_PORT_4000_TCP_ADDR: '10.0.0.3',
    };
    expect(problems(links)).toEqual([]);
    expect(problems({ ...links, GATEWAY_AUTH_MODE: 'jwt' })).toEqual([
      'GATEWAY_AUTH_MODE: not a variable this gateway reads; did you mean GATEWAY_AUTH?',
    ]);
  });

  it('NODE_ENV=production with no Zoom credential at all is refused, saying what to set', () => {
    const found = problems({
      NODE_ENV: 'production',
      TOKEN_ENCRYPTION_KEY: KEY,
      GATEWAY_AUTH: 'apikey',
      GATEWAY_API_KEYS: `ops:${'a'.repeat(64)}:admin`,
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET: no Zoom credential is set.*ZOOM_OAUTH_CLIENT_ID, ZOOM_OAUTH_CLIENT_SECRET and ZOOM_OAUTH_REDIRECT_URI/,
      ),
    ]);
    // Either credential is enough; a partial group is named once, by the group check.
    const prod = {
      NODE_ENV: 'production',
      TOKEN_ENCRYPTION_KEY: KEY,
      GATEWAY_AUTH: 'apikey',
      GATEWAY_API_KEYS: `ops:${'a'.repeat(64)}:admin`,
    };
    expect(problems({ ...prod, ...s2s })).toEqual([]);
    expect(
      problems({
        ...prod,
        ZOOM_OAUTH_CLIENT_ID: 'c',
        ZOOM_OAUTH_CLIENT_SECRET: 's',
        ZOOM_OAUTH_REDIRECT_URI: 'https://gw.example.com/oauth/callback',
      }),
    ).toEqual([]);
    expect(problems({ ...prod, ZOOM_ACCOUNT_ID: 'acc' })).toEqual([
      expect.stringMatching(/^ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET: required for Server-to-Server OAuth/),
    ]);
  });
});

describe('TOKEN_ENCRYPTION_KEY messages', () => {
  it('a mistyped key is named with the command that makes one, and the value is not echoed', () => {
    const found = problems({
      ...s2s,
      GATEWAY_AUTH: 'none',
      TOKEN_ENCRYPTION_KEY: 'not-a-key-value',
      TOKEN_ENCRYPTION_OLD_KEYS: `${KEY},also-bad-value`,
    });
    expect(found).toEqual([
      'TOKEN_ENCRYPTION_KEY: expected 32 bytes in base64url (43 characters); generate one with `openssl rand -base64 32 | tr "+/" "-_" | tr -d =`',
      'TOKEN_ENCRYPTION_OLD_KEYS: expected 32 bytes in base64url (43 characters); generate one with `openssl rand -base64 32 | tr "+/" "-_" | tr -d =`',
    ]);
  });
});
