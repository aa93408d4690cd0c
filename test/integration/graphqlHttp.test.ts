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

  it('a document that does not parse is a 400 with the contract code, in both response media types', async () => {
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
      expect(body.errors[0]?.extensions, accept).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
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
