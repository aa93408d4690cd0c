import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtGateway } from '../../bench/built.js';
import { activeUsers, spawnGateway, stopProcessesAfterEach } from '../helpers/process.js';

const track = stopProcessesAfterEach();
let build: { dir: string; main: string };
let tmp: string;

beforeAll(async () => {
  build = await builtGateway();
  tmp = await mkdtemp(join(tmpdir(), 'zgg-startup-'));
}, 180_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Sandbox mode as a newcomer runs it, with the SQLite store in `file`. */
const sandboxEnv = (file: string) => ({
  NODE_ENV: 'development',
  ZOOM_SANDBOX: '1',
  CACHE_URL: `sqlite://${file}`,
  PORT: '0',
  LOG_LEVEL: 'info',
});

describe('npm start', () => {
  it('never compiles: the checkout is built on install (`prepare`), `start` only runs dist/', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toMatch(/^tsc /);
    expect(pkg.scripts.start).toBe('node dist/main.js');
    for (const script of [pkg.scripts.prestart, pkg.scripts.start]) {
      expect(script).not.toMatch(/build|tsc/);
    }
  });

  it('three replicas started at the same moment from one checkout, sharing one SQLite file, all answer', async () => {
    const file = join(tmp, 'replicas.sqlite');
    const started = Date.now();
    const replicas = [0, 1, 2].map(() => track(spawnGateway('npm', ['start'], { cwd: build.dir, env: sandboxEnv(file) })));
    const addresses = await Promise.all(replicas.map((r) => r.address()));
    const listeningMs = Date.now() - started;
    for (const address of addresses) {
      const { status, body } = await activeUsers(address);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.users?.nodes.length).toBeGreaterThan(0);
    }
    for (const r of replicas) expect(r.text()).not.toMatch(/SyntaxError|Error:/);
    // Not a timing assertion (the machine may be loaded): a compile alone takes far longer.
    console.info(`three replicas listening after ${listeningMs} ms`);
  }, 120_000);
});

describe('sandbox mode, started again and again on one SQLite file', () => {
  it('answers users(status: ACTIVE) on every start, though each start runs its fake Zoom on a new port', async () => {
    const file = join(tmp, 'restarts.sqlite');
    const fakes = new Set<string>();
    for (let run = 1; run <= 3; run++) {
      const gw = track(spawnGateway(process.execPath, [build.main], { cwd: build.dir, env: sandboxEnv(file) }));
      fakes.add(String((await gw.waitFor('SANDBOX MODE')).fakeZoom));
      const { status, body } = await activeUsers(await gw.address());
      expect({ run, status, errors: body.errors }).toEqual({ run, status: 200, errors: undefined });
      expect(body.data?.users?.nodes.length).toBeGreaterThan(0);
      await gw.stop();
      expect(await gw.exited).toBe(0);
    }
    expect(fakes.size).toBe(3);
  }, 120_000);
});
