import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** What `bench/fakeZoom.ts` prints once it listens. */
export interface FakeInfo {
  url: string;
  accountId: string;
  /** The members whose scheduled meetings were seeded, 300 in all. */
  hosts: Array<{ id: string; email: string; meetings: number }>;
}

export interface ChildHandle {
  readonly pid: number;
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

/** `node --import tsx <entry>`; keeps the last lines of its stdout and stderr. */
function spawnTs(entry: string, env: Record<string, string>): { child: ChildProcess; handle: ChildHandle } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  const pid = child.pid;
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  createInterface({ input: child.stdout! }).on('line', keep);
  createInterface({ input: child.stderr! }).on('line', keep);
  let stopping: Promise<void> | undefined;
  const handle: ChildHandle = {
    pid,
    output: () => tail.join('\n'),
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${entry} exited (${child.exitCode ?? child.signalCode}):\n${tail.join('\n')}`);
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

/** Starts the seeded fake Zoom in its own process and waits for its address. */
export async function startFake(): Promise<{ info: FakeInfo; handle: ChildHandle }> {
  const { child, handle } = spawnTs('bench/fakeZoom.ts', baseEnv());
  const lines = createInterface({ input: child.stdout! });
  const first = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fake Zoom exited (${code}) before listening:\n${handle.output()}`)));
    setTimeout(() => reject(new Error(`the fake Zoom did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS).unref();
  });
  try {
    return { info: JSON.parse(await first) as FakeInfo, handle };
  } catch (err) {
    await handle.stop();
    throw err;
  }
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
  handle: ChildHandle;
}

/**
 * The gateway as the Dockerfile runs it (`node --import tsx src/main.ts`, NODE_ENV=production,
 * so API-key auth), in its own process so its CPU time and RSS are its own, pointed at the
 * fake with the fake's S2S app.
 */
export async function startGateway(fake: FakeInfo): Promise<GatewayProcess> {
  const port = await freePort();
  const apiKey = randomBytes(24).toString('base64url');
  const env = {
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
    GATEWAY_API_KEYS: `bench:${createHash('sha256').update(apiKey).digest('hex')}:admin`,
    CACHE_URL: 'memory://',
    // The fake enforces no rate limits, and pacing to Zoom's plan limits would measure the plan.
    ZOOM_RATE_LIMIT_PLAN: 'none',
    // Logging every request would measure pino and the pipe, not the gateway.
    LOG_LEVEL: 'warn',
  };
  const { child, handle } = spawnTs('src/main.ts', env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}) before listening:\n${handle.output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.body?.cancel();
      if (res.ok) return { url, headers: { 'x-api-key': apiKey }, handle };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`the gateway did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${handle.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
