import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PastInstance, ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { print } from 'graphql';
import { JWT_SECRET, bearer } from '../helpers/userOAuth.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { MyRecordingsDocument, PastMeetingsDocument } from '../operations/generated/graphql.js';

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let aliceMeeting: ZoomMeeting;
let bobMeeting: ZoomMeeting;
let aliceHeld: PastInstance;
let asAlice: Record<string, string>;
let asAdmin: Record<string, string>;

const day = (offsetDays: number) => new Date(h.fake.clock.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const codes = (errors: Errors | undefined) => (errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  h = await startHarness({ env: { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, ZOOM_CACHE_TTL_SECONDS: '0' } });
  [alice, bob] = h.fake.state.users.filter((u) => u.status === 'active' && u.role_id === '2') as [ZoomUser, ZoomUser];
  aliceMeeting = h.fake.state.seedMeetings(alice.id, 1)[0]!;
  bobMeeting = h.fake.state.seedMeetings(bob.id, 1)[0]!;
  // Held the way a person would, through the fake's control route.
  const res = await fetch(`${h.fake.url}/__fake/past-meetings`, {
    method: 'POST',
    body: JSON.stringify({
      meeting: aliceMeeting.id,
      uuid: '/aliceHeldItOnce0000==',
      participants: [bob.email, { name: 'Visitor' }, 3],
      recording: true,
    }),
  });
  expect(res.status).toBe(400); // participants mixes a count into a list
  aliceHeld = h.fake.state.addPastInstance(aliceMeeting.id, {
    uuid: '/aliceHeldItOnce0000==',
    participants: [bob.email, { name: 'Visitor' }],
    recording: true,
  });
  h.fake.state.addPastInstance(bobMeeting.id, { participants: [alice.email], recording: true });
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
  asAdmin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

const PAST = `query ($id: ID!, $first: Int, $after: String) {
  meeting(id: $id) {
    pastInstances { uuid meetingId startTime participants(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name email userId joinTime leaveTime durationSeconds } } }
    recordings { meetingId uuid shareUrl totalSizeBytes files { id fileType fileExtension recordingType sizeBytes playUrl downloadUrl startedAt endedAt status } }
  }
}`;

interface PastData {
  meeting: {
    pastInstances: Array<{
      uuid: string;
      meetingId: string;
      participants: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: Array<{ id: string | null; name: string; email: string | null }>;
      };
    }>;
    recordings: {
      uuid: string;
      totalSizeBytes: number;
      files: Array<{ fileType: string; sizeBytes: number | null; playUrl: string | null; downloadUrl: string }>;
    } | null;
  } | null;
}

describe('after the meeting: past instances, participants and recordings', () => {
  it('the host reads its instances, pages participants (UUID double-encoded) and its recording', async () => {
    const r = await h.gql<PastData>(PAST, { id: String(aliceMeeting.id), first: 2 }, asAlice);
    expect(r.errors).toBeUndefined();
    const [held] = r.data!.meeting!.pastInstances;
    expect(held).toMatchObject({ uuid: aliceHeld.uuid, meetingId: String(aliceMeeting.id) });
    expect(held!.participants.totalCount).toBe(3);
    expect(held!.participants.nodes.map((n) => n.name)).toEqual([alice.display_name, bob.display_name]);
    expect(held!.participants.nodes[0]).toMatchObject({ id: alice.id, email: alice.email });
    // NOTE: a UUID that begins with "/" travels double-encoded, or Zoom would drop the slash.
    expect(h.fake.requests.find((q) => q.route === 'past.participants')?.path).toBe(
      `/v2/past_meetings/${encodeURIComponent(encodeURIComponent(aliceHeld.uuid))}/participants`,
    );
    const next = await h.gql<PastData>(
      PAST,
      { id: String(aliceMeeting.id), first: 2, after: held!.participants.pageInfo.endCursor },
      asAlice,
    );
    expect(next.data!.meeting!.pastInstances[0]!.participants.nodes).toEqual([
      expect.objectContaining({ id: null, name: 'Visitor', email: null }),
    ]);

    const rec = r.data!.meeting!.recordings!;
    expect(rec.uuid).toBe(aliceHeld.uuid);
    expect(rec.files.map((f) => f.fileType)).toEqual(['MP4', 'M4A', 'CHAT', 'CC']);
    expect(rec.totalSizeBytes).toBe(rec.files.reduce((n, f) => n + (f.sizeBytes ?? 0), 0));
    expect(rec.files[3]).toMatchObject({ playUrl: null, sizeBytes: null });
    // Zoom's URL, untouched: no token of the gateway's in it.
    expect(rec.files.map((f) => f.downloadUrl)).toEqual(aliceHeld.recording!.files.map((f) => f.download_url));
    const tokens = h.fake.requests.map((q) => q.accessToken).filter(Boolean);
    for (const f of rec.files) {
      expect(f.downloadUrl).not.toContain('access_token');
      for (const t of tokens) expect(f.downloadUrl).not.toContain(t);
    }
  });

  it('a meeting never held has no instances and no recording', async () => {
    const r = await h.gql<PastData>(PAST, { id: String(bobMeeting.id) }, asAdmin);
    expect(r.errors).toBeUndefined();
    expect(r.data!.meeting!.pastInstances).toHaveLength(1);
    const never = h.fake.state.seedMeetings(bob.id, 1)[0]!;
    const empty = await h.gql<PastData>(PAST, { id: String(never.id) }, asAdmin);
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.meeting).toMatchObject({ pastInstances: [], recordings: null });
  });

  it('one query asking for the same instance, page or recording many times makes one Zoom call for each', async () => {
    const q = `{
      a: meetings(userId: "${bob.id}", first: 30) { nodes { id pastInstances { uuid participants(first: 5) { totalCount } } recordings { uuid } } }
      b: meetings(userId: "${bob.id}", type: UPCOMING, first: 30) { nodes { id x: pastInstances(first: 1) { participants(first: 5) { nodes { name } } } recordings { shareUrl } } }
    }`;
    const r = await h.gql<{ a: { nodes: unknown[] } }>(q, {}, asAdmin);
    expect(r.errors).toBeUndefined();
    const meetings = r.data!.a.nodes.length;
    expect(meetings).toBeGreaterThanOrEqual(2);
    expect(h.fake.hits('past.instances')).toBe(meetings);
    expect(h.fake.hits('recordings.get')).toBe(meetings);
    expect(h.fake.hits('past.participants')).toBe(1); // bob's one held instance
  });

  it('user recordings: its own, within one month; a user-role caller reads no one else’s', async () => {
    const q = `query ($from: LocalDate, $to: LocalDate) { me { id recordings(from: $from, to: $to) { totalCount nodes { meetingId uuid files { fileType downloadUrl } } } } }`;
    const own = await h.gql<{ me: { recordings: { totalCount: number; nodes: Array<{ uuid: string }> } } }>(
      q,
      { from: day(-7), to: day(0) },
      asAlice,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.me.recordings.nodes.map((n) => n.uuid)).toEqual([aliceHeld.uuid]);
    expect(h.fake.requests.find((x) => x.route === 'recordings.list')).toMatchObject({
      path: `/v2/users/${alice.id}/recordings`,
      query: { from: day(-7), to: day(0) },
    });

    h.fake.resetCounters();
    const other = await h.gql(`{ user(id: "${bob.id}") { recordings { totalCount } } }`, {}, asAlice);
    expect(codes(other.errors)).toEqual(['FORBIDDEN']);
    const theirs = await h.gql(
      `query ($id: ID!) { meeting(id: $id) { pastInstances { uuid } recordings { shareUrl } } }`,
      { id: String(bobMeeting.id) },
      asAlice,
    );
    expect(codes(theirs.errors)).toEqual(['FORBIDDEN']);
    expect(h.fake.hits('recordings.list') + h.fake.hits('past.instances') + h.fake.hits('recordings.get')).toBe(0);

    const admin = await h.gql<{ user: { recordings: { totalCount: number } } }>(
      `{ user(id: "${bob.id}") { recordings(from: "${day(-3)}") { totalCount } } }`,
      {},
      asAdmin,
    );
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.user.recordings.totalCount).toBe(1);
  });

  it('an instance UUID from Zoom stays one path segment, whatever it holds', async () => {
    const odd = h.fake.state.seedMeetings(h.fake.state.addUser().id, 1)[0]!;
    const hostile = h.fake.state.addPastInstance(odd.id, { uuid: '../../users/me?x=#', participants: 1 });
    const r = await h.gql<PastData>(PAST, { id: String(odd.id) }, asAdmin);
    expect(r.errors).toBeUndefined();
    expect(r.data!.meeting!.pastInstances[0]).toMatchObject({ uuid: hostile.uuid, participants: { totalCount: 2 } });
    expect(h.fake.requests.find((q) => q.route === 'past.participants')?.path).toBe(
      '/v2/past_meetings/..%2F..%2Fusers%2Fme%3Fx%3D%23/participants',
    );
  });

  it('Zoom refusing one instance (older than a year: 12702) costs only that field; the rest of the answer arrives', async () => {
    const old = h.fake.state.seedMeetings(h.fake.state.addUser().id, 1)[0]!;
    h.fake.state.addPastInstance(old.id, { startTime: new Date(h.fake.clock.now() - 400 * 86_400_000).toISOString(), recording: true });
    const r = await h.gql<PastData>(PAST, { id: String(old.id) }, asAdmin);
    expect(r.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'ZOOM_API_ERROR', zoomCode: 12702 })]);
    expect(r.data!.meeting!.pastInstances[0]!.participants).toBeNull();
    expect(r.data!.meeting!.recordings!.files).toHaveLength(4);
  });

  it('an unauthenticated caller gets UNAUTHENTICATED and Zoom sees nothing', async () => {
    const r = await h.gql(PAST, { id: String(aliceMeeting.id) });
    expect(codes(r.errors)).toEqual(['UNAUTHENTICATED']);
    expect(h.fake.hits()).toBe(0);
  });

  it.each([
    ['pastInstances(first: 0)', `{ meetings { nodes { pastInstances(first: 0) { uuid } } } }`, 'first'],
    ['participants(first: 301)', `{ meetings { nodes { pastInstances { participants(first: 301) { totalCount } } } } }`, 'first'],
    [
      'a forged participants cursor',
      `{ meetings { nodes { pastInstances { participants(after: "eyJ4Ijox.AAAAAAAAAAAAAAAAAAAAAA") { totalCount } } } } }`,
      'after',
    ],
    ['recordings from after to', `{ me { recordings(from: "2026-06-02", to: "2026-06-01") { totalCount } } }`, 'from'],
    ['recordings over a month', `{ me { recordings(from: "2026-01-01", to: "2026-03-01") { totalCount } } }`, 'to'],
    ['meetings from after to', `{ meetings(from: "2026-06-02", to: "2026-06-01") { totalCount } }`, 'from'],
    ['a role id that is not one', `{ users(roleId: "../1") { totalCount } }`, 'roleId'],
  ])('%s is BAD_USER_INPUT before any past-meeting call', async (_name, query, argument) => {
    const r = await h.gql(query, {}, asAdmin);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    for (const route of ['past.participants', 'recordings.list', 'users.list'] as const) expect(h.fake.hits(route)).toBe(0);
  });

  it('a date that is not one is refused before execution', async () => {
    const r = await h.gql(`query ($from: LocalDate) { me { recordings(from: $from) { totalCount } } }`, { from: '2026-02-30' }, asAdmin);
    expect(codes(r.errors)).toEqual(['BAD_USER_INPUT']);
    const literal = await h.gql(`{ meetings(from: "tomorrow") { totalCount } }`, {}, asAdmin);
    expect(literal.errors).toHaveLength(1);
    expect(h.fake.hits()).toBe(0);
  });

  it('nested connections multiply in the cost: 30 meetings × 300 instances × participants is refused', async () => {
    const big = await h.gql(
      `{ meetings(first: 30) { nodes { pastInstances(first: 300) { participants(first: 30) { nodes { name } } } } } }`,
      {},
      asAdmin,
    );
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'GRAPHQL_MAX_COST',
      actual: 1 + 30 * (1 + 300 * 1),
    });
    expect(h.fake.hits()).toBe(0);
    const fits = await h.gql(
      `{ meetings(first: 30) { nodes { pastInstances { participants { nodes { name } } } recordings { shareUrl } } } }`,
      {},
      asAdmin,
    );
    expect(fits.errors).toBeUndefined();
  });

  it('filters: users(roleId) and meetings(from, to) reach Zoom as role_id, from and to', async () => {
    const admins = await h.gql<{ users: { nodes: Array<{ roleId: string }> } }>(`{ users(roleId: "1") { nodes { roleId } } }`, {}, asAdmin);
    expect(admins.errors).toBeUndefined();
    expect(admins.data!.users.nodes.map((u) => u.roleId)).toEqual(['1']);
    expect(h.fake.requests.find((x) => x.route === 'users.list')?.query).toMatchObject({ role_id: '1' });
    const start = aliceMeeting.start_time!.slice(0, 10);
    const mine = await h.gql<{ meetings: { nodes: Array<{ id: string }> } }>(
      `{ meetings(from: "${start}", to: "${start}") { nodes { id } } }`,
      {},
      asAlice,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.meetings.nodes.map((m) => m.id)).toEqual([String(aliceMeeting.id)]);
    expect(h.fake.requests.find((x) => x.route === 'meetings.list')?.query).toMatchObject({ from: start, to: start });
  });

  it('the typed operations clients use (test/operations) run as generated', async () => {
    const past = await h.gql<import('../operations/generated/graphql.js').PastMeetingsQuery>(
      print(PastMeetingsDocument),
      { id: String(aliceMeeting.id), first: 1 },
      asAlice,
    );
    expect(past.errors).toBeUndefined();
    const instance = past.data!.meeting!.pastInstances![0]!;
    expect(instance.participants).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(past.data!.meeting!.recordings!.files.length).toBe(4);
    const mine = await h.gql<import('../operations/generated/graphql.js').MyRecordingsQuery>(
      print(MyRecordingsDocument),
      { from: day(-2), to: day(0) },
      asAlice,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.me!.recordings!.nodes.map((n) => n.uuid)).toEqual([aliceHeld.uuid]);
  });
});
