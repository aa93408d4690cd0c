import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';

// GRAPHQL_CALLER_PARSE_MS_PER_SECOND over HTTP: a caller whose requests cost the gateway parse
// work past its budget waits (body unread) while other callers go on, and is refused when the
// wait would be too long. The fake's clock is frozen, so the budget pays nothing off until the
// test moves it: whether a request waits depends on what was charged, not on how fast this
// machine parses.
const { track, fakes } = stopAfterEach();
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ADMIN_KEY = randomUUID();
const MEMBER_KEY = randomUUID();
const admin = { 'x-api-key': ADMIN_KEY };
const member = { 'x-api-key': MEMBER_KEY };

/** 5,000 directives: within the length limit, refused by GRAPHQL_MAX_DIRECTIVES after a scan; unique per call. */
const expensive = () => ({ query: `{ me ${'@include(if: true) '.repeat(5_000)}{ id } }\n# ${randomUUID()}` });

async function post(h: Harness, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
}

async function metric(h: Harness, name: string): Promise<number> {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

async function gateway(budget: number, env: Record<string, string> = {}) {
  const fake = await startFakeZoom({ rateLimits: false });
  fakes.push(fake);
  const owner = fake.state.owner;
  const h = track(
    await startHarness({
      fake,
      env: {
        GATEWAY_AUTH: 'apikey',
        GATEWAY_API_KEYS: `ops:${sha256(ADMIN_KEY)}:admin:${owner.email},member:${sha256(MEMBER_KEY)}:user:${owner.id}`,
        GRAPHQL_CALLER_PARSE_MS_PER_SECOND: String(budget),
        ...env,
      },
    }),
  );
  fake.clock.freeze();
  return h;
}

/** Sends refused expensive documents as the member until its charged work passes `ms`; answers the total. */
async function spendPast(h: Harness, ms: number): Promise<number> {
  for (;;) {
    const r = await post(h, expensive(), member);
    expect(r.status).toBe(400);
    const spent = (await metric(h, 'zgg_graphql_parse_work_seconds_sum')) * 1000;
    if (spent > ms) return spent;
  }
}

const ME = '{ me { id } }';

describe('GRAPHQL_CALLER_PARSE_MS_PER_SECOND', () => {
  it("holds an over-budget caller's requests while another caller's are answered; they go once the budget has paid off", async () => {
    const h = await gateway(10);
    const spent = await spendPast(h, 10);
    h.fake.resetCounters();
    const held = post(h, { query: ME }, member);
    await expect.poll(() => metric(h, 'zgg_graphql_paced_waiting')).toBe(1);
    // Another caller is not held back.
    const other = await post(h, { query: ME }, admin);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ data: { me: { id: h.fake.state.owner.id } } });
    expect(await metric(h, 'zgg_graphql_paced_waiting')).toBe(1);
    // Nor is a request without valid credentials: it is its client address's, and answered 401.
    expect((await post(h, { query: ME }, { 'x-api-key': 'not-a-key' })).status).toBe(401);
    // The member's debt is paid off at 10 ms per second of the clock.
    h.fake.clock.advance(Math.ceil(((spent - 10) / 10) * 1000) + 1);
    const answered = await held;
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ data: { me: { id: h.fake.state.owner.id } } });
    expect(await metric(h, 'zgg_graphql_paced_total{outcome="waited"}')).toBe(1);
  });

  it('refuses, 503 GATEWAY_BUSY with Retry-After and the limit named, a request that would wait past ZOOM_REQUEST_DEADLINE_MS', async () => {
    const h = await gateway(1, { ZOOM_REQUEST_DEADLINE_MS: '1000' });
    await spendPast(h, 1);
    h.fake.resetCounters();
    // With the clock frozen nothing is paid off: refused at once when the wait it faces is over
    // a second, else once it has waited that second.
    const r = await post(h, { query: ME }, member);
    expect(r.status).toBe(503);
    expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(r.body).toMatchObject({
      errors: [
        { extensions: { code: 'GATEWAY_BUSY', limit: 'GRAPHQL_CALLER_PARSE_MS_PER_SECOND', retryAfterSeconds: Number(r.retryAfter) } },
      ],
    });
    expect(h.fake.hits()).toBe(0);
    expect(await metric(h, 'zgg_graphql_paced_total{outcome="refused"}')).toBe(1);
    // The admin, in an account of its own, is answered.
    expect((await post(h, { query: ME }, admin)).status).toBe(200);
  });

  it('lets a held request go when its client disconnects, and the next in line takes its place', async () => {
    const h = await gateway(10);
    const spent = await spendPast(h, 10);
    const gone = new AbortController();
    const first = fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...member },
      body: JSON.stringify({ query: ME }),
      signal: gone.signal,
    }).catch((err: unknown) => err);
    await expect.poll(() => metric(h, 'zgg_graphql_paced_waiting')).toBe(1);
    const second = post(h, { query: ME }, member);
    await expect.poll(() => metric(h, 'zgg_graphql_paced_waiting')).toBe(2);
    gone.abort();
    await first;
    await expect.poll(() => metric(h, 'zgg_graphql_paced_waiting')).toBe(1);
    h.fake.clock.advance(Math.ceil(((spent - 10) / 10) * 1000) + 1);
    expect((await second).status).toBe(200);
  });

  it('counts the parse work of ordinary queries in microseconds: a burst of them stays within the default budget', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const h = track(await startHarness({ fake }));
    fake.clock.freeze();
    const answers = await Promise.all(Array.from({ length: 300 }, () => h.gql(ME)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await metric(h, 'zgg_graphql_paced_total{outcome="waited"}')).toBe(0);
    expect(await metric(h, 'zgg_graphql_parse_work_seconds_count')).toBe(300);
  });
});
