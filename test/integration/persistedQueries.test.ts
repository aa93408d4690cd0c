import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { flakyStore } from '../helpers/stores.js';
import { USER_OAUTH_ENV, bearer } from '../helpers/userOAuth.js';

// Automatic persisted queries live in the shared store: a hash registered on one replica runs
// on every other, so a client balanced across replicas sends each query text once.
const redisUp = await redisReachable();
const { track, fakes } = stopAfterEach();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const sqliteUrl = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zgg-apq-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'shared.sqlite')}`;
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function post(h: Harness, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as { data?: Record<string, unknown> | null; errors?: Errors }) };
}
/** Apollo's "send the text" answer, in the gateway's closed set of codes; clients match its message. */
const notFound = (r: { errors?: Errors }) => {
  expect(r.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
};
const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

const USERS = 'query ActiveUsers { users(status: ACTIVE, first: 3) { nodes { id email } } }';

const backends = [
  { name: 'a SQLite file', url: sqliteUrl, reachable: true },
  { name: 'Redis', url: () => REDIS_URL, reachable: redisUp },
];

describe.each(backends)('two replicas sharing $name', ({ name, url, reachable }) => {
  it.skipIf(!reachable)('a query registered on replica A runs by its hash alone on replica B', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = { CACHE_URL: url(), CACHE_NAMESPACE: uniqueNamespace(`apq-${name.replace(/\W+/g, '')}`) };
    const a = track(await startHarness({ fake, env }));
    const b = track(await startHarness({ fake, env }));

    // B has never seen the query: Apollo asks for its text.
    const before = await post(b, byHash(USERS));
    notFound(before);

    const registered = await post(a, { query: USERS, ...byHash(USERS) });
    expect(registered.errors).toBeUndefined();
    const onB = await post(b, byHash(USERS));
    expect(onB.status).toBe(200);
    expect(onB.errors).toBeUndefined();
    expect(onB.data).toEqual(registered.data);
    // Over GET too, as Apollo Client sends hashed queries by default.
    const search = new URLSearchParams({ extensions: JSON.stringify(byHash(USERS).extensions) });
    const get = await fetch(`${b.url}/graphql?${search}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data?: unknown }).data).toEqual(registered.data);
    // And a third process start (a replica that rolled) still finds it.
    const c = track(await startHarness({ fake, env }));
    expect((await post(c, byHash(USERS))).data).toEqual(registered.data);
  });
});

describe('automatic persisted queries', () => {
  it('a hash that is not the SHA-256 of the text is refused and registers nothing; a malformed hash is a miss', async () => {
    const h = track(await startHarness({}));
    const wrong = { query: USERS, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } } };
    const refused = await post(h, wrong);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
    notFound(await post(h, byHash('{ __typename }')));
    for (const sha256Hash of ['x'.repeat(100_000), '../../etc', 'A'.repeat(64)]) {
      const r = await post(h, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
      notFound(r);
    }
    // Another protocol version is the client's mistake, not an internal error.
    const v2 = await post(h, { query: USERS, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(USERS) } } });
    expect(v2.status).toBe(400);
    expect(v2.errors?.[0]).toEqual({ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } });
    expect(h.fake.hits()).toBe(0);
  });

  it('an unauthenticated caller registers nothing: its request is refused before Apollo sees it', async () => {
    const env = {
      GATEWAY_AUTH: 'jwt',
      GATEWAY_JWT_SECRET: USER_OAUTH_ENV.GATEWAY_JWT_SECRET!,
      GATEWAY_JWT_ISSUER: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER!,
      GATEWAY_JWT_AUDIENCE: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE!,
    };
    const h = track(await startHarness({ env }));
    const query = '{ credentials { sandbox } }';
    expect((await post(h, { query, ...byHash(query) })).status).toBe(401);
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    notFound(await post(h, byHash(query), admin));
    expect((await post(h, { query, ...byHash(query) }, admin)).data).toEqual({ credentials: { sandbox: false } });
    expect((await post(h, byHash(query), admin)).data).toEqual({ credentials: { sandbox: false } });
  });

  it('a store that cannot be reached makes a hash a miss, never a failure: the text still runs', async () => {
    const { store } = flakyStore(true);
    const h = track(await startHarness({ overrides: { store } }));
    const query = '{ __typename }';
    const miss = await post(h, byHash(query));
    expect(miss.status).toBe(200);
    notFound(miss);
    const withText = await post(h, { query, ...byHash(query) });
    expect(withText).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(withText.errors).toBeUndefined();
    // Registered in this process even though the store refused it.
    expect((await post(h, byHash(query))).data).toEqual({ __typename: 'Query' });
    expect(h.logs.some((l) => l.includes('persisted query store unavailable'))).toBe(true);
  });
});
