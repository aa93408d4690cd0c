import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { Credential } from '../../src/tokens/credential.js';
import { ZoomHttpClient } from '../../src/zoom/httpClient.js';
import { ZoomUnreachableError } from '../../src/zoom/zoomApiError.js';

let server: Server | undefined;
let client: ZoomHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  server?.closeAllConnections();
  server?.close();
  server = client = undefined;
});

const credential: Credential = {
  source: 's2s',
  key: 's2s:test',
  get: async () => ({ accessToken: 'token', expiresAt: Date.now() + 3_600_000, obtainedAt: Date.now(), scopes: [] }),
  invalidate: async () => {},
};

describe('the call deadline (ZOOM_REQUEST_DEADLINE_MS)', () => {
  it('abandons an answer whose body keeps trickling in, though no single wait reaches the per-attempt timeout', async () => {
    // Headers at once, then a byte every 20 ms: neither undici's header nor its body timeout fires.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"users":[');
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    client = new ZoomHttpClient({
      apiUrl: `http://127.0.0.1:${port}/v2`,
      logger: pino({ level: 'silent' }),
      clock: systemClock,
      timeoutMs: 60_000,
      deadlineMs: 300,
      retries: 0,
    });
    const call = client.call({ method: 'GET', path: '/users', route: 'users.list', category: 'medium' }, credential);
    const err = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZoomUnreachableError);
    expect((err as Error).message).toMatch(/^Zoom request users\.list failed: deadline of \d+ ms exceeded$/);
  });
});
