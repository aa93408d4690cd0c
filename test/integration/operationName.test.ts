import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.fake.resetCounters();
  h.logs.length = 0;
});

async function post(body: Record<string, unknown>) {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  };
}

/** Log lines at error level or above (pino: 50 error, 60 fatal). */
const errorLines = () => h.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);

describe('an operationName the document does not have', () => {
  it.each([
    // GraphiQL after the prefilled query was replaced by an anonymous one: the old name is re-sent.
    ['a document with one anonymous operation', '{ users(first: 1) { totalCount } }', 'PrefilledQuery'],
    ['a document whose only operation has another name', 'query Edited { users(first: 1) { totalCount } }', 'PrefilledQuery'],
    ['a document with two operations', 'query A { users(first: 1) { totalCount } } query B { me { id } }', 'C'],
  ])(
    '%s → 400 BAD_USER_INPUT naming the operation, on every run (compiled or not), no Zoom call, no error log',
    async (_name, query, operationName) => {
      for (let run = 0; run < 4; run++) {
        const r = await post({ query, operationName });
        expect(r.status, `run ${run}`).toBe(400);
        expect(r.body.data).toBeUndefined();
        expect(r.body.errors).toEqual([
          { message: `Unknown operation named "${operationName}".`, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
        ]);
      }
      expect(h.fake.hits()).toBe(0);
      expect(errorLines()).toEqual([]);
    },
  );

  it('the right name, or none for a single operation, still runs on every run', async () => {
    for (let run = 0; run < 4; run++) {
      for (const body of [
        { query: 'query Edited { users(first: 1) { totalCount } }', operationName: 'Edited' },
        { query: 'query Edited { users(first: 1) { totalCount } }' },
        { query: '{ users(first: 1) { totalCount } }', operationName: null },
        { query: 'query A { users(first: 1) { totalCount } } query B { credentials { sandbox } }', operationName: 'B' },
      ]) {
        const r = await post(body);
        expect(r.status, JSON.stringify(body)).toBe(200);
        expect(r.body.errors, JSON.stringify(body)).toBeUndefined();
      }
    }
    expect(errorLines()).toEqual([]);
  });

  it('a document with two operations and no operationName → 400, not a 500', async () => {
    for (let run = 0; run < 3; run++) {
      const r = await post({ query: 'query A { users(first: 1) { totalCount } } query B { me { id } }' });
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
    }
    expect(h.fake.hits()).toBe(0);
    expect(errorLines()).toEqual([]);
  });
});
