import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, getOperationAST, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from '../../src/graphql/compiledExecutor.js';

class NotThere extends Error {}

function setup() {
  const schema = buildSchema(`
    type Item { id: ID! name: String tags: [String!]! }
    type Query { items(first: Int!): [Item!]! item(id: ID!): Item broken: Item! }
  `);
  const q = schema.getQueryType()!.getFields();
  q.items!.resolve = async (_r, { first }: { first: number }) => Array.from({ length: first }, (_, i) => ({ id: `i${i}`, name: i % 2 ? null : `n${i}`, tags: ['a'] }));
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
  const gateway = compiledExecution(schema);
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
      request: { variables, operationName },
    } as unknown as GatewayGraphQLRequestContext);
  };
}
const documents = new Map<string, ReturnType<typeof parse>>();

describe('compiled execution (graphql-jit behind Apollo’s executor interface)', () => {
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
      data: { items: [{ id: 'i0', name: 'n0', tags: ['a'] }, { id: 'i1', name: null, tags: ['a'] }, { id: 'i2', name: 'n2', tags: ['a'] }], one: { id: 'x' } },
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
