import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { USER_OAUTH_ENV, bearer } from '../helpers/userOAuth.js';

/**
 * Query amplification: documents and batches that ask the gateway (or Zoom, through it) for far
 * more than their size suggests. Each is refused with BAD_USER_INPUT before any Zoom call. What a
 * refusal costs in CPU is the bench's to measure (`npm run bench:parse-work`, which sends these
 * shapes too); here, a check that grew with the expanded size instead of the written one would
 * never answer the 40-level fragment chains (2^40 expansions) within the test's timeout.
 */

const { track } = stopAfterEach();
const start = async (env: Record<string, string> = {}) => track(await startHarness({ env }));
/** Selections unbounded, for the tests of the limits checked after them. */
const WIDE = { GRAPHQL_MAX_SELECTIONS: '1000000' };

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
interface Answer {
  status: number;
  body: unknown;
}

async function post(h: Harness, payload: unknown): Promise<Answer> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, body: JSON.parse(await res.text()) as unknown };
}

const errorsOf = (a: Answer): Errors =>
  Array.isArray(a.body) ? a.body.flatMap((b: { errors?: Errors }) => b.errors ?? []) : ((a.body as { errors?: Errors }).errors ?? []);

/** Refused: 400, every error BAD_USER_INPUT, the named limit among them, no Zoom call. */
function expectRefused(h: Harness, a: Answer, limit: string) {
  expect(a.status).toBe(400);
  const errors = errorsOf(a);
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors.map((e) => e.extensions?.limit)).toContain(limit);
  expect(h.fake.hits()).toBe(0);
}

/** Sends the same request three times (the first on cold code, the others on documents already seen) and checks each answer. */
async function thrice(h: Harness, payload: unknown, check: (a: Answer) => void): Promise<Answer> {
  let last: Answer | undefined;
  for (let i = 0; i < 3; i++) {
    last = await post(h, payload);
    check(last);
  }
  return last!;
}

const refused = (h: Harness, payload: unknown, limit: string) => thrice(h, payload, (a) => expectRefused(h, a, limit));

const INTROSPECT = '__schema { types { fields { type { name } } } }';
const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** `F0 { ...F1 ...F1 }`, `F1 { ...F2 ...F2 }`, …, `F<levels> { leaf }`: the leaf 2^levels times. */
function chain(levels: number, on: string, leaf: string, root = '{ ...F0 }') {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }`);
  return `${root} ${fragments.join(' ')} fragment F${levels} on ${on} { ${leaf} }`;
}

describe('introspection is bounded', () => {
  it('600 aliases of __schema are refused; so is a second __schema without aliases', async () => {
    // The selections of 600 schema dumps are over GRAPHQL_MAX_SELECTIONS too: raised to reach the alias limit.
    const h = await start(WIDE);
    await refused(h, { query: aliased(600, INTROSPECT) }, 'GRAPHQL_MAX_ALIASES');
    // Under the alias limit, still more than one schema dump.
    const two = await refused(h, { query: aliased(2, INTROSPECT) }, 'INTROSPECTION');
    expect(errorsOf(two)[0]).toMatchObject({ extensions: { max: 1, actual: 2 } });
    await refused(h, { query: aliased(11, '__type(name: "User") { name }') }, 'INTROSPECTION');
    // The same limits hold for GET.
    const get = await fetch(`${h.url}/graphql?query=${encodeURIComponent(aliased(2, INTROSPECT))}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: Errors }).errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'INTROSPECTION',
    });
    expect(h.fake.hits()).toBe(0);
  });

  it('a batch of ten introspection queries is refused whole', async () => {
    const h = await start(WIDE);
    const plain = await refused(
      h,
      Array.from({ length: 10 }, () => ({ query: `{ ${INTROSPECT} }` })),
      'INTROSPECTION',
    );
    // Counted up to the operation that crosses the limit.
    expect(errorsOf(plain)[0]).toMatchObject({ extensions: { max: 1, actual: 2 } });
    await refused(
      h,
      Array.from({ length: 10 }, () => ({ query: aliased(600, INTROSPECT) })),
      'GRAPHQL_MAX_ALIASES',
    );
  });

  it("GraphiQL's and codegen's introspection query still passes with the default limits", async () => {
    const h = await start();
    for (const query of [
      getIntrospectionQuery(),
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    ]) {
      const r = await post(h, { query });
      expect(r.status).toBe(200);
      expect(errorsOf(r)).toEqual([]);
      expect((r.body as { data: { __schema: { types: unknown[] } } }).data.__schema.types.length).toBeGreaterThan(10);
    }
    // One introspection query next to an ordinary operation in a batch is fine too.
    const batch = await post(h, [{ query: getIntrospectionQuery() }, { query: '{ credentials { sandbox } }' }]);
    expect(batch.status).toBe(200);
    expect(errorsOf(batch)).toEqual([]);
  });
});

describe('fragment chains are checked in time linear in their size', () => {
  for (const levels of [18, 20, 40]) {
    it(`${levels} levels: refused when the expanded operation is over a limit, answered when not`, async () => {
      const h = await start();
      const aliases = await refused(h, { query: chain(levels, 'Query', 'a: credentials { sandbox }') }, 'GRAPHQL_MAX_ALIASES');
      expect(errorsOf(aliases)[0]?.extensions).toMatchObject({ max: 30, actual: 2 ** levels });
      const cost = await refused(h, { query: chain(levels, 'Query', 'users(first: 300) { nodes { id } }') }, 'GRAPHQL_MAX_COST');
      expect(errorsOf(cost)[0]?.extensions).toMatchObject({ max: 1000, actual: 2 ** levels });
      await refused(h, { query: chain(levels, 'Query', INTROSPECT) }, 'INTROSPECTION');

      // Nothing over a limit: the answer is one `__typename`, however often the chain repeats it.
      await thrice(h, { query: chain(levels, 'Query', '__typename') }, (a) => {
        expect(a.status).toBe(200);
        expect(a.body).toEqual({ data: { __typename: 'Query' } });
      });
      await thrice(h, { query: chain(levels, '__Schema', 'description', '{ __schema { ...F0 } }') }, (a) => expect(a.status).toBe(200));
      expect(h.fake.hits()).toBe(0);
    });
  }
});

describe('cursors are signed', () => {
  const USERS = 'query($first: Int, $after: String) { users(first: $first, after: $after) { nodes { id } pageInfo { endCursor } } }';
  type Users = { data?: { users: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string } } } };

  async function cursorFrom(h: Harness, first: number): Promise<string> {
    const r = await post(h, { query: USERS, variables: { first } });
    const cursor = (r.body as Users).data?.users.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    h.fake.resetCounters();
    return cursor!;
  }

  /** The cursor with its signed part changed and its signature kept. */
  function tampered(cursor: string, change: (fields: [string, number, number, string]) => void): string {
    const [body, mac] = cursor.split('.');
    const fields = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as [string, number, number, string];
    change(fields);
    return `${Buffer.from(JSON.stringify(fields)).toString('base64url')}.${mac}`;
  }

  const expectAfterRefused = (h: Harness, payload: unknown) =>
    thrice(h, payload, (a) => {
      expect(a.status).toBe(200);
      expect(errorsOf(a)).toHaveLength(1);
      expect(errorsOf(a)[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(h.fake.hits()).toBe(0);
    });

  it('a cursor carrying another page size or another Zoom token is refused before any Zoom call', async () => {
    const h = await start();
    const cursor = await cursorFrom(h, 1);
    const walked = await post(h, { query: USERS, variables: { first: 1, after: cursor } });
    expect((walked.body as Users).data?.users.nodes).toHaveLength(1);
    h.fake.resetCounters();

    const bigger = tampered(cursor, (f) => (f[1] = 300));
    await expectAfterRefused(h, { query: USERS, variables: { first: 300, after: bigger } });
    const otherToken = tampered(cursor, (f) => (f[0] = 'a-token-the-gateway-never-saw'));
    await expectAfterRefused(h, { query: USERS, variables: { first: 1, after: otherToken } });
    // The unsigned form cursors had before, naming the list this cursor belongs to.
    const signed = JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8')) as unknown;
    const list = Array.isArray(signed) ? (signed[3] as string) : (signed as { q: string }).q;
    const unsigned = Buffer.from(JSON.stringify({ t: '', s: 300, i: -1, q: list })).toString('base64url');
    await expectAfterRefused(h, { query: USERS, variables: { first: 300, after: unsigned } });
    await expectAfterRefused(h, { query: USERS, variables: { first: 1, after: 'x'.repeat(10_000) } });
  });

  it('replicas sharing TOKEN_ENCRYPTION_KEY accept each other’s cursors; a gateway with another key does not', async () => {
    const a = await start();
    const b = await startHarness({ fake: a.fake });
    track(b);
    const cursor = await cursorFrom(a, 2);
    const onB = await post(b, { query: USERS, variables: { first: 2, after: cursor } });
    expect((onB.body as Users).data?.users.nodes).toHaveLength(2);
    const other = await start({ TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64url') });
    await expectAfterRefused(other, { query: USERS, variables: { first: 2, after: cursor } });
  });

  it('every page a connection may fetch is costed: a cursor minted with first: 1 makes first: 20 cost five calls', async () => {
    const h = await start({ GRAPHQL_MAX_COST: '4' });
    const cursor = await cursorFrom(h, 1);
    const r = await refused(h, { query: USERS, variables: { first: 20, after: cursor } }, 'GRAPHQL_MAX_COST');
    expect(errorsOf(r)[0]?.extensions).toMatchObject({ max: 4, actual: 5 });
    // Within the limit it runs, and makes no more calls than it was costed.
    const four = await post(h, { query: USERS, variables: { first: 3, after: cursor } });
    expect((four.body as Users).data?.users.nodes).toHaveLength(3);
    expect(h.fake.hits('users.list')).toBe(3);
  });
});

describe('first: null costs what it runs as', () => {
  it('null, a null variable and an omitted first all cost 1 + 30 per-item calls', async () => {
    const h = await start({ GRAPHQL_MAX_COST: '30' });
    const variants = [
      { query: '{ meetings(first: null) { nodes { host { id } } } }' },
      { query: 'query($n: Int) { meetings(first: $n) { nodes { host { id } } } }', variables: { n: null } },
      { query: 'query($n: Int) { meetings(first: $n) { nodes { host { id } } } }' },
      { query: '{ meetings { nodes { host { id } } } }' },
    ];
    for (const v of variants) {
      const r = await refused(h, v, 'GRAPHQL_MAX_COST');
      expect(errorsOf(r)[0]?.extensions).toMatchObject({ max: 30, actual: 31 });
    }
  });
});

describe('the cost limit applies to the whole HTTP request', () => {
  it('a batch of ten operations each just under the limit is refused whole, before any Zoom call', async () => {
    const h = await start();
    const owner = h.fake.state.owner.id;
    // 3 × (1 list call + 300 host look-ups) = 903 of the default 1000.
    const op = {
      query: `query($u: ID!) { ${['a', 'b', 'c'].map((a) => `${a}: meetings(userId: $u, first: 300) { nodes { host { id } } }`).join(' ')} }`,
      variables: { u: owner },
    };
    const ten = await refused(
      h,
      Array.from({ length: 10 }, () => op),
      'GRAPHQL_MAX_COST',
    );
    // Counted up to the operation that crosses the limit.
    expect(errorsOf(ten)[0]?.extensions).toMatchObject({ max: 1000, actual: 2 * 903 });
    await refused(h, [op, op], 'GRAPHQL_MAX_COST');
    // Different operations, each within the limit, together over it.
    const wide = (n: number) => ({ query: `{ users(first: 1) { nodes { id } } m${n}: meetings(first: 300) { nodes { host { id } } } }` });
    await refused(h, [wide(1), wide(2), wide(3), wide(4)], 'GRAPHQL_MAX_COST');

    // One of them alone runs; small batches run as before.
    const one = await post(h, op);
    expect(one.status).toBe(200);
    expect(errorsOf(one)).toEqual([]);
    const small = await post(h, [{ query: '{ credentials { sandbox } }' }, { query: '{ users(first: 2) { nodes { id } } }' }]);
    expect(small.status).toBe(200);
    expect(errorsOf(small)).toEqual([]);
  });

  it('operations sent as persisted-query hashes, which the route cannot read, still share one budget', async () => {
    const h = await start();
    const owner = h.fake.state.owner.id;
    const query = `query($u: ID!) { ${['a', 'b', 'c'].map((a) => `${a}: meetings(userId: $u, first: 300) { nodes { host { id } } }`).join(' ')} }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    // 3 × (1 + 300) = 903 of the default 1000: registered with its text, then sent by hash alone.
    const op = { variables: { u: owner }, extensions: { persistedQuery } };
    expect((await post(h, { ...op, query })).status).toBe(200);
    h.fake.resetCounters();
    // Each operation of the batch lists another user's meetings, so identical reads in flight
    // (shared as one Zoom call) cannot hide an operation that ran: one list call per operation run.
    const users = h.fake.state.users.slice(0, 3).map((u) => u.id);
    const batch = await post(
      h,
      users.map((u) => ({ ...op, variables: { u } })),
    );
    const answers = batch.body as Array<{ data?: unknown; errors?: Errors }>;
    expect(answers.filter((a) => a.data && !a.errors)).toHaveLength(1);
    for (const a of answers.filter((x) => x.errors))
      expect(a.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_COST', max: 1000 });
    expect(h.fake.hits('meetings.list')).toBe(1);
  });
});

describe('the query limits are worked out for known callers only', () => {
  it('an anonymous 600-alias batch is answered 401 before any document is walked; the same from an admin is refused by the limit', async () => {
    const h = await start({
      ...WIDE,
      GATEWAY_AUTH: 'jwt',
      GATEWAY_JWT_SECRET: USER_OAUTH_ENV.GATEWAY_JWT_SECRET!,
      GATEWAY_JWT_ISSUER: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER!,
      GATEWAY_JWT_AUDIENCE: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE!,
    });
    const attack = Array.from({ length: 10 }, () => ({ query: aliased(600, INTROSPECT) }));
    const anonymous = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(attack),
    });
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(await anonymous.json())).toContain('UNAUTHENTICATED');
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    const known = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify(attack),
    });
    expect(known.status).toBe(400);
    const body = JSON.stringify(await known.json());
    expect(body).toContain('BAD_USER_INPUT');
    expect(body).toContain('GRAPHQL_MAX_ALIASES');
    expect(h.fake.hits()).toBe(0);
  });
});
