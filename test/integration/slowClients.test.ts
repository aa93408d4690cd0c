import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { countRequests, openFileLimit, openSlowBodies, postHead, rawClient, until, type RawClient } from '../helpers/slowClients.js';
import { USER_OAUTH_ENV, bearer } from '../helpers/userOAuth.js';

const USERS = '{ users(first: 2) { nodes { id } } }';
const SLOW = 1000;
// Each slow client holds two descriptors (client and server side), plus the gateway's own.
const enoughDescriptors = openFileLimit() >= 2 * SLOW + 500;
if (!enoughDescriptors)
  console.warn(`Skipping the ${SLOW}-socket tests: \`ulimit -n\` is ${openFileLimit()}; raise it above ${2 * SLOW + 500} to run them.`);

const clients: RawClient[] = [];
const harnesses: Harness[] = [];
afterEach(async () => {
  // The slow sockets go first: the gateway would otherwise wait for them while stopping.
  for (const c of clients.splice(0)) c.socket.destroy();
  await Promise.all(harnesses.splice(0).map((h) => h.stop()));
});
const track = (h: Harness) => (harnesses.push(h), h);

/** 'closed' once the server closed the connection, or 'still open' after `ms`. */
const closesWithin = (c: RawClient, ms: number) =>
  Promise.race([c.closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), ms))]);

/** What the gateway reports about its GRAPHQL_MAX_INFLIGHT slots. */
async function slots(h: Harness): Promise<{ inflight: number; waiting: number }> {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
  return { inflight: gauge('zgg_graphql_requests_inflight'), waiting: gauge('zgg_graphql_requests_waiting') };
}

/** Opens the slow clients and waits until the gateway has parsed each one's request head. */
async function attack(h: Harness, headers: Record<string, string> = {}): Promise<void> {
  const seen = countRequests(h.app.fastify.server, '/graphql');
  clients.push(...(await openSlowBodies(h.url, SLOW, headers)));
  await until(() => seen() >= SLOW, `the gateway to accept ${SLOW} slow requests`);
}

describe.skipIf(!enoughDescriptors)(`${SLOW} clients that send a request head and one byte of body, then nothing`, () => {
  // A deadline of 5 s: were the slow clients holding every slot, the query would wait this long and get 503.
  const env = { ZOOM_REQUEST_DEADLINE_MS: '5000' };

  it('hold no GraphQL slot: an authenticated query still answers 200 at once', async () => {
    const h = track(await startHarness({ env }));
    expect((await h.gql(USERS)).status).toBe(200); // compiled and connected before the attack
    await attack(h);
    expect(await slots(h)).toEqual({ inflight: 0, waiting: 0 });
    const result = await h.gql<{ users: { nodes: unknown[] } }>(USERS);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.users.nodes).toHaveLength(2);
    // A request queued behind slots the slow clients held would have waited the 5 s deadline and got 503.
  });

  it('with GATEWAY_AUTH=jwt, unauthenticated ones hold no slot either, and a caller with a valid token is served', async () => {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...env } }));
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    expect((await h.gql(USERS, {}, admin)).status).toBe(200);
    await attack(h);
    expect(await slots(h)).toEqual({ inflight: 0, waiting: 0 });
    const result = await h.gql(USERS, {}, admin);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });
});

describe('a request whose body arrived but whose caller failed to authenticate', () => {
  it('answers 401 UNAUTHENTICATED as before and takes no slot, even when every slot is taken', async () => {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, GRAPHQL_MAX_INFLIGHT: '1' } }));
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    const hold = h.fake.knobs.hold('users.list');
    const busy = h.gql(USERS, {}, admin);
    await hold.whenWaiting(1);
    const refused = await h.gql(USERS, {}, { authorization: 'Bearer not-a-jwt' });
    expect(refused.status).toBe(401);
    expect(refused.errors).toEqual([
      { message: 'The bearer token is not a well-formed signed JWT.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(await slots(h)).toEqual({ inflight: 1, waiting: 0 });
    hold.release();
    expect((await busy).status).toBe(200);
  });
});

describe('HTTP timeouts (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS)', () => {
  const env = { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' };

  it('close a slow head, a slow body, a silent connection and an idle keep-alive connection; 408 where a request had begun', async () => {
    const h = track(await startHarness({ env }));
    const host = new URL(h.url).host;
    const slowHead = await rawClient(h.url, `POST /graphql HTTP/1.1\r\nHost: ${host}\r\n`);
    const slowBody = await rawClient(h.url, postHead(host, 1000) + '{');
    const silent = await rawClient(h.url, '');
    const idle = await rawClient(h.url, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    clients.push(slowHead, slowBody, silent, idle);
    // The timeouts are 1–1.5 s; without them Node closes none of these for at least 60 s.
    const outcomes = await Promise.all([slowHead, slowBody, silent, idle].map((c) => closesWithin(c, 10_000)));
    expect(outcomes).toEqual(['closed', 'closed', 'closed', 'closed']);
    expect(slowHead.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowBody.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('leave alone a body that arrives in parts within the limit, and an execution that takes longer than the limits', async () => {
    const h = track(await startHarness({ env }));
    const host = new URL(h.url).host;
    const body = JSON.stringify({ query: USERS });
    const parts = await rawClient(h.url, postHead(host, Buffer.byteLength(body)) + body.slice(0, 10));
    clients.push(parts);
    await new Promise((r) => setTimeout(r, 300));
    parts.socket.write(body.slice(10));
    await until(() => parts.received().includes('"nodes"'), 'the answer to the body sent in parts');
    expect(parts.received()).toMatch(/^HTTP\/1\.1 200 /);

    // Zoom answers after 2.5 s, longer than every timeout above: the request is not cut off.
    h.fake.knobs.latency(2500, 'users.list');
    const slow = await h.gql<{ users: { nodes: unknown[] } }>(USERS);
    expect(slow.status).toBe(200);
    expect(slow.data?.users.nodes).toHaveLength(2);
  });
});

describe('HTTP_MAX_CONNECTIONS', () => {
  it('closes each connection past the cap as it arrives, and keeps serving the connected clients', async () => {
    const h = track(await startHarness({ env: { HTTP_MAX_CONNECTIONS: '3' } }));
    const host = new URL(h.url).host;
    const health = `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
    const connected = [await rawClient(h.url, ''), await rawClient(h.url, ''), await rawClient(h.url, '')];
    clients.push(...connected);
    const open = () =>
      new Promise<number>((resolve, reject) => h.app.fastify.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    let count = 0;
    await until(() => (void open().then((n) => (count = n)), count === 3), 'the server to hold three connections');
    const extra = await rawClient(h.url, health);
    clients.push(extra);
    expect(await closesWithin(extra, 5000)).toBe('closed');
    expect(extra.received()).toBe('');
    connected[0]!.socket.write(health);
    await until(() => connected[0]!.received().includes('\r\n\r\n'), 'the answer on a connected client');
    expect(connected[0]!.received()).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('stop() with slow clients still connected', () => {
  it('closes them at ZOOM_REQUEST_DEADLINE_MS and resolves', async () => {
    // The request timeout at its maximum (300 s): only the 1 s deadline can end them within the 60 s watch.
    const h = track(await startHarness({ env: { ZOOM_REQUEST_DEADLINE_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '300000' } }));
    const seen = countRequests(h.app.fastify.server, '/graphql');
    const slow = await openSlowBodies(h.url, 20);
    clients.push(...slow);
    await until(() => seen() >= 20, 'the gateway to accept the slow requests');
    const stopped = h.app.stop().then(() => 'stopped');
    expect(await Promise.race([stopped, new Promise<string>((r) => setTimeout(() => r('still stopping'), 60_000))])).toBe('stopped');
    await Promise.all(slow.map((c) => c.closed));
  }, 90_000);
});
