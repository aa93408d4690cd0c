import { afterEach } from 'vitest';
import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';
import { createApp, type App, type AppOverrides } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startFakeZoom, type FakeZoom, type FakeZoomOptions } from '../../src/sandbox/index.js';
import { TEST_KEY } from './stores.js';

/** Every log line the gateway wrote, as text, so tests can grep for leaked secrets. */
export function captureLogs(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

export interface Harness {
  fake: FakeZoom;
  app: App;
  url: string;
  logs: string[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  stop(): Promise<void>;
}

export interface GqlResult<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** The fake's default S2S app as gateway environment variables. */
export function s2sEnv(fake: FakeZoom): Record<string, string> {
  return {
    ZOOM_API_URL: `${fake.url}/v2`,
    ZOOM_OAUTH_URL: fake.url,
    ZOOM_ACCOUNT_ID: fake.accountId,
    ZOOM_CLIENT_ID: 'sandbox-s2s-client',
    ZOOM_CLIENT_SECRET: 'sandbox-s2s-secret',
    TOKEN_ENCRYPTION_KEY: TEST_KEY,
    GATEWAY_AUTH: 'none',
    CACHE_URL: 'memory://',
    // The default fake enforces no rate limits; tests of pacing set a plan and `rateLimits: true`.
    ZOOM_RATE_LIMIT_PLAN: 'none',
    // Most tests change the fake between reads or count the calls reaching it; the read cache's
    // own tests turn it on. Identical reads in flight are shared either way.
    ZOOM_CACHE_TTL_SECONDS: '0',
    PORT: '0',
    LOG_LEVEL: 'debug',
  };
}

/**
 * A real gateway on port 0 in front of a real fake Zoom, both over HTTP. Pass `fake` to
 * share one fake between gateways (restarts, replicas).
 */
export async function startHarness(
  opts: {
    env?: Record<string, string>;
    fake?: FakeZoom;
    fakeOptions?: FakeZoomOptions;
    overrides?: AppOverrides;
    shareClock?: boolean;
  } = {},
): Promise<Harness> {
  const fake = opts.fake ?? (await startFakeZoom({ rateLimits: false, ...opts.fakeOptions }));
  const { logger, lines } = captureLogs();
  const config = loadConfig({ ...s2sEnv(fake), ...opts.env });
  const app = await createApp(config, { logger, ...(opts.shareClock === false ? {} : { clock: fake.clock }), ...opts.overrides });
  const url = await app.listen();
  const gql = async <T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
    return { status: res.status, ...body };
  };
  return {
    fake,
    app,
    url,
    logs: lines,
    gql,
    async stop() {
      await app.stop();
      if (!opts.fake) await fake.close();
    },
  };
}

/**
 * Registers an afterEach that stops every harness passed to `track` and closes every fake
 * pushed onto `fakes` (both idempotent), so no test leaks a server into the next.
 */
export function stopAfterEach(): { track: (h: Harness) => Harness; fakes: FakeZoom[] } {
  const harnesses: Harness[] = [];
  const fakes: FakeZoom[] = [];
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.stop()));
    await Promise.all(fakes.splice(0).map((f) => f.close()));
  });
  return { track: (h) => (harnesses.push(h), h), fakes };
}
