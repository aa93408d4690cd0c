import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/index.js';
import { builtGateway } from './built.js';
import { dockerNodeArgs } from './dockerCmd.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 60_000;
/** A process under callgrind runs some 50 times slower. */
const CALLGRIND_START_TIMEOUT_MS = 600_000;

/** What `bench/fakeZoom.ts` prints once it listens. */
export interface FakeInfo {
  url: string;
  accountId: string;
  /** The members whose scheduled meetings were seeded, 300 in all. */
  hosts: Array<{ id: string; email: string; meetings: number }>;
}

export interface ChildHandle {
  readonly pid: number;
  /** Under callgrind only: runs `callgrind_control <args> <pid>` (e.g. `-i on`, `-d`). */
  callgrind?(args: string[]): void;
  /** The last lines the process wrote, for the error message when it misbehaves. */
  output(): string;
  /** Throws (with the process's last lines) when it has exited. */
  assertAlive(): void;
  stop(): Promise<void>;
}

/** Only what node and tsx need: nothing from the caller's shell reaches the gateway's config. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * `node <args>` (a `.ts` entry through tsx); keeps the last lines of its stdout and stderr. With
 * `callgrind` (a directory), under valgrind's callgrind, counting instructions per thread only
 * while `handle.callgrind(['-i', 'on'])` has switched it on; the counts are written there.
 */
function spawnTs(
  entry: string | string[],
  env: Record<string, string>,
  cwd = ROOT,
  callgrind?: string,
): { child: ChildProcess; handle: ChildHandle } {
  const args = Array.isArray(entry) ? entry : ['--import', 'tsx', entry];
  const name = args.at(-1) ?? 'node';
  // callgrind_control finds the process by the user and host names in its environment: the same on both sides.
  const vgdbEnv = { USER: 'bench', LOGNAME: 'bench', ...(env.HOST ? { HOST: env.HOST } : {}) };
  const child = callgrind
    ? spawn(
        'valgrind',
        [
          '--tool=callgrind',
          '--instr-atstart=no',
          '--separate-threads=yes',
          // V8 writes the code it runs: valgrind must look for that.
          '--smc-check=all-non-file',
          `--callgrind-out-file=${callgrind}/callgrind.out.%p`,
          process.execPath,
          ...args,
        ],
        { cwd, env: { ...env, ...vgdbEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
      )
    : spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const pid = child.pid;
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  createInterface({ input: child.stdout! }).on('line', keep);
  createInterface({ input: child.stderr! }).on('line', keep);
  let stopping: Promise<void> | undefined;
  const { HOST: _host, ...ownEnv } = process.env;
  const handle: ChildHandle = {
    pid,
    ...(callgrind
      ? {
          callgrind: (a: string[]) =>
            void execFileSync('callgrind_control', [...a, String(pid)], { env: { ...ownEnv, ...vgdbEnv }, stdio: 'ignore' }),
        }
      : {}),
    output: () => tail.join('\n'),
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${tail.join('\n')}`);
      }
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
  return { child, handle };
}

/** The first line a started process prints (its address, as JSON); stops it when that never comes. */
async function firstLine<T>(what: string, child: ChildProcess, handle: ChildHandle): Promise<T> {
  const lines = createInterface({ input: child.stdout! });
  const first = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before listening:\n${handle.output()}`)));
    const ms = handle.callgrind ? CALLGRIND_START_TIMEOUT_MS : START_TIMEOUT_MS;
    setTimeout(() => reject(new Error(`${what} did not start within ${ms} ms`)), ms).unref();
  });
  try {
    return JSON.parse(await first) as T;
  } catch (err) {
    await handle.stop();
    throw err;
  }
}

/** Starts the seeded fake Zoom in its own process and waits for its address. */
export async function startFake(): Promise<{ info: FakeInfo; handle: ChildHandle }> {
  const { child, handle } = spawnTs('bench/fakeZoom.ts', baseEnv());
  return { info: await firstLine<FakeInfo>('the fake Zoom', child, handle), handle };
}

/** Starts one of the hops (`bench/bareHop.ts`, `bench/apolloHop.ts`) in its own process, making the direct arm's REST call for every POST. */
async function startHop(
  entry: string,
  what: string,
  direct: { origin: string; path: string; headers: Record<string, string> },
): Promise<{ url: string; handle: ChildHandle }> {
  const token = (direct.headers.authorization ?? '').replace(/^Bearer /, '');
  const env = { ...baseEnv(), NODE_ENV: 'production', BARE_UPSTREAM: direct.origin, BARE_PATH: direct.path, BARE_TOKEN: token };
  const { child, handle } = spawnTs(entry, env);
  const { url } = await firstLine<{ url: string }>(what, child, handle);
  return { url, handle };
}

export const startBareHop = (direct: Parameters<typeof startHop>[2]) => startHop('bench/bareHop.ts', 'the bare hop', direct);
export const startApolloHop = (direct: Parameters<typeof startHop>[2]) => startHop('bench/apolloHop.ts', 'the Apollo hop', direct);

/** Starts one `bench/bareFanout.ts` replica on the given Redis channel (under callgrind, writing to `callgrind`). */
export async function startBareFanout(
  redisUrl: string,
  channel: string,
  callgrind?: string,
): Promise<{ url: string; handle: ChildHandle }> {
  const env = { ...baseEnv(), NODE_ENV: 'production', BARE_REDIS_URL: redisUrl, BARE_CHANNEL: channel };
  const { child, handle } = spawnTs('bench/bareFanout.ts', env, ROOT, callgrind);
  const { url } = await firstLine<{ url: string }>('the bare fan-out', child, handle);
  return { url, handle };
}

/**
 * Runs `bench/webhookSender.ts`: the signed burst, sent at once from a process of its own; the
 * wall-clock times each webhook was sent and answered, in input order.
 */
export async function sendWebhookBurst(
  deliveries: Array<{ url: string; body: string }>,
  secret: string,
): Promise<Array<{ sent: number; answered: number }>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/webhookSender.ts'], {
    cwd: ROOT,
    env: { ...baseEnv(), BENCH_WEBHOOK_SECRET: secret },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  child.stdin.end(JSON.stringify(deliveries));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the webhook sender exited (${code}):\n${err.slice(-2000)}`);
  return JSON.parse(out) as Array<{ sent: number; answered: number }>;
}

/** A port nobody listens on right now (the gateway binds it moments later). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface GatewayProcess {
  url: string;
  /** Headers every request needs: the admin API key. */
  headers: Record<string, string>;
  /** The headers of a second caller: a `user`-role key of one seeded host. */
  userHeaders: Record<string, string>;
  handle: ChildHandle;
}

/**
 * The gateway as the Dockerfile runs it (its CMD, `node dist/main.js`, built by `npm run
 * bench`, into a directory of its own by bench/built.ts), NODE_ENV=production,
 * so API-key auth), in its own process so its CPU time and RSS are its own, pointed at the
 * fake with the fake's S2S app.
 */
export async function startGateway(
  fake: FakeInfo,
  nodeOptions = '',
  overrides: Record<string, string> = {},
  callgrind?: string,
): Promise<GatewayProcess> {
  const port = await freePort();
  const apiKey = randomBytes(24).toString('base64url');
  const userKey = randomBytes(24).toString('base64url');
  const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');
  const merged = {
    ...baseEnv(),
    // NOTE: also what graphql-js needs to skip its development-only checks on every type test.
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    ZOOM_API_URL: `${fake.url}/v2`,
    ZOOM_OAUTH_URL: fake.url,
    ZOOM_ACCOUNT_ID: fake.accountId,
    ZOOM_CLIENT_ID: SANDBOX_CREDENTIALS.s2s.clientId,
    ZOOM_CLIENT_SECRET: SANDBOX_CREDENTIALS.s2s.clientSecret,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    GATEWAY_AUTH: 'apikey',
    GATEWAY_API_KEYS: `bench:${sha256(apiKey)}:admin,member:${sha256(userKey)}:user:${fake.hosts[0]!.id}`,
    CACHE_URL: 'memory://',
    // The fake enforces no rate limits, and pacing to Zoom's plan limits would measure the plan.
    ZOOM_RATE_LIMIT_PLAN: 'none',
    // The throughput comparison measures the uncached path; the dashboard scenario turns the cache on.
    ZOOM_CACHE_TTL_SECONDS: '0',
    // Logging every request would measure pino and the pipe, not the gateway.
    LOG_LEVEL: 'warn',
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    // A scenario's own settings, e.g. `pro` pacing and the read cache for the dashboard load.
    ...overrides,
  };
  // A build of its own (bench/built.ts), never dist/: a gateway started from this checkout keeps its files.
  const { child, handle } = spawnTs(dockerNodeArgs(), merged, (await builtGateway()).dir, callgrind);
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = callgrind ? CALLGRIND_START_TIMEOUT_MS : START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}) before listening:\n${handle.output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.body?.cancel();
      if (res.ok) return { url, headers: { 'x-api-key': apiKey }, userHeaders: { 'x-api-key': userKey }, handle };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`the gateway did not answer /healthz within ${timeoutMs} ms:\n${handle.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a TCP connection to the Redis at `url` opens within a second. */
export function redisReachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = createConnection({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => (s.destroy(), resolve(ok));
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}
