import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

/** graphql-http's server audits: the GraphQL-over-HTTP spec's MUST, SHOULD and MAY rules. */
describe('GraphQL over HTTP compliance (graphql-http server audits)', () => {
  let h: Harness;
  let results: AuditResult[];

  beforeAll(async () => {
    h = await startHarness();
    results = [];
    // One at a time: the audits are cheap, and the order makes a failure easy to reproduce.
    for (const audit of serverAudits({ url: `${h.url}/graphql` })) results.push(await audit.fn());
    const misses = results.filter((r) => r.status !== 'ok');
    if (misses.length > 0) {
      console.info(
        `graphql-http: ${results.length - misses.length}/${results.length} audits pass; not followed:\n` +
          misses.map((r) => `  [${r.status}] ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`).join('\n'),
      );
    }
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('every MUST audit passes', () => {
    const must = results.filter((r) => r.name.startsWith('MUST'));
    // The suite has over a dozen MUST rules; far fewer means the audit itself did not run.
    expect(must.length).toBeGreaterThanOrEqual(10);
    const failed = must.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
  });

  it('only SHOULD and MAY audits may be missed, and none of them fatally', () => {
    const errors = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}`);
    expect(errors).toEqual([]);
  });

  it("a document that does not parse is a 400 with Apollo's code, in both response media types", async () => {
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: '{ users(' }),
      });
      expect(res.status, accept).toBe(400);
      expect(res.headers.get('content-type'), accept).toContain(accept);
      const body = (await res.json()) as { data?: unknown; errors: Array<{ extensions: { code: string; reason?: string } }> };
      expect(body.data, accept).toBeUndefined();
      expect(body.errors[0]?.extensions, accept).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    }
  });

  it('a body that is not JSON is a 400, and no Zoom call is made', async () => {
    h.fake.resetCounters();
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{"query": "{ me { id } }"',
    });
    expect(res.status).toBe(400);
    expect(h.fake.hits('users.get')).toBe(0);
  });
});

/**
 * Every error answer to a GraphQL request is GraphQL-shaped and, when the client prefers it,
 * `application/graphql-response+json`: Apollo Client and urql read the errors of such a 400
 * (and report a bare "status code 400" for `application/json`).
 */
describe('refusals: media type and codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_BATCH: '1', GRAPHQL_MAX_BODY_BYTES: '1024' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const APOLLO_ACCEPT = 'application/graphql-response+json,application/json;q=0.9';
  const URQL_ACCEPT = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
  const post = (body: string, accept: string | undefined, headers: Record<string, string> = {}) =>
    fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...headers },
      body,
    });
  const deep = JSON.stringify({ query: '{ me { settings { timezone } } }' });

  const cases: Array<[string, () => Promise<Response>, number, Record<string, unknown>]> = [
    ['a query over GRAPHQL_MAX_DEPTH', () => post(deep, APOLLO_ACCEPT), 400, { code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_DEPTH' }],
    [
      'a batch over GRAPHQL_MAX_BATCH',
      () => post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]), URQL_ACCEPT),
      400,
      { code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_BATCH' },
    ],
    [
      'a body over GRAPHQL_MAX_BODY_BYTES',
      () => post(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(2000)}` }), APOLLO_ACCEPT),
      413,
      { code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_BODY_BYTES' },
    ],
    ['a body that is not JSON', () => post('{"query": ', URQL_ACCEPT), 400, { code: 'BAD_USER_INPUT' }],
    [
      'a document that does not parse',
      () => post(JSON.stringify({ query: '{ me(' }), APOLLO_ACCEPT),
      400,
      { code: 'GRAPHQL_PARSE_FAILED' },
    ],
    [
      'a field the schema lacks',
      () => post(JSON.stringify({ query: '{ me { nope } }' }), URQL_ACCEPT),
      400,
      { code: 'GRAPHQL_VALIDATION_FAILED' },
    ],
    [
      'an unknown automatic persisted query',
      () => post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), APOLLO_ACCEPT),
      200,
      { code: 'PERSISTED_QUERY_NOT_FOUND' },
    ],
    [
      'a GET without a preflight header (CSRF)',
      () => fetch(`${h.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { accept: URQL_ACCEPT } }),
      400,
      { code: 'BAD_REQUEST' },
    ],
  ];

  it.each(cases)(
    '%s: application/graphql-response+json for a client that prefers it, with its code',
    async (_name, send, status, extensions) => {
      h.fake.resetCounters();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json; charset=utf-8$/);
      const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect(body.errors[0]?.extensions).toMatchObject(extensions);
      expect(h.fake.hits()).toBe(0);
    },
  );

  it.each([
    ['no Accept header', undefined],
    ['Accept: application/json', 'application/json'],
    ['Accept: */*', '*/*'],
    ['JSON named first', 'application/json, application/graphql-response+json'],
  ])('a refusal stays application/json for %s (legacy clients)', async (_name, accept) => {
    const res = await post(deep, accept);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]?.extensions).toMatchObject({
      limit: 'GRAPHQL_MAX_DEPTH',
    });
  });

  it("a limit found by Apollo's validation (the request check skips an operation name the document lacks) keeps the gateway code and names the limit", async () => {
    const res = await post(JSON.stringify({ query: 'query A { me { settings { timezone } } }', operationName: 'B' }), APOLLO_ACCEPT);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'GRAPHQL_MAX_DEPTH',
    });
  });
});
