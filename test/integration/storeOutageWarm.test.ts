import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';

// A Redis of this test's own, on a port of its own, stopped and started again under load; the
// machine's Redis is never touched. It keeps its data on disk, as a production Redis holding
// refresh tokens must, so the grants are there again after the restart.
const { track, fakes } = stopAfterEach();
const dir = mkdtempSync(join(tmpdir(), 'zgg-redis-outage-'));
let redis: ChildProcess | undefined;
afterAll(() => {
  redis?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'],
    { stdio: 'ignore' },
  );
  // Answers PING once it listens.
  await vi.waitFor(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => socket.write('PING\r\n'));
        socket.once(
          'data',
          (d: Buffer) => (socket.destroy(), d.toString().startsWith('+PONG') ? resolve() : reject(new Error(d.toString()))),
        );
        socket.once('error', (e) => (socket.destroy(), reject(e)));
      }),
    { timeout: 10_000, interval: 100 },
  );
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const SDK = { ZOOM_SDK_KEY: 'sdk-key-outage', ZOOM_SDK_SECRET: 'sdk-secret-outage-0123456789-0123456789' };
const ME = '{ me { id } }';
const MEETINGS = '{ meetings(first: 5) { nodes { id } } }';
const USERS = '{ users(status: ACTIVE, first: 3) { nodes { id } } }';
const START = 'mutation ($id: ID!) { startMeetingToken(meetingId: $id) { zak } }';
const CREATE = 'mutation { createMeeting(input: { topic: "during the outage" }) { id } }';

interface Caller {
  name: string;
  headers: Record<string, string>;
  reads: Array<{ query: string; variables?: Record<string, unknown> }>;
}

/** Every read of every caller once; the codes of any errors, by caller and query. */
async function readAll(h: Harness, callers: Caller[]): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(
    callers.flatMap((c) =>
      c.reads.map(async (r) => {
        const res = await h.gql(r.query, r.variables ?? {}, c.headers);
        if (res.status >= 500 || res.errors || !res.data)
          failures.push(`${c.name} ${r.query.slice(0, 30)}: ${res.status} ${res.errors?.map((e) => e.extensions?.code).join(',')}`);
      }),
    ),
  );
  return failures;
}

describe('a Redis outage does not stop the reads a warmed replica can serve from memory', () => {
  it('serves them while Redis is down, fails fast only what needs the store, refuses writes, answers /readyz 503 at once, and recovers by itself', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const fake: FakeZoom = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = {
      ...USER_OAUTH_ENV,
      ...SDK,
      CACHE_URL: `redis://127.0.0.1:${port}`,
      CACHE_NAMESPACE: uniqueNamespace('warm-outage'),
      ZOOM_CACHE_TTL_SECONDS: '60',
      ZOOM_RATE_LIMIT_PLAN: 'pro',
    };
    const a = track(await startHarness({ fake, env }));
    const b = track(await startHarness({ fake, env }));

    // A user-role caller with its own grant; one whose Zoom user has none (served by the account
    // token); one whose credential names no Zoom user, linked by its install; an admin.
    const [granted, plain, linked, stranger] = [member(fake, 0), member(fake, 1), member(fake, 2), member(fake, 3)];
    const asGranted = await bearer(fake, { sub: 'granted', zoom_user_id: granted.id, roles: ['user'] });
    fake.knobs.setAuthorizingUser(granted.id);
    expect((await installViaBrowser(a, asGranted)).status).toBe(200);
    const asLinked = await bearer(fake, { sub: 'linked-caller', roles: ['user'] });
    fake.knobs.setAuthorizingUser(linked.id);
    expect((await installViaBrowser(a, asLinked)).status).toBe(200);
    // A grant made on the other replica, that this one never looks up before the outage.
    const asStranger = await bearer(fake, { sub: 'stranger', zoom_user_id: stranger.id, roles: ['user'] });
    fake.knobs.setAuthorizingUser(stranger.id);
    expect((await installViaBrowser(b, asStranger)).status).toBe(200);
    const asPlain = await bearer(fake, { sub: 'plain', zoom_user_id: plain.id, roles: ['user'] });
    const asAdmin = await bearer(fake, { sub: 'ops', roles: ['admin'] });
    const ownerMeeting = fake.state.seedMeetings(fake.state.users.find((u) => u.role_id === '0')!.id, 1)[0]!;
    const grantedMeeting = fake.state.seedMeetings(granted.id, 1)[0]!;

    const callers: Caller[] = [
      {
        name: 'admin',
        headers: asAdmin,
        reads: [{ query: ME }, { query: MEETINGS }, { query: USERS }, { query: START, variables: { id: String(ownerMeeting.id) } }],
      },
      {
        name: 'granted',
        headers: asGranted,
        reads: [{ query: ME }, { query: MEETINGS }, { query: START, variables: { id: String(grantedMeeting.id) } }],
      },
      { name: 'plain', headers: asPlain, reads: [{ query: ME }, { query: MEETINGS }] },
      { name: 'linked', headers: asLinked, reads: [{ query: ME }, { query: MEETINGS }] },
    ];
    // Warm: every caller's reads once.
    expect(await readAll(a, callers)).toEqual([]);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);

    // Load through the whole outage: nothing may answer 5xx, and the warmed reads never fail.
    let loading = true;
    const failures: string[] = [];
    let rounds = 0;
    const load = (async () => {
      while (loading) {
        failures.push(...(await readAll(a, callers)));
        rounds++;
      }
    })();

    await sleep(200);
    await stopRedis(redis);
    const downAt = rounds;
    // Readiness: 503 once the outage is noticed; that it then answers without waiting for the
    // store is shown without a clock in test/unit/readiness.test.ts.
    await vi.waitFor(async () => expect((await fetch(`${a.url}/readyz`)).status).toBe(503), { timeout: 10_000, interval: 100 });
    expect((await fetch(`${a.url}/readyz`)).status).toBe(503);
    await vi.waitFor(() => expect(rounds).toBeGreaterThan(downAt + 5), { timeout: 20_000, interval: 50 });

    // What needs the store fails at once: a user token this replica never held.
    const strangerMe = await a.gql(ME, {}, asStranger);
    expect(strangerMe.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
    // Writes choose the safe side: refused before Zoom sees them.
    fake.resetCounters();
    const write = await a.gql(CREATE, {}, asAdmin);
    expect(write.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
    expect(fake.hits('meetings.create')).toBe(0);

    // Redis back, with its data: the replica notices by itself.
    redis = await startRedis(port);
    await vi.waitFor(async () => expect((await fetch(`${a.url}/readyz`)).status).toBe(200), { timeout: 15_000, interval: 100 });
    const upAt = rounds;
    await vi.waitFor(() => expect(rounds).toBeGreaterThan(upAt + 3), { timeout: 20_000, interval: 50 });
    loading = false;
    await load;

    expect(failures).toEqual([]);
    expect((await a.gql(ME, {}, asStranger)).errors).toBeUndefined();
    const after = await a.gql<{ createMeeting: { id: string } }>(CREATE, {}, asAdmin);
    expect(after.errors).toBeUndefined();
    expect(a.logs.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
    expect(a.logs.some((l) => l.includes('shared store unreachable'))).toBe(true);
    expect(a.logs.some((l) => l.includes('shared store answers again'))).toBe(true);
  }, 90_000);
});
