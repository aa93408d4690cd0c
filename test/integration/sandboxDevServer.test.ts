import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { LOOPBACK_ORIGIN } from '../../src/http/corsOrigins.js';
import { captureLogs, startHarness, stopAfterEach } from '../helpers/gateway.js';

const { track } = stopAfterEach();
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The gateway as a newcomer starts it: sandbox mode, nothing configured. */
async function sandbox(env: Record<string, string> = {}) {
  const logs = captureLogs('info');
  app = await createApp(loadConfig({ ZOOM_SANDBOX: '1', CACHE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'info', ...env }), {
    logger: logs.logger,
  });
  const url = await app.listen();
  return { url, lines: () => logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
const post = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ credentials { sandbox } }' }),
  });

const DEV_SERVERS = [
  'http://localhost:5173',
  'http://127.0.0.1:3000',
  'http://localhost:8080',
  'http://[::1]:4200',
  'http://localhost',
  'https://localhost:5173',
];
const LOOK_ALIKES = [
  'http://localhost.evil.com',
  'http://localhost:5173.evil.com',
  'http://127.0.0.1.nip.io:3000',
  'http://evil-localhost:3000',
  'http://evil.com#http://localhost:3000',
  'http://localhost:3000/',
  'http://localhost:abc',
  'http://user@localhost:3000',
  'https://app.example.com',
  'null',
];

describe('CORS for a frontend dev server', () => {
  it('the loopback pattern matches whole origins only', () => {
    for (const origin of DEV_SERVERS) expect(LOOPBACK_ORIGIN.test(origin), origin).toBe(true);
    for (const origin of LOOK_ALIKES) expect(LOOPBACK_ORIGIN.test(origin), origin).toBe(false);
  });

  it('sandbox mode: any loopback origin, any port, is allowed (with credentials); look-alikes get no CORS headers', async () => {
    const { url } = await sandbox();
    for (const origin of DEV_SERVERS) {
      const pre = await preflight(url, origin);
      expect(pre.status, origin).toBe(204);
      expect(pre.headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect(pre.headers.get('access-control-allow-credentials'), origin).toBe('true');
      const res = await post(url, origin);
      expect(res.status, origin).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    for (const origin of LOOK_ALIKES) {
      expect((await preflight(url, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      expect((await post(url, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('sandbox mode with CORS_ORIGINS: the listed origins and loopback', async () => {
    const { url } = await sandbox({ CORS_ORIGINS: 'https://app.example.com' });
    expect((await preflight(url, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect((await preflight(url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((await preflight(url, 'http://localhost.evil.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('outside sandbox mode CORS_ORIGINS is the whole list: loopback origins are not added', async () => {
    const unset = track(await startHarness());
    expect(unset.app.config.sandbox).toBe(false);
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000']) {
      expect((await preflight(unset.url, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    const listed = track(await startHarness({ env: { CORS_ORIGINS: 'https://app.example.com' } }));
    expect((await preflight(listed.url, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe(
      'https://app.example.com',
    );
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost.evil.com']) {
      expect((await preflight(listed.url, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      expect((await post(listed.url, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('what the gateway prints at start', () => {
  it('sandbox mode: the GraphiQL URL, and one sandbox banner naming it and the fake Zoom', async () => {
    const { url, lines } = await sandbox();
    const listening = lines().filter((l) => l.msg === 'gateway listening');
    expect(listening).toHaveLength(1);
    expect(listening[0]).toMatchObject({ address: url, graphiql: `${url}/graphiql`, sandbox: true });
    const banners = lines().filter((l) => typeof l.msg === 'string' && l.msg.includes('SANDBOX'));
    expect(banners).toHaveLength(1);
    expect(banners[0]).toMatchObject({ level: 40, graphiql: `${url}/graphiql`, fakeZoom: app!.fakeZoom!.url, auth: 'none' });
    expect(String(banners[0]!.msg)).toMatch(/^SANDBOX MODE: .*Never use this in production/);
    const page = await fetch(`${url}/graphiql`);
    expect(await page.text()).toContain('data-sandbox="true"');
  });

  it('outside sandbox mode: no banner; no GraphiQL URL when the IDE is off', async () => {
    const h = track(await startHarness());
    const parsed = () => h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed().find((l) => l.msg === 'gateway listening')).toMatchObject({ graphiql: `${h.url}/graphiql`, sandbox: false });
    expect(parsed().filter((l) => String(l.msg).includes('SANDBOX'))).toEqual([]);
    const off = track(await startHarness({ env: { GRAPHQL_IDE: 'false' } }));
    const line = off.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'gateway listening');
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('graphiql');
  });
});
