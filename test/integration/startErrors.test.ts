import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtGateway } from '../../bench/built.js';
import { spawnGateway, stopProcessesAfterEach } from '../helpers/process.js';

const track = stopProcessesAfterEach();
let build: { dir: string; main: string };
let tmp: string;

beforeAll(async () => {
  build = await builtGateway();
  tmp = await mkdtemp(join(tmpdir(), 'zgg-start-errors-'));
}, 180_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs the compiled gateway until it exits (or 20 s pass, which fails the test: it hung). */
async function runToExit(env: Record<string, string>): Promise<{ code: number | string; stderr: string; listened: boolean }> {
  const gw = track(
    spawnGateway(process.execPath, [build.main], {
      cwd: build.dir,
      env: { NODE_ENV: 'development', ZOOM_SANDBOX: '1', PORT: '0', LOG_LEVEL: 'info', ...env },
    }),
  );
  const code = await Promise.race([gw.exited, sleep(20_000).then(() => 'still running after 20 s')]);
  return { code, stderr: gw.text(), listened: gw.lines.some((l) => l.msg === 'gateway listening') };
}

/** The start error main.ts prints: the message alone, no stack, no unhandled-rejection dump. */
function expectStartError(stderr: string, ...mentions: string[]) {
  const lines = stderr.trim().split('\n');
  expect(lines[0]).toBe('Cannot start:');
  expect(lines).toHaveLength(2);
  for (const m of mentions) expect(lines[1]).toContain(m);
  expect(stderr).not.toMatch(/\n\s+at |triggerUncaughtException|SQLITE_CANTOPEN: unable.*\n.*errno/);
}

describe('a SQLite path the process cannot use', () => {
  it.each([
    ['a file under /proc (SQLITE_CANTOPEN)', () => '/proc/self/gateway.sqlite'],
    ['a directory /proc will not create (recursive mkdir used to spin forever)', () => '/proc/sys/zgg-test/gateway.sqlite'],
    ['a directory that is a regular file', () => join(tmp, 'a-file', 'gateway.sqlite')],
  ])(
    '%s: exits 78 with one message naming CACHE_URL and the path',
    async (_what, pathOf) => {
      await writeFile(join(tmp, 'a-file'), 'not a directory');
      const path = pathOf();
      const { code, stderr, listened } = await runToExit({ CACHE_URL: `sqlite://${path}` });
      expect(code).toBe(78);
      expect(listened).toBe(false);
      expectStartError(stderr, 'CACHE_URL', `"${path}"`);
      // The suggested path is another one than the path that failed.
      const suggested = /e\.g\. sqlite:\/\/(\S+)/.exec(stderr)?.[1];
      expect(suggested).toBeDefined();
      expect(suggested).not.toBe(path);
    },
    30_000,
  );
});

describe('a port in use', () => {
  let taken: Server;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('exits 78 saying which HOST:PORT is taken, without a stack', async () => {
    const { port } = taken.address() as AddressInfo;
    const { code, stderr } = await runToExit({ HOST: '127.0.0.1', PORT: String(port), CACHE_URL: 'memory://' });
    expect(code).toBe(78);
    expectStartError(stderr, `127.0.0.1:${port} is already in use`, 'PORT');
  }, 30_000);
});

describe('configuration mistakes people make', () => {
  it('a misspelt ZOOM_CLIENTID (which used to start the sandbox silently) exits 78 naming ZOOM_CLIENT_ID', async () => {
    const { code, stderr, listened } = await runToExit({
      ZOOM_SANDBOX: '',
      ZOOM_ACCOUNT_ID: 'acc',
      ZOOM_CLIENTID: 'cid',
      ZOOM_CLIENT_SECRET: 'not-shown-0123',
      CACHE_URL: 'memory://',
    });
    expect(code).toBe(78);
    expect(listened).toBe(false);
    expect(stderr).toMatch(/^Invalid configuration:\n/);
    expect(stderr).toContain('ZOOM_CLIENTID: not a variable this gateway reads; did you mean ZOOM_CLIENT_ID?');
    expect(stderr).not.toContain('not-shown-0123');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('NODE_ENV=production with no Zoom credential exits 78 saying what to set', async () => {
    const { code, stderr, listened } = await runToExit({
      NODE_ENV: 'production',
      ZOOM_SANDBOX: '',
      CACHE_URL: 'memory://',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64url'),
      GATEWAY_AUTH: 'apikey',
      GATEWAY_API_KEYS: `ops:${'a'.repeat(64)}:admin`,
    });
    expect(code).toBe(78);
    expect(listened).toBe(false);
    expect(stderr.trim().split('\n')).toEqual([
      'Invalid configuration:',
      expect.stringMatching(
        /^ {2}- ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET: no Zoom credential is set.*ZOOM_OAUTH_REDIRECT_URI/,
      ),
    ]);
  }, 30_000);
});
