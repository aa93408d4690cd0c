import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dockerCmd, dockerNodeArgs } from '../../bench/dockerCmd.js';
import { builtGateway } from '../../bench/built.js';
import { openSlowBodies, rawClient, until } from '../helpers/slowClients.js';

// What `npm ci` builds (`prepare`: `npm run build`), compiled into a directory of its own so no
// running gateway ever has dist/ rewritten under it.
let buildDir = '';
beforeAll(async () => {
  buildDir = (await builtGateway()).dir;
}, 120_000);

/** The Dockerfile's CMD, in sandbox mode with an in-memory store, on a free port. */
function startGateway(extraEnv: Record<string, string> = {}): {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  waitFor(msg: string): Promise<Record<string, unknown>>;
} {
  const child = spawn(process.execPath, dockerNodeArgs(), {
    cwd: buildDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      ZOOM_SANDBOX: '1',
      CACHE_URL: 'memory://',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  const waitFor = async (msg: string) => {
    for (;;) {
      const line = lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith(msg));
      if (line) return line;
      if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode} before logging "${msg}"`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { child, lines, waitFor };
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

const knobs = (fake: string, body: unknown) =>
  fetch(`${fake}/__fake/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the process as the Dockerfile runs it', () => {
  it('is the same command as `npm start`', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(dockerCmd().join(' '));
    expect(pkg.scripts.prepare).toBe('npm run build');
  });

  it('serves /healthz, and on SIGTERM finishes the in-flight request with 200, then exits 0', async () => {
    const gw = startGateway();
    child = gw.child;
    const exited = once(gw.child, 'exit');
    const fake = String((await gw.waitFor('SANDBOX MODE')).fakeZoom);
    const address = String((await gw.waitFor('gateway listening')).address);

    // The Dockerfile HEALTHCHECK asks this.
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);

    // Zoom holds the users call, so the GraphQL request is in flight when the signal comes.
    expect((await knobs(fake, { hold: 'users.list' })).status).toBe(200);
    const inFlight = fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ users(first: 2) { nodes { id } } }' }),
    });
    for (let i = 0; ; i++) {
      const hits = (await (await fetch(`${fake}/__fake/hits`)).json()) as { routes: Record<string, number> };
      if (hits.routes['users.list'] === 1) break;
      if (i > 200) throw new Error('the users call never reached the fake Zoom');
      await sleep(10);
    }

    gw.child.kill('SIGTERM');
    await gw.waitFor('draining and shutting down');
    await sleep(200);
    expect(gw.child.exitCode).toBeNull(); // still draining: the request is not done

    // A new request is not served while draining: refused outright or answered 503.
    const late = await fetch(`${address}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    expect((await knobs(fake, { release: 'users.list' })).status).toBe(200);
    const res = await inFlight;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { users: { nodes: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.users.nodes).toHaveLength(2);

    const [code, signal] = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
  }, 30_000);

  it('on SIGTERM with clients that never finish their request, closes them at ZOOM_REQUEST_DEADLINE_MS and exits 0', async () => {
    const deadlineMs = 2000;
    // The head and request timeouts at their maximum (300 s): within the 45 s watch below, only the deadline can end them.
    const gw = startGateway({
      ZOOM_REQUEST_DEADLINE_MS: String(deadlineMs),
      HTTP_HEADERS_TIMEOUT_MS: '300000',
      HTTP_REQUEST_TIMEOUT_MS: '300000',
    });
    child = gw.child;
    const exited = once(gw.child, 'exit');
    const address = String((await gw.waitFor('gateway listening')).address);
    const host = new URL(address).host;
    const slowBodies = await openSlowBodies(address, 200);
    const slowHeads = await Promise.all(
      Array.from({ length: 50 }, () => rawClient(address, `POST /graphql HTTP/1.1\r\nHost: ${host}\r\n`)),
    );
    const graphqlRequests = () =>
      gw.lines.filter((l) => l.msg === 'incoming request' && (l.req as { url?: string } | undefined)?.url === '/graphql').length;
    await until(() => graphqlRequests() >= 200, 'the gateway to log the slow requests');

    gw.child.kill('SIGTERM');
    const outcome = await Promise.race([exited, sleep(45_000).then(() => 'still running')]);
    expect(outcome).toEqual([0, null]);
    await Promise.all([...slowBodies, ...slowHeads].map((c) => c.closed));
  }, 60_000);
});
