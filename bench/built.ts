import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const ROOT = process.cwd();
const BUILDS = join(ROOT, 'test-output', 'builds');
/** What a build depends on, besides every file under src/. */
const INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];
/** Copied next to dist/, so `npm start` in the copy runs exactly the checkout's start scripts. */
const COPIED = ['package.json', 'scripts/stale-check.mjs'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...INPUTS.map((f) => join(ROOT, f)), ...(await filesUnder(join(ROOT, 'src')))]) {
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The gateway compiled as `npm ci` builds it (`npm run build`), into a directory of its own
 * keyed by the sources' content: `<dir>/dist/main.js` next to a copy of package.json.
 * Test files running in parallel and the bench share one build, and none of them ever rewrites
 * the checkout's dist/ (or a build another process is running from): a build is written to a
 * temporary directory and renamed into place whole.
 */
export async function builtGateway(): Promise<{ dir: string; main: string }> {
  const dir = join(BUILDS, await sourceHash());
  const result = { dir, main: join(dir, 'dist', 'main.js') };
  await mkdir(BUILDS, { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    if (await exists(dir)) return result;
    try {
      await mkdir(lock);
      break;
    } catch {
      const holder = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => '0'));
      if (holder > 0 && !alive(holder)) await rm(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    if (await exists(dir)) return result;
    const tmp = join(BUILDS, `.tmp-${process.pid}-${Date.now()}`);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', join(tmp, 'dist')], { cwd: ROOT });
    for (const file of COPIED) {
      if (!(await exists(join(ROOT, file)))) continue;
      await mkdir(join(tmp, file, '..'), { recursive: true });
      await copyFile(join(ROOT, file), join(tmp, file));
    }
    await rename(tmp, dir);
    return result;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
