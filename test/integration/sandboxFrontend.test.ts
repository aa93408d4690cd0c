import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { DEFAULT_CORS_ALLOWED_HEADERS, loadConfig } from '../../src/config.js';
import { captureLogs, startHarness, stopAfterEach } from '../helpers/gateway.js';
import { connect, fakeLive, MEETING_EVENTS, record } from '../helpers/subscriptions.js';

/**
 * A frontend team's first day: the gateway started as the quick start does (sandbox mode,
 * nothing configured), used from a dev server with Apollo Client, urql and graphql-ws, each with
 * its defaults.
 */
const { track } = stopAfterEach();
const WAIT = { timeout: 10_000, interval: 20 };

async function sandbox(env: Record<string, string> = {}) {
  const logs = captureLogs('info');
  const app = await createApp(loadConfig({ ZOOM_SANDBOX: '1', CACHE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'info', ...env }), {
    logger: logs.logger,
  });
  const url = await app.listen();
  return { app, url, lines: () => logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

let main: { app: App; url: string; lines: () => Array<Record<string, unknown>> };
beforeAll(async () => {
  main = await sandbox();
});
afterAll(async () => {
  await main?.app.stop();
});

const DEV_SERVER = 'http://localhost:5173';
const LIBRARY_HEADERS = [
  'traceparent',
  'tracestate',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-apollo-operation-name',
];

/** urql with nothing but its URL: short queries go as GET, with no extra header. */
function urql(url: string) {
  const methods: string[] = [];
  const client = new Client({
    url: `${url}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    fetch: (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
  return { client, methods };
}

describe('urql with its defaults (GET queries) in the sandbox', () => {
  it('runs a query by GET with no preflight header: CSRF prevention is off in sandbox mode', async () => {
    const { client, methods } = urql(main.url);
    const r = await client.query('{ me { id email } users(first: 3) { totalCount nodes { id } } }', {}).toPromise();
    expect(r.error).toBeUndefined();
    expect(r.data.me.id).toBe(main.app.fakeZoom!.state.owner.id);
    expect(r.data.users.nodes).toHaveLength(3);
    expect(methods).toEqual(['GET']);
  });

  it('sees the GraphQL layer’s codes and the gateway’s own', async () => {
    const { client } = urql(main.url);
    const invalid = await client.query('{ me { nope } }', {}).toPromise();
    expect(invalid.error?.graphQLErrors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const bad = await client.query('{ user(id: "") { id } }', {}).toPromise();
    expect(bad.error?.graphQLErrors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a mutation never runs by GET, and a POST that is not JSON is refused: the sandbox drops only the GET check', async () => {
    const before = main.app.fakeZoom!.state.meetings.length;
    const get = await fetch(`${main.url}/graphql?query=${encodeURIComponent('mutation { createMeeting(input: { topic: "x" }) { id } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(405);
    const form = await fetch(`${main.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { createMeeting(input: { topic: "x" }) { id } }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(main.app.fakeZoom!.state.meetings.length).toBe(before);
  });

  it('GRAPHQL_CSRF_PREVENTION=true puts the check back in the sandbox; urql then gets the refusal with its code', async () => {
    const strict = await sandbox({ GRAPHQL_CSRF_PREVENTION: 'true' });
    try {
      const { client } = urql(strict.url);
      const r = await client.query('{ me { id } }', {}).toPromise();
      expect(r.data).toBeUndefined();
      expect(r.error?.graphQLErrors[0]?.extensions.code).toBe('BAD_REQUEST');
      expect(r.error?.message).toMatch(/Cross-Site Request Forgery/);
    } finally {
      await strict.app.stop();
    }
  });

  it('outside sandbox mode the check is on by default, also with GATEWAY_AUTH=none', async () => {
    const h = track(await startHarness());
    const res = await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(h.fake.hits()).toBe(0);
  });
});

describe('Apollo Client with its defaults in the sandbox', () => {
  it('queries, sees codes of a refused operation, and a mutation reaches the fake', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: `${main.url}/graphql` }), cache: new InMemoryCache() });
    try {
      const me = await client.query({ query: apolloGql('query Me { me { id email } }') });
      expect(me.data).toMatchObject({ me: { id: main.app.fakeZoom!.state.owner.id } });
      const invalid = await client.query({ query: apolloGql('query Bad { me { nope } }') }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(CombinedGraphQLErrors.is(invalid)).toBe(true);
      expect((invalid as CombinedGraphQLErrors).errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const created = await client.mutate({
        mutation: apolloGql('mutation New { createMeeting(input: { topic: "First day" }) { id topic } }'),
      });
      const id = (created.data as { createMeeting: { id: string } }).createMeeting.id;
      expect(main.app.fakeZoom!.state.meetings.some((m) => String(m.id) === id)).toBe(true);
    } finally {
      client.stop();
    }
  });
});

describe('CORS: the headers browser libraries add', () => {
  const preflight = (url: string, headers: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: DEV_SERVER, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });
  const allowed = (res: Response) => (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());

  it('a preflight from a dev server asking for trace context and Apollo’s client awareness headers is allowed', async () => {
    const res = await preflight(main.url, ['content-type', ...LIBRARY_HEADERS].join(','));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DEV_SERVER);
    for (const h of ['content-type', ...LIBRARY_HEADERS]) expect(allowed(res), h).toContain(h);
    expect(allowed(res).sort()).toEqual([...DEFAULT_CORS_ALLOWED_HEADERS].sort());
  });

  it('a POST carrying them runs', async () => {
    const res = await fetch(`${main.url}/graphql`, {
      method: 'POST',
      headers: {
        origin: DEV_SERVER,
        'content-type': 'application/json',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        'apollographql-client-name': 'web',
        'apollographql-client-version': '1.0.0',
        'x-apollo-operation-name': 'Me',
      },
      body: JSON.stringify({ query: 'query Me { me { id } }', operationName: 'Me' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(DEV_SERVER);
  });

  it('CORS_ALLOWED_HEADERS replaces the list', async () => {
    const narrow = await sandbox({ CORS_ALLOWED_HEADERS: 'Content-Type, Authorization' });
    try {
      const res = await preflight(narrow.url, 'content-type,traceparent');
      expect(allowed(res)).toEqual(['content-type', 'authorization']);
    } finally {
      await narrow.app.stop();
    }
  });

  it.each([
    ['a name with a space', 'content-type,x bad', /CORS_ALLOWED_HEADERS: "x bad" is not a header name/],
    ['a list without content-type', 'authorization', /CORS_ALLOWED_HEADERS: must include content-type/],
  ])('CORS_ALLOWED_HEADERS with %s is refused at start', (_name, value, message) => {
    expect(() => loadConfig({ ZOOM_SANDBOX: '1', CORS_ALLOWED_HEADERS: value })).toThrow(message);
  });
});

describe('subscriptions in the sandbox, with no setup', () => {
  it('prints the fake Zoom’s control URL and where its webhooks go', () => {
    const banner = main.lines().find((l) => String(l.msg).startsWith('SANDBOX MODE'));
    expect(banner).toMatchObject({
      fakeZoom: main.app.fakeZoom!.url,
      fakeZoomControl: `${main.app.fakeZoom!.url}/__fake`,
      webhooks: `${main.url}/zoom/webhooks`,
    });
  });

  it('a subscriber receives the event a mutation through the gateway causes, then one started from the fake’s control API', async () => {
    const fake = main.app.fakeZoom!;
    const meeting = fake.state.meetings.find((m) => m.host_id === fake.state.owner.id)!;
    const ws = connect(main.url);
    try {
      await ws.connected;
      const got = record<{ kind: string; topic?: string | null }>(ws.client, MEETING_EVENTS, { id: String(meeting.id) });
      // Events before the subscription is registered are not replayed: wait until the gateway counts it.
      const subscribed = async () =>
        /^zgg_ws_subscriptions\{field="meetingEvents"\} 1$/m.test(await (await fetch(`${main.url}/metrics`)).text());
      await expect.poll(subscribed, WAIT).toBe(true);
      const res = await fetch(`${main.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($id: ID!) { updateMeeting(id: $id, input: { agenda: "Renamed on the first day" }) { id } }',
          variables: { id: String(meeting.id) },
        }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
      await expect.poll(() => got.events.map((e) => e.kind), WAIT).toEqual(['UPDATED']);
      await fakeLive(fake.url, meeting.id, 'start');
      await expect.poll(() => got.events.map((e) => e.kind), WAIT).toEqual(['UPDATED', 'STARTED']);
      expect(got.errors).toEqual([]);
      got.stop();
    } finally {
      await ws.client.dispose();
    }
  });

  it('ZOOM_SANDBOX_PORT pins the fake’s port; outside sandbox mode it is refused', async () => {
    const probe = await sandbox();
    const port = Number(new URL(probe.app.fakeZoom!.url).port);
    await probe.app.stop();
    const pinned = await sandbox({ ZOOM_SANDBOX_PORT: String(port) });
    try {
      expect(pinned.app.fakeZoom!.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await pinned.app.stop();
    }
    expect(() => loadConfig({ ZOOM_SANDBOX: '0', ZOOM_SANDBOX_PORT: '4001', CACHE_URL: 'memory://' })).toThrow(
      /ZOOM_SANDBOX_PORT: .*sandbox mode is off/,
    );
  });
});
