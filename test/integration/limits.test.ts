import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

let harnesses: Harness[] = [];
const start = async (env: Record<string, string> = {}) => {
  const h = await startHarness({ env });
  harnesses.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.stop()));
  harnesses = [];
});

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function post(h: Harness, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, json: await res.json() };
}

/** A rejection before execution: 400, BAD_USER_INPUT naming the limit, and nothing sent to Zoom. */
function expectRejected(h: Harness, r: { status: number; errors?: Errors }, limit: string) {
  expect(r.status).toBe(400);
  expect(r.errors).toHaveLength(1);
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
  expect(r.errors?.[0]?.message).toContain(limit);
  expect(h.fake.hits()).toBe(0);
}

const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('query limits are enforced before execution', () => {
  it('defaults accept the IDE introspection query and an ordinary query', async () => {
    const h = await start();
    const intro = await h.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
    expect(intro.errors).toBeUndefined();
    expect(intro.data?.__schema.types.length).toBeGreaterThan(10);
    const users = await h.gql('{ users(first: 300) { nodes { id } edges { node { email } } } }');
    expect(users.errors).toBeUndefined();
  });

  it('depth: nesting beyond GRAPHQL_MAX_DEPTH is rejected, also through fragments', async () => {
    const h = await start({ GRAPHQL_MAX_DEPTH: '3' });
    expect((await h.gql('{ users(first: 1) { nodes { id } } }')).errors).toBeUndefined(); // depth 3
    h.fake.resetCounters();
    expectRejected(h, await h.gql('{ meetings { nodes { host { id } } } }'), 'GRAPHQL_MAX_DEPTH'); // depth 4
    expectRejected(
      h,
      await h.gql('query { ...Q } fragment Q on Query { meetings { ...M } } fragment M on MeetingConnection { nodes { host { id } } }'),
      'GRAPHQL_MAX_DEPTH',
    );
  });

  it('aliases: more than GRAPHQL_MAX_ALIASES (default 30) aliased fields are rejected', async () => {
    const h = await start();
    const ok = await h.gql(aliased(30, 'credentials { sandbox }'));
    expect(ok.errors).toBeUndefined();
    const r = await h.gql(aliased(31, 'credentials { sandbox }'));
    expectRejected(h, r, 'GRAPHQL_MAX_ALIASES');
    expect(r.errors?.[0]?.extensions).toMatchObject({ max: 30, actual: 31 });
  });

  it('cost: counts Zoom calls with the variables of the request; 1000 by default', async () => {
    const h = await start();
    const owner = h.fake.state.owner.id;
    // Each alias: 1 list call + one host look-up per meeting = 1 + n.
    const query = `query($n: Int!, $u: ID!) { ${['a', 'b', 'c', 'd'].map((a) => `${a}: meetings(userId: $u, first: $n) { nodes { host { id } } }`).join(' ')} }`;
    const big = await h.gql(query, { n: 300, u: owner });
    expectRejected(h, big, 'GRAPHQL_MAX_COST');
    expect(big.errors?.[0]?.extensions).toMatchObject({ max: 1000, actual: 4 * 301 });

    const small = await h.gql(query, { n: 5, u: owner });
    expect(small.errors).toBeUndefined();
    // The four aliases ask Zoom the same thing at the same moment: one call, shared.
    expect(h.fake.hits('meetings.list')).toBe(1);

    // Costs are remembered per (document, variables): the same text with the big variables again
    // is still rejected, and the small ones still pass.
    const callsBefore = h.fake.hits();
    const again = await h.gql(query, { n: 300, u: owner });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_COST', actual: 4 * 301 });
    expect(h.fake.hits()).toBe(callsBefore);
    expect((await h.gql(query, { n: 5, u: owner })).errors).toBeUndefined();
    expect(h.fake.hits('meetings.list')).toBe(2);
  });

  it('cost: a lower GRAPHQL_MAX_COST rejects a single wide connection; scalar-only connections cost one call', async () => {
    const h = await start({ GRAPHQL_MAX_COST: '50' });
    expectRejected(h, await h.gql('{ meetings(first: 100) { edges { node { host { email } } } } }'), 'GRAPHQL_MAX_COST');
    expect((await h.gql('{ users(first: 300) { nodes { id email } } }')).errors).toBeUndefined();
  });

  it('cost: invalid variables are rejected before execution as BAD_USER_INPUT', async () => {
    const h = await start();
    const r = await h.gql('query($n: Int!) { users(first: $n) { nodes { id } } }', { n: 'many' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.fake.hits()).toBe(0);
  });

  it('batching: up to GRAPHQL_MAX_BATCH (default 10) operations per request; more are refused whole', async () => {
    const h = await start();
    const op = { query: '{ credentials { sandbox } }' };
    const two = await post(h, JSON.stringify([op, op]));
    expect(two.status).toBe(200);
    expect(two.json).toEqual([{ data: { credentials: { sandbox: false } } }, { data: { credentials: { sandbox: false } } }]);

    const eleven = await post(h, JSON.stringify(Array.from({ length: 11 }, () => ({ query: '{ users { nodes { id } } }' }))));
    expect(eleven.status).toBe(400);
    expect((eleven.json as { errors: Errors }).errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'GRAPHQL_MAX_BATCH',
      max: 10,
      actual: 11,
    });
    expect(h.fake.hits()).toBe(0);
  });

  it('batching: GRAPHQL_MAX_BATCH=0 turns batching off', async () => {
    const h = await start({ GRAPHQL_MAX_BATCH: '0' });
    const r = await post(h, JSON.stringify([{ query: '{ users { nodes { id } } }' }]));
    expect(r.status).toBe(400);
    expect((r.json as { errors: Errors }).errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.fake.hits()).toBe(0);
  });

  it('body size: a body over GRAPHQL_MAX_BODY_BYTES gets 413 BAD_USER_INPUT; malformed JSON gets 400', async () => {
    const h = await start({ GRAPHQL_MAX_BODY_BYTES: '2048' });
    const padding = ' '.repeat(3000);
    const big = await post(h, `{"query":"{ users { nodes { id } } }"${padding}}`);
    expect(big.status).toBe(413);
    expect((big.json as { errors: Errors }).errors[0]).toMatchObject({
      message: expect.stringContaining('2048 bytes (GRAPHQL_MAX_BODY_BYTES)'),
      extensions: { code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_BODY_BYTES', max: 2048 },
    });
    const bad = await post(h, '{"query": "{ users { nodes { id } } }",');
    expect(bad.status).toBe(400);
    expect((bad.json as { errors: Errors }).errors[0]).toMatchObject({
      message: expect.stringContaining('not valid JSON'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(h.fake.hits()).toBe(0);
  });
});
