import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { builtGateway } from '../../bench/built.js';
import { dockerNodeArgs } from '../../bench/dockerCmd.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { spawnGateway, stopProcessesAfterEach } from '../helpers/process.js';
import { startOtlpReceiver, type ReceivedSpan } from '../helpers/otlpReceiver.js';

type Receiver = Awaited<ReturnType<typeof startOtlpReceiver>>;

const QUERY = `query Lookup($email: ID!, $first: Int) {
  user(id: $email) { id email }
  users(first: $first) { nodes { id } }
}`;
const MISSING_EMAIL = 'nobody-7c1e@example.com';
const COLLECTOR_KEY = 'collector-key-5b0e77d1';

const trackProcess = stopProcessesAfterEach();
let receiver: Receiver | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  await receiver?.close();
  h = undefined;
  receiver = undefined;
});

async function post(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY, operationName: 'Lookup', variables: { email: MISSING_EMAIL, first: 2 } }),
  });
  const body = (await res.json()) as { data?: { user: unknown; users: { nodes: unknown[] } }; errors?: unknown };
  return { status: res.status, body };
}

const tracedEnv = (r: Receiver) => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: r.url,
  OTEL_SERVICE_NAME: 'zgg-tracing-test',
  OTEL_EXPORTER_OTLP_HEADERS: `x-collector-key=${COLLECTOR_KEY}`,
  ZOOM_CACHE_TTL_SECONDS: '60',
});

const one = (spans: ReceivedSpan[], name: string) => {
  const found = spans.filter((s) => s.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const childrenOf = (spans: ReceivedSpan[], parent: ReceivedSpan) => spans.filter((s) => s.parentSpanId === parent.spanId);

describe('OpenTelemetry tracing', () => {
  it('off unless configured: the SDK is not loaded, nothing is exported, logs carry no trace ids', async () => {
    receiver = await startOtlpReceiver();
    h = await startHarness();
    expect(h.app.config.tracing).toBeNull();
    expect((await post(h.url, { traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` })).status).toBe(
      200,
    );
    await h.stop();
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain('trace_id');
    expect(receiver.requests).toEqual([]);
    // The SDK was never loaded (this runs before any test here turns tracing on).
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((m) => m.includes('@opentelemetry/sdk-trace') || m.includes('@opentelemetry/exporter-trace'))).toEqual([]);
  });

  it('one query: HTTP → GraphQL operation → Zoom calls → token and cache lookups, continuing traceparent, no secret anywhere', async () => {
    receiver = await startOtlpReceiver();
    h = await startHarness({ env: tracedEnv(receiver) });
    // users.list fails once with 500: the call is retried, and the span says so.
    h.fake.knobs.fail({ route: 'users.list', status: 500 });
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const first = await post(h.url, { traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(first.status).toBe(200);
    expect(first.body.data?.user).toBeNull();
    expect(first.body.data?.users.nodes).toHaveLength(2);
    const second = await post(h.url);
    expect(second.status).toBe(200);
    const logs = [...h.logs];
    const tokens = h.fake.requests.map((r) => r.accessToken).filter((t): t is string => Boolean(t));
    expect(tokens.length).toBeGreaterThan(0);
    await h.stop(); // exports what is pending

    const spans = receiver.spans.filter((s) => s.traceId === traceId);
    const server = one(spans, 'POST /graphql');
    expect(server).toMatchObject({ kind: 2, parentSpanId: callerSpan });
    expect(server.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });

    const operation = one(spans, 'query Lookup');
    expect(operation.parentSpanId).toBe(server.spanId);
    expect(operation.attributes).toEqual({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Lookup' });

    const list = one(spans, 'zoom users.list');
    const get = one(spans, 'zoom users.get');
    for (const call of [list, get]) {
      expect(call.parentSpanId).toBe(operation.spanId);
      expect(call.kind).toBe(3);
      expect(call.attributes['http.request.method']).toBe('GET');
      expect(call.attributes['zoom.cache']).toBe('miss');
      expect(typeof call.attributes['zoom.rate_limit.category']).toBe('string');
    }
    expect(list.attributes).toMatchObject({ 'zoom.route': 'users.list', 'http.response.status_code': 200, 'zoom.retry_count': 1 });
    expect(list.status.code ?? 0).not.toBe(2);
    // Zoom has no such user: the call ends in 404, an error of the call (the field is null).
    expect(get.attributes).toMatchObject({
      'zoom.route': 'users.get',
      'http.response.status_code': 404,
      'zoom.retry_count': 0,
      'error.type': 'ZoomApiError',
    });
    expect(get.status.code).toBe(2);

    // Each call looked its token up; the two shared one fetch from Zoom's token endpoint.
    const lookups = spans.filter((s) => s.name === 'token lookup');
    expect(lookups.map((l) => l.parentSpanId).sort()).toEqual([list.spanId, get.spanId].sort());
    for (const l of lookups) expect(l.attributes['zoom.token.source']).toBe('s2s');
    const fetches = spans.filter((s) => s.name === 'token fetch');
    expect(fetches).toHaveLength(1);
    expect(lookups.map((l) => l.spanId)).toContain(fetches[0]!.parentSpanId);
    expect(fetches[0]!.attributes).toEqual({ 'zoom.token.source': 's2s', 'zoom.token.outcome': 'ok' });
    expect(lookups.find((l) => l.spanId === fetches[0]!.parentSpanId)!.attributes['cache.hit']).toBe(false);

    const cacheLookups = spans.filter((s) => s.name === 'zoom read cache lookup');
    expect(cacheLookups.map((c) => c.parentSpanId).sort()).toEqual([list.spanId, get.spanId].sort());
    for (const c of cacheLookups) expect(c.attributes['cache.hit']).toBe(false);

    // The second request started a trace of its own; its answers came from the caches.
    const later = receiver.spans.filter((s) => s.traceId !== traceId);
    const laterServer = one(later, 'POST /graphql');
    expect(laterServer.parentSpanId ?? '').toBe('');
    const laterList = one(later, 'zoom users.list');
    expect(laterList.attributes['zoom.cache']).toBe('hit');
    expect(childrenOf(later, laterList).map((c) => [c.name, c.attributes['cache.hit']])).toEqual(
      expect.arrayContaining([['zoom read cache lookup', true]]),
    );
    // A 404 is never cached: asked of Zoom again.
    expect(one(later, 'zoom users.get').attributes['zoom.cache']).toBe('miss');
    expect(
      later
        .filter((s) => s.name === 'token lookup')
        .every((l) => l.attributes['cache.hit'] === true && l.attributes['cache.layer'] === 'memory'),
    ).toBe(true);
    expect(later.filter((s) => s.name === 'token fetch')).toHaveLength(0);

    expect(receiver.resources[0]).toMatchObject({ 'service.name': 'zgg-tracing-test' });
    expect(receiver.requests.every((r) => r.headers['x-collector-key'] === COLLECTOR_KEY)).toBe(true);
    // Nothing secret in what left for the collector: tokens, the client secret, the variables'
    // values (also in the raw Zoom path), the collector's own header.
    const exported = receiver.requests.map((r) => r.body).join('\n');
    for (const secret of [...tokens, 'sandbox-s2s-secret', MISSING_EMAIL, COLLECTOR_KEY, 'Bearer', 'variables']) {
      expect(exported, secret).not.toContain(secret);
    }

    // Log lines written while the request was traced carry its trace id.
    const traced = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.trace_id === traceId);
    expect(traced.length).toBeGreaterThan(0);
    expect(traced.map((l) => l.msg)).toContain('request completed');
    // …and only its own: the second request's lines carry another.
    expect(new Set(traced.map((l) => l.reqId).filter(Boolean)).size).toBe(1);
  });

  it('an incoming traceparent that is not sampled is honoured: nothing of that trace is exported', async () => {
    receiver = await startOtlpReceiver();
    h = await startHarness({ env: tracedEnv(receiver) });
    const traceId = randomBytes(16).toString('hex');
    expect((await post(h.url, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-00` })).status).toBe(200);
    expect((await post(h.url)).status).toBe(200);
    await h.stop();
    expect(receiver.spans.length).toBeGreaterThan(0);
    expect(receiver.spans.filter((s) => s.traceId === traceId)).toEqual([]);
  });

  it('OTEL_PROPAGATORS=none: an incoming traceparent is not continued', async () => {
    receiver = await startOtlpReceiver();
    h = await startHarness({ env: { ...tracedEnv(receiver), OTEL_PROPAGATORS: 'none' } });
    const traceId = randomBytes(16).toString('hex');
    expect((await post(h.url, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` })).status).toBe(200);
    await h.stop();
    const server = one(receiver.spans, 'POST /graphql');
    expect(server.traceId).not.toBe(traceId);
    expect(server.parentSpanId ?? '').toBe('');
  });

  it('a collector that is down fails no request and no shutdown; the lost export is logged', async () => {
    receiver = await startOtlpReceiver();
    const down = receiver.url;
    await receiver.close();
    h = await startHarness({ env: { ...tracedEnv({ url: down } as Receiver), OTEL_EXPORTER_OTLP_TIMEOUT: '2000' } });
    expect((await post(h.url)).status).toBe(200);
    await h.stop();
    const warnings = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'tracing: spans could not be exported');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(warnings)).not.toContain(COLLECTOR_KEY);
  });

  it('a batch: each operation has its own span, parent of its own Zoom calls', async () => {
    receiver = await startOtlpReceiver();
    h = await startHarness({ env: tracedEnv(receiver) });
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: 'query Listing { users(first: 1) { nodes { id } } }' },
        { query: 'query Single($id: ID!) { user(id: $id) { id } }', variables: { id: 'user2@example.com' } },
      ]),
    });
    expect(res.status).toBe(200);
    await h.stop();
    const listing = one(receiver.spans, 'query Listing');
    const single = one(receiver.spans, 'query Single');
    expect(listing.parentSpanId).toBe(single.parentSpanId);
    expect(childrenOf(receiver.spans, listing).map((s) => s.name)).toEqual(['zoom users.list']);
    expect(childrenOf(receiver.spans, single).map((s) => s.name)).toEqual(['zoom users.get']);
  });

  it('the compiled gateway as the image runs it: spans reach the collector, and its JSON log lines carry trace_id', async () => {
    const build = await builtGateway();
    receiver = await startOtlpReceiver();
    const env = {
      NODE_ENV: 'development',
      ZOOM_SANDBOX: '1',
      CACHE_URL: 'memory://',
      PORT: '0',
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    };
    const gw = trackProcess(spawnGateway(process.execPath, dockerNodeArgs(), { cwd: build.dir, env }));
    const address = await gw.address();
    expect(await gw.waitFor('tracing on')).toMatchObject({ endpoint: `${receiver.url}…` });
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: '{ users(first: 2) { nodes { id } } }' }),
    });
    expect(res.status).toBe(200);
    await gw.stop();
    expect(await gw.exited).toBe(0);
    const names = receiver.spans.filter((s) => s.traceId === traceId).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['POST /graphql', 'query', 'zoom users.list', 'token lookup', 'token fetch']));
    expect(gw.lines.filter((l) => l.trace_id === traceId).map((l) => l.msg)).toContain('request completed');
  }, 240_000);
});
