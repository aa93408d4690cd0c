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
/** A Zoom stand-in that records the raw request target of every call and answers `{}`. */
async function recordingZoom() {
  const seen: string[] = [];
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  client = new ZoomHttpClient({ apiUrl: `http://127.0.0.1:${port}/v2`, logger: pino({ level: 'silent' }), clock: systemClock, retries: 0 });
  return { client, seen };
}

describe('the URL of a Zoom call', () => {
  it('carries the query as form encoding, in the order given, without the parameters that are unset or empty', async () => {
    const { client, seen } = await recordingZoom();
    await client.call(
      {
        method: 'GET',
        path: '/users/abc%2Fdef/meetings',
        query: { type: 'scheduled', from: undefined, to: '', page_size: 30, next_page_token: 'a b+c&d=e/é?#', email: 'x+y@example.com' },
        route: 'meetings.list',
        category: 'medium',
      },
      credential,
    );
    await client.call({ method: 'GET', path: '/users', route: 'users.list', category: 'medium' }, credential);
    expect(seen).toEqual([
      '/v2/users/abc%2Fdef/meetings?type=scheduled&page_size=30&next_page_token=a+b%2Bc%26d%3De%2F%C3%A9%3F%23&email=x%2By%40example.com',
      '/v2/users',
    ]);
  });

  it('is refused before Zoom sees it when its path does not survive URL parsing unchanged', async () => {
    const { client, seen } = await recordingZoom();
    for (const path of ['/users/me?status=inactive', '/users/me#x', '/users/../meetings', '/users/%2e%2e/x', '/users/a?']) {
      const call = client.call({ method: 'GET', path, query: { page_size: 1 }, route: 'users.get', category: 'light' }, credential);
      await expect(call, path).rejects.toThrow(/has a path that is not made of encoded segments/);
    }
    expect(seen).toEqual([]);
  });
});
