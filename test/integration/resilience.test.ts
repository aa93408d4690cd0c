import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

const USERS = '{ users(first: 1) { nodes { id } } }';
const CREATE = 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id topic } }';
const HOUR = 3_600_000;
const MARGIN = 300_000;

const { track } = stopAfterEach();
const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;

describe('429 from Zoom', () => {
  it('waits out Retry-After (seconds) within the deadline and retries: the caller sees success', async () => {
    const h = track(await startHarness());
    h.fake.knobs.fail({
      route: 'users.list',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' },
    });
    const started = Date.now();
    const r = await h.gql(USERS);
    expect(r.errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.fake.hits('users.list')).toBe(2);
  });

  it('retries a POST after a 429 too (a 429 was not applied): one meeting exists', async () => {
    const h = track(await startHarness());
    const before = h.fake.state.meetings.length;
    h.fake.knobs.fail({ route: 'meetings.create', status: 429, headers: { 'retry-after': '1' } });
    const r = await h.gql<{ createMeeting: { topic: string } }>(CREATE, { input: { topic: 'after a 429' } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createMeeting.topic).toBe('after a 429');
    expect(h.fake.hits('meetings.create')).toBe(2);
    expect(h.fake.state.meetings.length).toBe(before + 1);
  });

  it('answers ZOOM_RATE_LIMITED with retryAfterSeconds when Retry-After exceeds the deadline, without waiting', async () => {
    // A deadline far above what one request takes on a loaded machine: waiting for it would show.
    const h = track(await startHarness({ env: { ZOOM_REQUEST_DEADLINE_MS: '20000' } }));
    h.fake.knobs.fail({ route: 'users.list', status: 429, headers: { 'retry-after': '30' } });
    const started = Date.now();
    const r = await h.gql(USERS);
    expect(code(r)).toBe('ZOOM_RATE_LIMITED');
    expect(r.errors?.[0]?.extensions?.retryAfterSeconds).toBe(30);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(h.fake.hits('users.list')).toBe(1);
  });

  it('reads a daily-limit Retry-After given as a date', async () => {
    const h = track(await startHarness());
    const at = new Date(Date.now() + 3 * HOUR);
    h.fake.knobs.fail({ route: 'users.list', status: 429, headers: { 'retry-after': at.toISOString().replace(/\.\d{3}Z$/, 'Z') } });
    const r = await h.gql(USERS);
    expect(code(r)).toBe('ZOOM_RATE_LIMITED');
    const seconds = Number(r.errors?.[0]?.extensions?.retryAfterSeconds);
    expect(seconds).toBeGreaterThan(3 * 3600 - 10);
    expect(seconds).toBeLessThanOrEqual(3 * 3600 + 1);
  });
});

describe('timeouts and retries', () => {
  it('a POST whose connection drops after Zoom applied it is not retried → ZOOM_UNAVAILABLE, one meeting', async () => {
    const h = track(await startHarness());
    const before = h.fake.state.meetings.length;
    h.fake.knobs.drop({ route: 'meetings.create', when: 'after' });
    const r = await h.gql(CREATE, { input: { topic: 'maybe applied' } });
    expect(code(r)).toBe('ZOOM_UNAVAILABLE');
    expect(h.fake.hits('meetings.create')).toBe(1);
    expect(h.fake.state.meetings.filter((m) => m.topic === 'maybe applied')).toHaveLength(1);
    expect(h.fake.state.meetings.length).toBe(before + 1);
  });

  it('a GET whose connection drops, or that meets a 503, is retried with backoff and succeeds', async () => {
    const h = track(await startHarness());
    h.fake.knobs.drop({ route: 'users.list', when: 'before' });
    h.fake.knobs.fail({ route: 'users.list', status: 503 });
    const r = await h.gql(USERS);
    expect(r.errors).toBeUndefined();
    expect(h.fake.hits('users.list')).toBe(3);
  });

  it('a GET that keeps failing gives up after its retries → ZOOM_UNAVAILABLE, no 5xx body leaked', async () => {
    const h = track(await startHarness());
    h.fake.knobs.fail({ route: 'users.list', status: 500, body: 'stack trace: secret internals', times: 5 });
    const r = await h.gql(USERS);
    expect(code(r)).toBe('ZOOM_UNAVAILABLE');
    expect(JSON.stringify(r)).not.toContain('secret internals');
    expect(h.fake.hits('users.list')).toBe(3);
  });

  it('a Zoom that does not answer is abandoned at the call deadline → ZOOM_UNAVAILABLE', async () => {
    const h = track(await startHarness({ env: { ZOOM_REQUEST_DEADLINE_MS: '1000' } }));
    await h.gql(USERS); // token cached
    // Zoom would answer after two minutes, far past the test's timeout: an answer at all is the deadline's.
    h.fake.knobs.latency(120_000, 'users.list');
    const started = Date.now();
    const r = await h.gql(USERS);
    expect(code(r)).toBe('ZOOM_UNAVAILABLE');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('token endpoint down', () => {
  it('serves the cached token until its true expiry, backs off, and refreshes once when it returns', async () => {
    const h = track(await startHarness());
    // The back-off windows below are short: only the test moves the clock, so a slow machine cannot.
    h.fake.clock.freeze();
    expect((await h.gql(USERS)).errors).toBeUndefined();
    expect(h.fake.hits('oauth.token')).toBe(1);

    h.fake.knobs.fail({ route: 'oauth.token', status: 503, times: 50 });
    h.fake.clock.advance(HOUR - MARGIN + 10_000); // inside the refresh margin, not expired
    const during = await Promise.all(Array.from({ length: 50 }, () => h.gql(USERS)));
    expect(during.every((r) => !r.errors)).toBe(true);
    expect(h.fake.hits('oauth.token')).toBe(2); // one failed attempt, then backoff: no storm
    expect(h.logs.some((l) => l.includes('token fetch failed'))).toBe(true);

    h.fake.clock.advance(500); // still inside the first backoff window (1 s)
    await Promise.all(Array.from({ length: 20 }, () => h.gql(USERS)));
    expect(h.fake.hits('oauth.token')).toBe(2);

    h.fake.knobs.reset(); // the endpoint is back
    h.fake.clock.advance(1000);
    const after = await Promise.all(Array.from({ length: 100 }, () => h.gql(USERS)));
    expect(after.every((r) => !r.errors)).toBe(true);
    expect(h.fake.hits('oauth.token')).toBe(3); // exactly one refresh, no thundering herd
  });

  it('answers ZOOM_UNAVAILABLE once the cached token has truly expired and the endpoint is still down', async () => {
    const h = track(await startHarness());
    await h.gql(USERS);
    h.fake.knobs.fail({ route: 'oauth.token', status: 503, times: 50 });
    h.fake.clock.advance(HOUR + 1000);
    const r = await h.gql(USERS);
    expect(code(r)).toBe('ZOOM_UNAVAILABLE');
  });
});
