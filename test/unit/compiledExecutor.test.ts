import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema, getOperationAST, GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution, type Within } from '../../src/graphql/compiledExecutor.js';

class NotThere extends Error {}

function setup() {
  const schema = buildSchema(`
    type Item { id: ID! name: String tags: [String!]! }
    type Query { items(first: Int!): [Item!]! item(id: ID!): Item broken: Item! }
  `);
  const q = schema.getQueryType()!.getFields();
  q.items!.resolve = async (_r, { first }: { first: number }) =>
    Array.from({ length: first }, (_, i) => ({ id: `i${i}`, name: i % 2 ? null : `n${i}`, tags: ['a'] }));
  q.item!.resolve = async (_r, { id }: { id: string }) => {
    if (id === 'gone') throw new NotThere('gone');
    return { id, name: 'one', tags: [] };
  };
  q.broken!.resolve = () => {
    throw new NotThere('no');
  };
  return schema;
}

async function executorFor(schema = setup()) {
  const { gateway } = compiledExecution(schema);
  let announced = false;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (announced = apiSchema === schema));
  const { executor } = await gateway.load({ apollo: {} });
  expect(announced).toBe(true);
  return (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const document = documents.get(query) ?? parse(query);
    documents.set(query, document);
    // As Apollo hands it over: the operation it resolved (if any) and the request as the client sent it.
    const operation = getOperationAST(document, operationName) ?? undefined;
    return executor!({
      document,
      operation,
      operationName: operation?.name?.value ?? null,
      context: {},
      metrics: {},
      request: { variables, operationName },
    } as unknown as GatewayGraphQLRequestContext);
  };
}
const documents = new Map<string, ReturnType<typeof parse>>();

describe('compiled execution: the executor (graphql-jit behind Apollo’s executor interface)', () => {
  it('compiles an operation on its second run and gives the same result as graphql-js did on the first', async () => {
    const run = await executorFor();
    const query = 'query Q($n: Int!) { items(first: $n) { id name ...T } one: item(id: "x") { id } } fragment T on Item { tags }';
    const results = [];
    const prototypes = [];
    for (let i = 0; i < 4; i++) {
      const r = await run(query, { n: 3 });
      results.push(JSON.stringify(r));
      prototypes.push(Object.getPrototypeOf(r.data));
    }
    expect(new Set(results).size).toBe(1);
    // graphql-js builds null-prototype result objects, graphql-jit plain ones: the first run was
    // graphql-js, every later one the compiled function.
    expect(prototypes).toEqual([null, Object.prototype, Object.prototype, Object.prototype]);
    expect(JSON.parse(results[0]!)).toEqual({
      data: {
        items: [
          { id: 'i0', name: 'n0', tags: ['a'] },
          { id: 'i1', name: null, tags: ['a'] },
          { id: 'i2', name: 'n2', tags: ['a'] },
        ],
        one: { id: 'x' },
      },
    });
  });

  it('keeps resolver errors as GraphQLErrors with an extensions object, the original error, path and locations', async () => {
    const run = await executorFor();
    const query = '{ item(id: "gone") { id } }';
    for (let i = 0; i < 3; i++) {
      const r = await run(query);
      expect(r.data).toEqual({ item: null });
      const e = r.errors![0]!;
      expect(e).toBeInstanceOf(GraphQLError);
      expect(e.extensions).toEqual({});
      expect(e.originalError).toBeInstanceOf(NotThere);
      expect(e.path).toEqual(['item']);
      expect(e.locations).toEqual([{ line: 1, column: 3 }]);
    }
  });

  it('propagates a non-null failure to the parent as graphql-js does', async () => {
    const run = await executorFor();
    for (let i = 0; i < 3; i++) {
      const r = await run('{ broken { id } }');
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.originalError).toBeInstanceOf(NotThere);
    }
  });

  it('reports bad variables as graphql-js does (Apollo turns these into BAD_USER_INPUT)', async () => {
    const run = await executorFor();
    const query = 'query Q($n: Int!) { items(first: $n) { id } }';
    for (let i = 0; i < 3; i++) {
      const r = await run(query, { n: 'three' });
      expect(r.data).toBeUndefined();
      expect(r.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "three"/);
    }
  });

  it('keeps one compiled function per operation of a document', async () => {
    const run = await executorFor();
    const query = 'query A { items(first: 1) { id } } query B { item(id: "b") { name } }';
    for (let i = 0; i < 3; i++) {
      expect((await run(query, {}, 'A')).data).toEqual({ items: [{ id: 'i0' }] });
      expect((await run(query, {}, 'B')).data).toEqual({ item: { name: 'one' } });
    }
  });

  it('an operationName that names no operation of the document is an error on every run, never the only operation run anyway', async () => {
    const run = await executorFor();
    for (const [query, name] of [
      ['{ items(first: 1) { id } }', 'Stale'],
      ['query Current { items(first: 1) { id } }', 'Stale'],
      ['query A { items(first: 1) { id } } query B { item(id: "b") { name } }', 'C'],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        const r = await run(query, {}, name);
        expect(r.data, query).toBeUndefined();
        expect(r.errors?.[0]?.message, query).toBe(`Unknown operation named "${name}".`);
      }
    }
  });
});

/** Apollo Server with the execution wired as the gateway wires it, counting what runs where. */
async function apolloWith(options: { within?: Within; formatError?: (e: GraphQLFormattedError) => GraphQLFormattedError } = {}) {
  const schema = buildSchema(`
    type Query { item(id: ID!): String slow(id: ID!): String }
    type Mutation { bump(by: Int!): Int! }
  `);
  const counts = { resolved: 0, bumps: 0, executor: 0, encountered: [] as string[] };
  let total = 0;
  const q = schema.getQueryType()!.getFields();
  q.item!.resolve = (_r, { id }: { id: string }) => {
    counts.resolved++;
    if (id.startsWith('bad')) throw new Error(`no ${id}`);
    return `item ${id}`;
  };
  // Fails after a wait: a batch's operations are in flight together when their errors land.
  q.slow!.resolve = async (_r, { id }: { id: string }) => {
    await new Promise((r) => setTimeout(r, id === 'a' ? 20 : 1));
    throw new Error(`slow ${id}`);
  };
  schema.getMutationType()!.getFields().bump!.resolve = (_r, { by }: { by: number }) => {
    counts.bumps++;
    if (by < 0) throw new Error('negative');
    return (total += by);
  };
  const execution = compiledExecution(schema, options.within);
  const gateway: GatewayInterface = {
    ...execution.gateway,
    onSchemaLoadOrUpdate: (cb) => execution.gateway.onSchemaLoadOrUpdate(cb),
    load: async (o) => {
      const { executor } = await execution.gateway.load(o);
      return {
        executor: (request) => {
          counts.executor++;
          return executor!(request);
        },
      };
    },
  };
  const server = new ApolloServer({
    gateway,
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    ...(options.formatError ? { formatError: options.formatError } : {}),
    plugins: [
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors }) {
              counts.encountered.push(...errors.map((e) => e.message));
            },
          };
        },
      },
      execution.plugin,
    ],
  });
  await server.start();
  const post = async (body: unknown) => {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    const res = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => ({}),
    });
    if (res.body.kind !== 'complete') throw new Error('expected a complete body');
    return { status: res.status ?? 200, json: JSON.parse(res.body.string) as unknown };
  };
  return { server, post, counts };
}

describe('compiled execution: the plugin (operations answered before Apollo’s executor interface)', () => {
  it('answers a successful operation itself, compiled from its second run: Apollo’s executor is never called', async () => {
    const { server, post, counts } = await apolloWith();
    for (let i = 0; i < 3; i++) {
      expect(await post({ query: '{ item(id: "x") }' })).toEqual({ status: 200, json: { data: { item: 'item x' } } });
    }
    expect(counts).toMatchObject({ resolved: 3, executor: 0, encountered: [] });
    await server.stop();
  });

  it('hands a failed operation to Apollo once: formatError and didEncounterErrors apply, the resolver and the write ran once', async () => {
    const { server, post, counts } = await apolloWith({
      formatError: (e) => ({ message: `formatted: ${e.message}`, extensions: { code: 'MINE' } }),
    });
    for (let i = 0; i < 3; i++) {
      expect(await post({ query: '{ item(id: "bad1") }' })).toEqual({
        status: 200,
        json: { data: { item: null }, errors: [{ message: 'formatted: no bad1', extensions: { code: 'MINE' } }] },
      });
    }
    expect(counts).toMatchObject({ resolved: 3, executor: 3, encountered: ['no bad1', 'no bad1', 'no bad1'] });
    // A mutation that fails is not run a second time on the way to Apollo's error handling.
    expect((await post({ query: 'mutation { bump(by: -1) }' })).json).toMatchObject({ errors: [{ message: 'formatted: negative' }] });
    expect((await post({ query: 'mutation { bump(by: 2) }' })).json).toEqual({ data: { bump: 2 } });
    expect(counts.bumps).toBe(2);
    await server.stop();
  });

  // (The code Apollo gives them, BAD_USER_INPUT, depends on `instanceof GraphQLError`, which fails
  // here where graphql is loaded twice; the gateway rejects bad variables before execution anyway.)
  it('bad variables are a 400, as with Apollo’s own execution', async () => {
    const { server, post } = await apolloWith();
    for (let i = 0; i < 3; i++) {
      const { status, json } = await post({ query: 'query Q($id: ID!) { item(id: $id) }', variables: { id: { not: 'an id' } } });
      expect(status).toBe(400);
      expect(json).toMatchObject({ errors: [{ message: expect.stringMatching(/^Variable "\$id" got invalid value/) }] });
    }
    await server.stop();
  });

  it('each operation of a batch gets its own errors, whichever fails first', async () => {
    const { server, post, counts } = await apolloWith();
    for (let i = 0; i < 3; i++) {
      const { json } = await post([{ query: '{ slow(id: "a") }' }, { query: '{ slow(id: "b") }' }, { query: '{ item(id: "c") }' }]);
      expect(json).toEqual([
        { data: { slow: null }, errors: [expect.objectContaining({ message: 'slow a' })] },
        { data: { slow: null }, errors: [expect.objectContaining({ message: 'slow b' })] },
        { data: { item: 'item c' } },
      ]);
    }
    expect(counts.executor).toBe(6);
    await server.stop();
  });

  it('execution that throws becomes Apollo’s error answer, without running again', async () => {
    let calls = 0;
    const within: Within = async () => {
      calls++;
      throw new Error('surrounding failed');
    };
    const { server, post, counts } = await apolloWith({ within });
    const { status, json } = await post({ query: '{ item(id: "x") }' });
    expect(status).toBe(500);
    expect(json).toMatchObject({ errors: [{ message: 'surrounding failed' }] });
    expect(calls).toBe(1);
    expect(counts).toMatchObject({ resolved: 0, executor: 1 });
    await server.stop();
  });

  it('runs each operation inside `within`, given the operation’s own object', async () => {
    const seen = new Set<object>();
    const within: Within = (operation, run) => {
      seen.add(operation);
      return run();
    };
    const { server, post } = await apolloWith({ within });
    await post([{ query: '{ item(id: "x") }' }, { query: '{ item(id: "y") }' }]);
    await post({ query: '{ item(id: "bad") }' });
    expect(seen.size).toBe(3);
    await server.stop();
  });

  it('an operationName that names no operation is answered 400 by Apollo, nothing executed', async () => {
    const { server, post, counts } = await apolloWith();
    const { status, json } = await post({ query: 'query A { item(id: "x") }', operationName: 'B' });
    expect(status).toBe(400);
    expect(json).toMatchObject({ errors: [{ message: 'Unknown operation named "B".' }] });
    expect(counts.resolved).toBe(0);
    await server.stop();
  });
});
