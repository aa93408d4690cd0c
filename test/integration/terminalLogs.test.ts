import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtGateway } from '../../bench/built.js';
import { dockerNodeArgs } from '../../bench/dockerCmd.js';
import { baseEnv } from '../helpers/process.js';

/** util-linux `script` runs a command on a pseudo-terminal: stdout is a TTY, as in a developer's shell. */
const SCRIPT = '/usr/bin/script';
const hasScript = existsSync(SCRIPT);
if (!hasScript) console.warn(`SKIPPED: terminal log tests need ${SCRIPT} (util-linux).`);

let build: { dir: string };
let child: ChildProcess | undefined;
beforeAll(async () => {
  if (hasScript) build = await builtGateway();
}, 180_000);
afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  child = undefined;
});

/** The compiled gateway on a terminal; resolves with what it printed once `until` appears. */
function onTerminal(env: Record<string, string>, until: RegExp): Promise<string> {
  const command = [process.execPath, ...dockerNodeArgs()].map((a) => `'${a}'`).join(' ');
  child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], {
    cwd: build.dir,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (until.test(text)) resolve(text);
    });
    child!.on('exit', (code) => reject(new Error(`exited ${code} before printing ${until}:\n${text}`)));
  });
}

describe.skipIf(!hasScript)('logs on a terminal', () => {
  it('sandbox mode: readable lines (pino-pretty), with the GraphiQL URL and one sandbox banner', async () => {
    const text = await onTerminal(
      { NODE_ENV: 'development', ZOOM_SANDBOX: '1', CACHE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'info' },
      /SANDBOX MODE[^]*auth/,
    );
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain).not.toMatch(/^\{/m);
    expect(plain).toMatch(/INFO: gateway listening/);
    expect(plain).toMatch(/graphiql: "http:\/\/127\.0\.0\.1:\d+\/graphiql"/);
    expect(plain.match(/SANDBOX MODE/g)).toHaveLength(1);
  }, 60_000);

  it('NODE_ENV=production: JSON lines even on a terminal', async () => {
    const text = await onTerminal(
      {
        NODE_ENV: 'production',
        PORT: '0',
        CACHE_URL: 'memory://',
        ZOOM_ACCOUNT_ID: 'acct',
        ZOOM_CLIENT_ID: 'client',
        ZOOM_CLIENT_SECRET: 'not-a-real-secret',
        TOKEN_ENCRYPTION_KEY: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        GATEWAY_AUTH: 'apikey',
        GATEWAY_API_KEYS: `ops:${'0'.repeat(64)}:admin`,
      },
      /gateway listening/,
    );
    const line = text.split(/\r?\n/).find((l) => l.includes('gateway listening'));
    expect(JSON.parse(line!)).toMatchObject({ msg: 'gateway listening', sandbox: false });
  }, 60_000);
});
