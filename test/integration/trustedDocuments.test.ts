import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { generate } from '@graphql-codegen/cli';
import { getOperationAST, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { MAX_MANIFEST_BYTES } from '../../src/graphql/trusted/manifest.js';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { configProblems } from '../helpers/config.js';
import { startReplica } from '../helpers/replicas.js';
import { s2sEnv, startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { connect, record } from '../helpers/subscriptions.js';
import { metric } from '../helpers/webhooks.js';
import { USER_OAUTH_ENV, bearer, member } from '../helpers/userOAuth.js';

/**
 * GRAPHQL_TRUSTED_DOCUMENTS with the manifest GraphQL Code Generator's client preset writes for
 * test/operations/ (`persistedDocuments`, sha256 as Apollo Client hashes): only those operations
 * run, sent by id; anything else is refused before any Zoom call.
 */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Errors;
}

let dir: string;
let manifestPath: string;
let manifest: Record<string, string>;
/** The listed id and text of an operation, by its name. */
const listed = (name: string) => {
  const entry = Object.entries(manifest).find(([, text]) => new RegExp(`^(query|mutation) ${name}\\b`).test(text));
  if (!entry) throw new Error(`${name} is not in the manifest`);
  return { id: entry[0], text: entry[1] };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zgg-trusted-'));
  const out = (await generate(
    {
      schema: 'schema/schema.graphql',
      documents: 'test/operations/*.graphql',
      silent: true,
      generates: {
        [`${dir}/gen/`]: { preset: 'client', presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } } },
      },
    },
    false,
  )) as Array<{ filename: string; content: string }>;
  const file = out.find((f) => f.filename.endsWith('persisted-documents.json'));
  if (!file) throw new Error('the client preset wrote no persisted-documents.json');
  manifest = JSON.parse(file.content) as Record<string, string>;
  manifestPath = join(dir, 'persisted-documents.json');
  writeFileSync(manifestPath, file.content);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { track, fakes } = stopAfterEach();
const JWT_CALLERS = {
  GATEWAY_AUTH: 'jwt',
  GATEWAY_JWT_SECRET: USER_OAUTH_ENV.GATEWAY_JWT_SECRET!,
  GATEWAY_JWT_ISSUER: USER_OAUTH_ENV.GATEWAY_JWT_ISSUER!,
  GATEWAY_JWT_AUDIENCE: USER_OAUTH_ENV.GATEWAY_JWT_AUDIENCE!,
};
const start = async (env: Record<string, string> = {}) =>
  track(await startHarness({ env: { ...JWT_CALLERS, GRAPHQL_TRUSTED_DOCUMENTS: manifestPath, ...env } }));

async function post(h: Harness, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}
const apq = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
const userOf = (h: Harness) => bearer(h.fake, { sub: 'alice', email: member(h.fake).email, roles: ['user'] });
const adminOf = (h: Harness) => bearer(h.fake, { sub: 'ops', roles: ['admin'] });

function expectUntrusted(h: Harness, a: Answer, reason: string) {
  expect(a.status).toBe(400);
  expect(a.data ?? null).toBeNull();
  expect(a.errors).toHaveLength(1);
  expect(a.errors?.[0]?.extensions).toEqual({ code: 'UNTRUSTED_DOCUMENT', reason });
  expect(h.fake.hits()).toBe(0);
}

describe('trusted documents', () => {
  it('the manifest is the one the client preset writes: sha256 of each operation of test/operations/', () => {
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(8);
    for (const [id, text] of Object.entries(manifest)) expect(id).toBe(sha256(text));
  });

  it('a user-role caller runs a listed operation by extensions.persistedQuery, by documentId (bare or sha256:-prefixed), as its exact text, and over GET', async () => {
    const h = await start();
    expect(h.logs.some((l) => l.includes('only trusted documents run') && l.includes(`"documents":${Object.keys(manifest).length}`))).toBe(
      true,
    );
    const user = await userOf(h);
    const me = listed('Me');
    const expected = member(h.fake).email;
    for (const body of [
      apq(me.id),
      { documentId: me.id },
      { documentId: `sha256:${me.id}` },
      { query: me.text },
      { query: me.text, ...apq(me.id) },
    ]) {
      const r = await post(h, body, user);
      expect(r.errors, JSON.stringify(body).slice(0, 80)).toBeUndefined();
      expect((r.data?.me as { email: string }).email).toBe(expected);
    }
    const search = new URLSearchParams({ extensions: JSON.stringify(apq(me.id).extensions) });
    const res = await fetch(`${h.url}/graphql?${search}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...user },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).data?.me).toMatchObject({ email: expected });
  });

  it('refuses, before any Zoom call: an arbitrary document, an unknown id, a listed id with another text, and a batch holding one of them', async () => {
    const h = await start();
    const user = await userOf(h);
    h.fake.resetCounters();
    expectUntrusted(h, await post(h, { query: '{ me { id email } }' }, user), 'NOT_LISTED');
    expectUntrusted(h, await post(h, apq(sha256('{ me { id email } }')), user), 'UNKNOWN_DOCUMENT_ID');
    expectUntrusted(h, await post(h, { documentId: 'x'.repeat(10_000) }, user), 'UNKNOWN_DOCUMENT_ID');
    const me = listed('Me');
    expectUntrusted(h, await post(h, { query: '{ users(first: 300) { nodes { id email } } }', ...apq(me.id) }, user), 'DOCUMENT_MISMATCH');
    expectUntrusted(h, await post(h, { query: `${me.text} `, documentId: me.id }, user), 'DOCUMENT_MISMATCH');
    expectUntrusted(h, await post(h, [apq(me.id), { query: '{ __typename }' }], user), 'NOT_LISTED');
    // Over GET as well, whatever parameter repeats.
    const search = `query=${encodeURIComponent('{ __typename }')}&query=${encodeURIComponent(me.text)}`;
    const res = await fetch(`${h.url}/graphql?${search}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...user },
    });
    expectUntrusted(h, { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) }, 'NOT_LISTED');
  });

  it('an unauthenticated caller is answered 401, even with a listed id', async () => {
    const h = await start();
    const r = await post(h, apq(listed('Me').id), {});
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(h.fake.hits()).toBe(0);
  });

  it('an admin is held to the list too, unless GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN is on', async () => {
    const strict = await start();
    expectUntrusted(strict, await post(strict, { query: '{ credentials { sandbox } }' }, await adminOf(strict)), 'NOT_LISTED');

    const open = await start({ GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: 'true' });
    const admin = await adminOf(open);
    expect(await post(open, { query: '{ credentials { sandbox } }' }, admin)).toMatchObject({
      status: 200,
      data: { credentials: { sandbox: false } },
    });
    expect((await post(open, apq(listed('Users').id), admin)).errors).toBeUndefined();
    // A user-role caller is not: not even by an automatic persisted query an admin registered.
    const query = '{ users(first: 2) { nodes { email } } }';
    expect((await post(open, { query, ...apq(sha256(query)) }, admin)).errors).toBeUndefined();
    open.fake.resetCounters();
    expectUntrusted(open, await post(open, apq(sha256(query)), await userOf(open)), 'UNKNOWN_DOCUMENT_ID');
    expectUntrusted(open, await post(open, { query }, await userOf(open)), 'NOT_LISTED');
  });

  it("Apollo Client sends the preset's hash alone and gets the data; an unlisted operation fails once, without a retry that sends its text", async () => {
    const h = await start();
    const sent: Array<{ query?: string }> = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)) as { query?: string });
      return fetch(input, init);
    };
    // What the preset's embedded `__meta__.hash` gives a client: the manifest id of the operation.
    const generateHash = (doc: DocumentNode) => {
      const name = getOperationAST(doc)?.name?.value ?? '';
      return (
        Object.entries(manifest).find(([, text]) => text.startsWith(`query ${name} `) || text.startsWith(`query ${name}(`))?.[0] ??
        sha256(name)
      );
    };
    const link = new PersistedQueryLink({ generateHash }).concat(
      new HttpLink({ uri: `${h.url}/graphql`, fetch: recording, headers: await userOf(h) }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const me = await client.query({ query: gql(listed('Me').text), fetchPolicy: 'no-cache' });
    expect(me.data).toMatchObject({ me: { email: member(h.fake).email } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ operationName: 'Me', extensions: { persistedQuery: { version: 1, sha256Hash: listed('Me').id } } });
    expect(sent[0]).not.toHaveProperty('query');
    sent.length = 0;
    const refused = await client
      .query({ query: gql('query Sneaky { users(first: 300) { nodes { email } } }'), fetchPolicy: 'no-cache' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // The refusal is a GraphQL response (application/graphql-response+json): Apollo Client reads its code.
    expect(CombinedGraphQLErrors.is(refused)).toBe(true);
    expect((refused as CombinedGraphQLErrors).errors[0]?.extensions).toEqual({ code: 'UNTRUSTED_DOCUMENT', reason: 'UNKNOWN_DOCUMENT_ID' });
    expect(sent.map((s) => s.query)).toEqual([undefined]);
  });

  it('a listed operation sent by id is held to the query limits', async () => {
    const h = await start({ GRAPHQL_MAX_DEPTH: '2' });
    const r = await post(h, apq(listed('Users').id), await adminOf(h));
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_DEPTH', max: 2 });
    expect(h.fake.hits()).toBe(0);
  });
});

describe('trusted documents over the WebSocket', () => {
  it('a subscribe message must be a listed document, by text or by id; anything else is UNTRUSTED_DOCUMENT and subscribes nothing', async () => {
    const h = await start();
    const [id, text] = Object.entries(manifest).find(([, t]) => t.startsWith('subscription MyMeetingEvents'))!;
    const c = connect(h.url, await userOf(h));
    const failures = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<unknown[]>((resolve) =>
        c.client.subscribe(payload, { next: () => undefined, error: (e) => resolve(e as unknown[]), complete: () => resolve([]) }),
      );
    try {
      await c.connected;
      const unlisted = await failures({ query: 'subscription { myMeetingEvents { meetingId kind sequence } }' });
      expect(unlisted[0]).toMatchObject({ extensions: { code: 'UNTRUSTED_DOCUMENT', reason: 'NOT_LISTED' } });
      const unknownId = await failures({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('nope') } } });
      expect(unknownId[0]).toMatchObject({ extensions: { code: 'UNTRUSTED_DOCUMENT', reason: 'UNKNOWN_DOCUMENT_ID' } });
      const mismatch = await failures({
        query: 'subscription { myMeetingEvents { meetingId } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: id } },
      });
      expect(mismatch[0]).toMatchObject({ extensions: { code: 'UNTRUSTED_DOCUMENT', reason: 'DOCUMENT_MISMATCH' } });
      expect(await metric(h.url, 'zgg_ws_subscriptions', { field: 'myMeetingEvents' })).toBe(0);
      // The listed document runs, sent as its text or as its id alone.
      const byText = record(c.client, text);
      const byIdErrors: unknown[] = [];
      c.client.subscribe(
        { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: id } } },
        { next: () => undefined, error: (e) => byIdErrors.push(e), complete: () => undefined },
      );
      await expect.poll(() => metric(h.url, 'zgg_ws_subscriptions', { field: 'myMeetingEvents' }), { timeout: 10_000 }).toBe(2);
      expect(byText.errors).toEqual([]);
      expect(byIdErrors).toEqual([]);
    } finally {
      await c.client.dispose();
    }
  });
});

describe('a manifest that cannot be used stops the start, naming GRAPHQL_TRUSTED_DOCUMENTS and the problem', () => {
  let fake: FakeZoom;
  beforeAll(async () => {
    fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
  });
  const startWith = async (path: string) => {
    const err = await createApp(loadConfig({ ...s2sEnv(fake), GRAPHQL_TRUSTED_DOCUMENTS: path })).then(
      async (app) => {
        await app.stop();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  };
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it.each([
    ['not JSON', '{"abc": "query A { me { id } }"', /not JSON/],
    ['a JSON array', '["query A { me { id } }"]', /expected a JSON object/],
    ['an empty object', '{}', /lists no documents/],
    ['a value that is not a text', '{"abc": 42}', /"abc" is not a document text/],
    ['a document that does not parse', '{"abc": "query A { me { id }"}', /"abc" does not parse/],
    ['an id with a slash', '{"a/b": "query A { me { id } }"}', /"a\/b" is not a document id/],
  ])('%s', async (_name, content, expected) => {
    const message = await startWith(file('bad.json', content));
    expect(message).toContain('GRAPHQL_TRUSTED_DOCUMENTS');
    expect(message).toMatch(expected);
  });

  it(`a file over ${MAX_MANIFEST_BYTES} bytes, and a file that is not there`, async () => {
    const big = file('big.json', `{"a": "${'x'.repeat(MAX_MANIFEST_BYTES)}"}`);
    expect(await startWith(big)).toMatch(/GRAPHQL_TRUSTED_DOCUMENTS: .*big\.json: \d+ bytes; a manifest may hold at most/);
    expect(await startWith(join(dir, 'missing.json'))).toMatch(/GRAPHQL_TRUSTED_DOCUMENTS: .*missing\.json: cannot be read \(ENOENT\)/);
  });

  it('the gateway process exits 78 with that message, and never listens', async () => {
    const failed = await startReplica({
      ZOOM_SANDBOX: '1',
      PORT: '0',
      CACHE_URL: 'memory://',
      GRAPHQL_TRUSTED_DOCUMENTS: file('broken.json', '{"abc": 42}'),
    }).then(
      async (replica) => {
        await replica.stop();
        return undefined;
      },
      (e: unknown) => e as Error,
    );
    expect(failed?.message).toMatch(/exited with 78 before listening/);
    expect(failed?.message).toMatch(/GRAPHQL_TRUSTED_DOCUMENTS: .*broken\.json: the entry "abc" is not a document text/);
  }, 60_000);

  it('GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN without a manifest is a configuration problem', () => {
    expect(configProblems({ ZOOM_SANDBOX: '1', GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: 'true' })).toEqual([
      expect.stringMatching(/^GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: has no effect without GRAPHQL_TRUSTED_DOCUMENTS/),
    ]);
    expect(
      configProblems({ ZOOM_SANDBOX: '1', GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: 'maybe', GRAPHQL_TRUSTED_DOCUMENTS: 'x.json' }),
    ).toEqual([expect.stringMatching(/^GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN: expected true or false/)]);
  });
});
