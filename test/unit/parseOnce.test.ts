import { createHash } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CursorCodec } from '../../src/graphql/cursor.js';
import { CostCalculator, limitValidationRules, requestLimits, ValidatedDocuments } from '../../src/graphql/limits/index.js';
import { MAX_FIRST } from '../../src/graphql/pagination.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';

const limits = loadConfig({ GATEWAY_AUTH: 'none', CACHE_URL: 'memory://' }).limits;
const cursors = new CursorCodec([new Uint8Array(32).fill(1)], MAX_FIRST);

let schema: Awaited<ReturnType<typeof buildGatewaySchema>>;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

/** Apollo with the gateway's document store, counting the documents it parses and validates itself. */
function apolloCounting(documents: ValidatedDocuments, rules: ReturnType<typeof limitValidationRules>) {
  const counts = { parsed: 0, validated: 0, documents: [] as DocumentNode[] };
  const counter: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          counts.parsed++;
        },
        async validationDidStart() {
          counts.validated++;
        },
        async didResolveOperation(rc) {
          counts.documents.push(rc.document);
        },
      };
    },
  };
  const apollo = new ApolloServer({ schema, documentStore: documents, introspection: true, validationRules: rules, plugins: [counter] });
  return { apollo, counts };
}

/** What the route's preHandler sees of a POST, and a reply that records a refusal. */
function http(body: unknown) {
  const sent: unknown[] = [];
  const reply = { code: () => reply, send: (b: unknown) => (sent.push(b), reply) } as unknown as FastifyReply;
  return { request: { method: 'POST', body } as FastifyRequest, reply, sent };
}

describe('one parse per request, reused by Apollo', () => {
  it('a document within the limits is parsed and validated by the request limits only; Apollo runs the same document object', async () => {
    const documents = new ValidatedDocuments();
    const rules = limitValidationRules(limits);
    const check = requestLimits(limits, new CostCalculator(schema, cursors), documents, { schema, rules });
    const { apollo, counts } = apolloCounting(documents, rules);
    await apollo.start();
    try {
      const query = '{ credentials { sandbox } } # first';
      const { request, reply, sent } = http({ query });
      expect(check(request, reply)).toBeUndefined();
      expect(sent).toEqual([]);
      const held = documents.forQuery(query);
      expect(held).toBeDefined();
      await apollo.executeOperation({ query });
      expect(counts).toMatchObject({ parsed: 0, validated: 0 });
      expect(counts.documents[0]).toBe(held);

      // A text the limits never saw (an automatic persisted query by its hash) is parsed by Apollo.
      await apollo.executeOperation({ query: '{ credentials { sandbox } } # second' });
      expect(counts).toMatchObject({ parsed: 1, validated: 1 });
    } finally {
      await apollo.stop();
    }
  });

  it('an invalid document is not handed over: Apollo parses it and answers its own validation errors', async () => {
    const documents = new ValidatedDocuments();
    const rules = limitValidationRules(limits);
    const check = requestLimits(limits, new CostCalculator(schema, cursors), documents, { schema, rules });
    const query = '{ noSuchField }';
    const { request, reply } = http({ query });
    expect(check(request, reply)).toBeUndefined();
    expect(documents.forQuery(query)).toBeUndefined();
  });

  it('with introspection off the gateway validates with the same rule Apollo runs, so an introspection query is never handed over', async () => {
    const documents = new ValidatedDocuments();
    const rules = limitValidationRules(limits, false);
    const check = requestLimits(limits, new CostCalculator(schema, cursors), documents, { schema, rules });
    const query = '{ __schema { queryType { name } } }';
    const { request, reply } = http({ query });
    expect(check(request, reply)).toBeUndefined();
    expect(documents.forQuery(query)).toBeUndefined();
    const { apollo } = apolloCounting(documents, rules);
    await apollo.start();
    try {
      const r = await apollo.executeOperation({ query });
      expect(r.body.kind === 'single' && r.body.singleResult.errors?.[0]?.message).toMatch(/GRAPHQL_INTROSPECTION=false/);
    } finally {
      await apollo.stop();
    }
  });
});

describe('the document store', () => {
  it('finds by its text a document Apollo parsed and stored itself, until Apollo deletes it or it is evicted', async () => {
    const documents = new ValidatedDocuments(100);
    const { apollo } = apolloCounting(documents, limitValidationRules(limits));
    await apollo.start();
    try {
      const first = '{ credentials { sandbox } } # parsed by Apollo';
      await apollo.executeOperation({ query: first });
      const held = documents.forQuery(first);
      expect(held?.loc?.source.body).toBe(first);
      // A text of the same length is another text.
      expect(documents.forQuery(first.replace('Apollo', 'apollo'))).toBeUndefined();

      // Past 100 characters of query text the least recently used document goes, from both indexes.
      const second = '{ credentials { sandbox } } # another text, which takes the store past its bound of 100';
      await apollo.executeOperation({ query: second });
      expect(documents.forQuery(first)).toBeUndefined();
      expect(documents.forQuery(second)).toBeDefined();

      // Apollo's keys: `<schema hash>:<SHA-256 of the query text>`.
      expect(await documents.delete(`schema:${createHash('sha256').update(second).digest('hex')}`)).toBe(true);
      expect(documents.forQuery(second)).toBeUndefined();
    } finally {
      await apollo.stop();
    }
  });
});
