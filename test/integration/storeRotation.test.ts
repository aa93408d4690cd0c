import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';

const USERS = '{ users(first: 1) { nodes { id } } }';
const HOUR = 3_600_000;
const KEY_A = Buffer.alloc(32, 0xa).toString('base64url');
const KEY_B = Buffer.alloc(32, 0xb).toString('base64url');
const dir = mkdtempSync(join(tmpdir(), 'zgg-rotation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fake: FakeZoom;
let running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.map((h) => h.stop()));
  running = [];
  await fake.close();
});

/** One gateway life on the shared SQLite file: start, one query, stop. */
async function life(file: string, env: Record<string, string>) {
  const h = await startHarness({ fake, env: { CACHE_URL: `sqlite://${file}`, ...env } });
  running.push(h);
  const before = fake.hits('oauth.token');
  const r = await h.gql(USERS);
  await h.stop();
  running = running.filter((x) => x !== h);
  return { errors: r.errors, tokenRequests: fake.hits('oauth.token') - before, logs: h.logs };
}

describe('TOKEN_ENCRYPTION_KEY rotation', () => {
  it('old keys still decrypt; new writes use the current key', async () => {
    fake = await startFakeZoom({ rateLimits: false });
    const file = join(dir, 'rotate.sqlite');
    expect(await life(file, { TOKEN_ENCRYPTION_KEY: KEY_A })).toMatchObject({ errors: undefined, tokenRequests: 1 });
    // Rotated: B is current, A still accepted for reading → the stored token is used.
    expect(await life(file, { TOKEN_ENCRYPTION_KEY: KEY_B, TOKEN_ENCRYPTION_OLD_KEYS: KEY_A })).toMatchObject({
      errors: undefined,
      tokenRequests: 0,
    });
    // The token nears expiry: the rotated gateway fetches one and stores it under B.
    fake.clock.advance(HOUR - 200_000);
    expect(await life(file, { TOKEN_ENCRYPTION_KEY: KEY_B, TOKEN_ENCRYPTION_OLD_KEYS: KEY_A })).toMatchObject({
      errors: undefined,
      tokenRequests: 1,
    });
    // A retired: B alone reads what was written after the rotation.
    const last = await life(file, { TOKEN_ENCRYPTION_KEY: KEY_B });
    expect(last).toMatchObject({ errors: undefined, tokenRequests: 0 });
    expect(last.logs.some((l) => l.includes('cannot be decrypted'))).toBe(false);
  });

  it('an entry no configured key opens is treated as missing: refetched, logged, the request succeeds', async () => {
    fake = await startFakeZoom({ rateLimits: false });
    const file = join(dir, 'lost-key.sqlite');
    expect(await life(file, { TOKEN_ENCRYPTION_KEY: KEY_A })).toMatchObject({ tokenRequests: 1 });
    const restarted = await life(file, { TOKEN_ENCRYPTION_KEY: KEY_B });
    expect(restarted.errors).toBeUndefined();
    expect(restarted.tokenRequests).toBe(1);
    const warning = restarted.logs.find((l) => l.includes('stored token cannot be decrypted; treating as missing'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!).level).toBe(40);
    // It names the way out: the previous key kept for reading.
    expect(JSON.parse(warning!).msg).toMatch(/put the previous key in TOKEN_ENCRYPTION_OLD_KEYS/);
  });
});
