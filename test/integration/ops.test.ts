import { describe, expect, it } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import type { SharedStore } from '../../src/store/store.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { memoryStore } from '../helpers/stores.js';

const { track, fakes } = stopAfterEach();

/** The value of one sample in Prometheus text format; undefined when the series does not exist. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const scrape = async (h: Harness) => {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

const USERS = '{ users(first: 2) { nodes { id } } }';

describe('/healthz and /readyz', () => {
  it('healthz answers 200 while the process runs; readyz reports each check', async () => {
    const h = track(await startHarness());
    const live = await fetch(`${h.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { config: 'loaded', store: 'ok', tokenSource: 's2s' } });
  });

  it('readyz is 503 when the token store does not answer; healthz stays 200', async () => {
    const { store } = memoryStore();
    const broken: SharedStore = Object.assign(Object.create(store) as SharedStore, {
      ping: () => Promise.reject(new Error('connection refused')),
    });
    const h = track(await startHarness({ overrides: { store: broken } }));
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    // Getting the account token needs the store too, so its check may fail beside the store's.
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/^store: token store unreachable(;|$)/),
      checks: { store: 'token store unreachable' },
    });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(h.logs.some((l) => l.includes('not ready: store: token store unreachable'))).toBe(true);
  });

  it('in sandbox mode readyz asks the fake Zoom and is 503 once it is gone', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const h = track(await startHarness({ fake, env: { ZOOM_SANDBOX: '1' }, overrides: { fakeZoom: fake } }));
    const ready = await fetch(`${h.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { sandbox: 'fake Zoom answers' } });
    await fake.close();
    const gone = await fetch(`${h.url}/readyz`);
    expect(gone.status).toBe(503);
    expect(await gone.json()).toMatchObject({ checks: { sandbox: 'fake Zoom unreachable' } });
  });
});

describe('/metrics', () => {
  it('counts token fetches, cache lookups, lock waits, upstream calls and GraphQL operations', async () => {
    const h = track(await startHarness());
    await h.gql(USERS);
    await h.gql(USERS);
    await h.gql('{ users(first: 0) { nodes { id } } }');
    const text = await scrape(h);

    expect(sample(text, 'zgg_token_fetches_total', { source: 's2s', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'zgg_token_fetches_total', { source: 's2s', outcome: 'error' })).toBeUndefined();
    expect(sample(text, 'zgg_token_cache_lookups_total', { source: 's2s', result: 'miss' })).toBe(1);
    expect(sample(text, 'zgg_token_cache_lookups_total', { source: 's2s', result: 'memory' })).toBe(1);
    expect(sample(text, 'zgg_token_lock_wait_seconds_count', { source: 's2s' })).toBe(1);
    expect(sample(text, 'zgg_upstream_request_duration_seconds_count', { route: 'users.list', status: '200' })).toBe(2);
    expect(sample(text, 'zgg_graphql_operations_total', { type: 'query', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'zgg_graphql_operations_total', { type: 'query', outcome: 'error' })).toBe(1);
    expect(sample(text, 'zgg_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(sample(text, 'zgg_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts 429s from Zoom by route and the ZOOM_RATE_LIMITED errors they become', async () => {
    const h = track(await startHarness());
    // A Retry-After beyond the request deadline: the gateway answers at once instead of waiting.
    h.fake.knobs.fail({
      route: 'users.list',
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { code: 429, message: 'Too many requests.' },
    });
    const r = await h.gql(USERS);
    expect(r.errors?.[0]?.extensions?.code).toBe('ZOOM_RATE_LIMITED');
    const text = await scrape(h);
    expect(sample(text, 'zgg_upstream_rate_limited_total', { route: 'users.list' })).toBe(1);
    expect(sample(text, 'zgg_upstream_request_duration_seconds_count', { route: 'users.list', status: '429' })).toBe(1);
    expect(sample(text, 'zgg_graphql_errors_total', { code: 'ZOOM_RATE_LIMITED' })).toBe(1);
  });

  it('counts ZAK cache hits and misses', async () => {
    const h = track(await startHarness());
    const meeting = h.fake.state.meetings[0];
    expect(meeting).toBeDefined();
    const start = `mutation($id: ID!) { startMeetingToken(meetingId: $id) { zak } }`;
    const first = await h.gql<{ startMeetingToken: { zak: string } }>(start, { id: String(meeting?.id) });
    expect(first.errors).toBeUndefined();
    await h.gql(start, { id: String(meeting?.id) });
    const text = await scrape(h);
    expect(sample(text, 'zgg_zak_cache_total', { result: 'miss' })).toBe(1);
    expect(sample(text, 'zgg_zak_cache_total', { result: 'hit' })).toBe(1);
    expect(h.fake.hits('users.token')).toBe(1);
  });

  it('each app has its own registry: two gateways in one process do not share counters', async () => {
    const a = track(await startHarness());
    const b = track(await startHarness());
    await a.gql(USERS);
    expect(sample(await scrape(a), 'zgg_token_fetches_total', { source: 's2s', outcome: 'ok' })).toBe(1);
    expect(sample(await scrape(b), 'zgg_token_fetches_total', { source: 's2s', outcome: 'ok' })).toBeUndefined();
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id and logs it; replaces a malformed one with a fresh id', async () => {
    const h = track(await startHarness());
    const given = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'trace-42.a:b' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42.a:b');
    const r = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-graphql-1' },
      body: JSON.stringify({ query: USERS }),
    });
    expect(r.headers.get('x-request-id')).toBe('req-graphql-1');
    expect(h.logs.some((l) => JSON.parse(l).reqId === 'req-graphql-1')).toBe(true);

    for (const bad of ['has space', 'x'.repeat(129), 'a"b']) {
      const res = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const none = await fetch(`${h.url}/healthz`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  const preflight = (h: Harness, origin: string) =>
    fetch(`${h.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
  const post = (h: Harness, origin: string) =>
    fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ credentials { sandbox } }' }),
    });

  it('CORS_ORIGINS unset: no CORS headers at all', async () => {
    const h = track(await startHarness());
    const pre = await preflight(h, 'https://app.example.com');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post(h, 'https://app.example.com');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('CORS_ORIGINS set: listed origins get preflight and response headers; others get none', async () => {
    const h = track(await startHarness({ env: { CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' } }));
    const pre = await preflight(h, 'https://app.example.com');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');

    const res = await post(h, 'http://localhost:5173');
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');

    const other = await post(h, 'https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(h, 'https://evil.example.net')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
