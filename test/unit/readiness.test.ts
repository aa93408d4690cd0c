import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { registerHealthRoutes } from '../../src/http/health.js';

// A store whose ping never answers: any readiness check that waited for it would hang until
// its own bound. With that bound set past the test's timeout, an answer at all shows it did not.
const never = () => new Promise<void>(() => {});
const config = loadConfig({
  ZOOM_SANDBOX: '0',
  ZOOM_ACCOUNT_ID: 'a',
  ZOOM_CLIENT_ID: 'c',
  ZOOM_CLIENT_SECRET: 's',
  GATEWAY_AUTH: 'none',
  TOKEN_ENCRYPTION_KEY: 'A'.repeat(43),
});
const apps: Array<ReturnType<typeof Fastify>> = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('/readyz during a known store outage', () => {
  it('answers 503 without asking the store, however long its ping would take', async () => {
    const app = Fastify();
    apps.push(app);
    registerHealthRoutes(app, { config, store: { down: true, ping: never }, timeoutMs: 10 * 60_000 });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', checks: { store: 'token store unreachable' } });
  });

  it('pings the store while no outage is known, and is ready when it answers', async () => {
    const app = Fastify();
    apps.push(app);
    let pings = 0;
    registerHealthRoutes(app, { config, store: { down: false, ping: async () => void pings++ } });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(pings).toBe(1);
  });
});
