import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { rawSocket } from '../helpers/subscriptions.js';

// The attack review's three shapes of expensive document, each made unique per request by a
// trailing comment so that no document cache answers it. They must be refused (or answered)
// by a named limit; how long that takes is the bench's business (bench/parseWork.ts), not a test's.
const { track, fakes } = stopAfterEach();
const dir = mkdtempSync(join(tmpdir(), 'zgg-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unique = (query: string) => `${query}\n# ${randomUUID()}`;
const directives = (n: number) => unique(`{ me ${'@include(if: true) '.repeat(n)}{ id } }`);
const fields = (n: number) => unique(`{ me { ${'id '.repeat(n)}} }`);
const operations = (n: number) => ({
  query: unique(Array.from({ length: n }, (_, i) => `query Q${i} { me { id } }`).join('\n')),
  operationName: `Q${n - 1}`,
});
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
async function post(h: Harness, body: unknown): Promise<{ status: number; data?: Record<string, unknown> | null; errors?: Errors }> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** As the alias limit refuses: 400, one BAD_USER_INPUT error naming the limit in its extensions and message, no Zoom call. */
function expectRefused(h: Harness, r: { status: number; errors?: Errors }, limit: string, max: number) {
  expect(r.status).toBe(400);
  expect(r.errors).toHaveLength(1);
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit, max });
  expect(r.errors?.[0]?.message).toContain(`the limit is ${max} (${limit})`);
  expect(h.fake.hits()).toBe(0);
}

const noErrorLogged = (h: Harness) =>
  expect(h.logs.filter((l) => /"level":(50|60)/.test(l) || /RangeError|Maximum call stack/.test(l))).toEqual([]);

describe('the three measured shapes are refused by a named limit at every layer', () => {
  it('at their measured sizes (0.95 MB, 0.3 MB, 0.13 MB) by GRAPHQL_MAX_DOCUMENT_LENGTH', async () => {
    const h = track(await startHarness());
    h.fake.resetCounters();
    expectRefused(h, await post(h, { query: directives(50_000) }), 'GRAPHQL_MAX_DOCUMENT_LENGTH', 100_000);
    expectRefused(h, await post(h, { query: fields(100_000) }), 'GRAPHQL_MAX_DOCUMENT_LENGTH', 100_000);
    expectRefused(h, await post(h, operations(5_000)), 'GRAPHQL_MAX_DOCUMENT_LENGTH', 100_000);
    noErrorLogged(h);
  });

  it('with the length limit raised to the body limit: directives and operations by a scan of the text, fields by GRAPHQL_MAX_TOKENS (the parser stops there)', async () => {
    const h = track(await startHarness({ env: { GRAPHQL_MAX_DOCUMENT_LENGTH: String(1024 * 1024) } }));
    h.fake.resetCounters();
    const d = await post(h, { query: directives(50_000) });
    expectRefused(h, d, 'GRAPHQL_MAX_DIRECTIVES', 50);
    expect(d.errors?.[0]?.extensions?.actual).toBe(50_000);
    const o = await post(h, operations(5_000));
    expectRefused(h, o, 'GRAPHQL_MAX_OPERATIONS', 25);
    expect(o.errors?.[0]?.extensions?.actual).toBe(5_000);
    const f = await post(h, { query: fields(100_000) });
    expectRefused(h, f, 'GRAPHQL_MAX_TOKENS', 10_000);
    expect(f.errors?.[0]?.message).toContain('more than 10000 tokens');
    // Words and brackets in strings, block strings and comments are not counted.
    const quoted = await post(h, { query: `{ me { id } __type(name: "@{ fragment") { name } } # @ { {\n` });
    expect(quoted.errors).toBeUndefined();
    noErrorLogged(h);
  });

  it('with tokens unbounded too: the counts of the parsed document, GRAPHQL_MAX_SELECTIONS among them', async () => {
    const h = track(await startHarness({ env: { GRAPHQL_MAX_DOCUMENT_LENGTH: String(1024 * 1024), GRAPHQL_MAX_TOKENS: '1000000' } }));
    h.fake.resetCounters();
    const d = await post(h, { query: directives(50_000) });
    expectRefused(h, d, 'GRAPHQL_MAX_DIRECTIVES', 50);
    expect(d.errors?.[0]?.extensions?.actual).toBe(50_000);
    const f = await post(h, { query: fields(100_000) });
    expectRefused(h, f, 'GRAPHQL_MAX_SELECTIONS', 1000);
    expect(f.errors?.[0]?.extensions?.actual).toBe(100_001);
    const o = await post(h, operations(5_000));
    expectRefused(h, o, 'GRAPHQL_MAX_OPERATIONS', 25);
    expect(o.errors?.[0]?.extensions?.actual).toBe(5_000);
    noErrorLogged(h);
  });

  it('the same shapes within the limits are answered', async () => {
    const h = track(await startHarness());
    // One @include per field: graphql allows a directive once per location.
    const d = await post(h, { query: unique(`{ me { ${'id @include(if: true) '.repeat(50)}} }`) });
    expect(d.errors).toBeUndefined();
    expect(d.data?.me).toMatchObject({ id: expect.any(String) });
    // graphql's own budget for comparing same-named fields stops far below GRAPHQL_MAX_SELECTIONS of them.
    const f = await post(h, { query: fields(500) });
    expect(f.errors).toBeUndefined();
    const o = await post(h, operations(25));
    expect(o.errors).toBeUndefined();
    expect(o.data?.me).toMatchObject({ id: expect.any(String) });
  });
});

describe('bracket nesting is refused before the parser recurses into it', () => {
  it('lists, input objects and inline fragments nested 3,000 deep are refused by GRAPHQL_MAX_NESTING, never a RangeError', async () => {
    const h = track(await startHarness());
    h.fake.resetCounters();
    const n = 3000;
    expectRefused(
      h,
      await post(h, { query: unique(`{ user(id: ${'['.repeat(n)}"x"${']'.repeat(n)}) { id } }`) }),
      'GRAPHQL_MAX_NESTING',
      100,
    );
    expectRefused(
      h,
      await post(h, { query: unique(`{ user(id: ${'{a:'.repeat(n)}1${'}'.repeat(n)}) { id } }`) }),
      'GRAPHQL_MAX_NESTING',
      100,
    );
    expectRefused(
      h,
      await post(h, { query: unique(`{ ${'... on Query { '.repeat(n)}__typename${' }'.repeat(n)} }`) }),
      'GRAPHQL_MAX_NESTING',
      100,
    );
    // Brackets in strings and comments do not count.
    const quoted = await post(h, { query: `query { users(first: 1) { nodes { id } } } # ${'['.repeat(n)}\n` });
    expect(quoted.errors).toBeUndefined();
    noErrorLogged(h);
  });

  it('at the highest nesting setting, a document just under it is answered with a validation error, not a 500', async () => {
    const h = track(await startHarness({ env: { GRAPHQL_MAX_NESTING: '1000' } }));
    const r = await post(h, { query: unique(`{ user(id: ${'['.repeat(998)}"x"${']'.repeat(998)}) { id } }`) });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const fragments = await post(h, { query: unique(`{ ${'... on Query { '.repeat(997)}__typename${' }'.repeat(997)} }`) });
    expect(fragments.status).toBe(200);
    noErrorLogged(h);
  });
});

describe('every way in has the same limits', () => {
  it('GET, and a batch whose one operation is over a limit', async () => {
    const h = track(await startHarness());
    h.fake.resetCounters();
    const search = new URLSearchParams(operations(100));
    const get = await fetch(`${h.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
    expectRefused(h, { status: get.status, ...((await get.json()) as { errors: Errors }) }, 'GRAPHQL_MAX_OPERATIONS', 25);
    const batch = await post(h, [{ query: '{ me { id } }' }, { query: fields(3000) }]);
    expectRefused(h, batch, 'GRAPHQL_MAX_SELECTIONS', 1000);
  });

  it('a WebSocket subscribe message', async () => {
    // Under WS_MAX_MESSAGE_BYTES (64 KiB), so that the document's own length limit is what refuses it.
    const h = track(await startHarness({ env: { GRAPHQL_MAX_DOCUMENT_LENGTH: '40000' } }));
    const { ws, messages } = await rawSocket(h.url);
    const nth = async (count: number) => {
      for (let i = 0; i < 300 && messages.length < count; i++) await new Promise((r) => setTimeout(r, 10));
      return messages[count - 1] as { id?: string; type: string; payload?: Errors };
    };
    ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect((await nth(1)).type).toBe('connection_ack');
    const subscription = (extra: string) => unique(`subscription ($id: ID!) { meetingEvents(meetingId: $id) { type ${extra} } }`);
    const cases: Array<[string, string, number]> = [
      [subscription('type '.repeat(3000)), 'GRAPHQL_MAX_SELECTIONS', 1000],
      [unique(`subscription { meetingEvents(meetingId: "1", x: [${'1 '.repeat(12_000)}]) { type } }`), 'GRAPHQL_MAX_TOKENS', 10_000],
      [subscription('@include(if: true) '.repeat(60)), 'GRAPHQL_MAX_DIRECTIVES', 50],
      [`subscription { meetingEvents(meetingId: ${'['.repeat(3000)}1${']'.repeat(3000)}) { type } }`, 'GRAPHQL_MAX_NESTING', 100],
      [subscription('type '.repeat(9_000)), 'GRAPHQL_MAX_DOCUMENT_LENGTH', 40_000],
    ];
    for (const [i, [query, limit, max]] of cases.entries()) {
      ws.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query, variables: { id: '1' } } }));
      const answer = await nth(i + 2);
      expect(answer).toMatchObject({ id: `s${i}`, type: 'error' });
      expect(answer.payload?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit, max });
    }
    ws.close();
    noErrorLogged(h);
  });

  it('a trusted document listed over a limit is refused by it when sent by its id', async () => {
    const big = `query Big { me { ${'id '.repeat(1500)}} }`;
    const small = 'query Small { me { id } }';
    const manifest = join(dir, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [sha256(big)]: big, [sha256(small)]: small }));
    const h = track(await startHarness({ env: { GRAPHQL_TRUSTED_DOCUMENTS: manifest } }));
    h.fake.resetCounters();
    expectRefused(h, await post(h, { documentId: sha256(big) }), 'GRAPHQL_MAX_SELECTIONS', 1000);
    const ok = await post(h, { documentId: sha256(small) });
    expect(ok.errors).toBeUndefined();
  });

  it("automatic persisted queries: registering an over-limit text is refused; a text another replica registered under higher limits is refused by Apollo's own parse, naming the limit", async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const store = { CACHE_URL: `sqlite://${join(dir, 'apq.sqlite')}` };
    const lax = track(await startHarness({ fake, env: store }));
    const strict = track(await startHarness({ fake, env: { ...store, GRAPHQL_MAX_TOKENS: '100' } }));
    const query = `{ me { ${'id '.repeat(120)}} }`;
    const persisted = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } };
    fake.resetCounters();
    expectRefused({ ...strict, fake }, await post(strict, { query, ...persisted }), 'GRAPHQL_MAX_TOKENS', 100);
    expect((await post(lax, { query, ...persisted })).errors).toBeUndefined();
    const byHash = await post(strict, persisted);
    expect(byHash.status).toBe(400);
    expect(byHash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_TOKENS', max: 100 });
    expect(byHash.errors?.[0]?.message).toContain('(GRAPHQL_MAX_TOKENS)');
  });
});
