import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { JWT_SECRET, bearer } from '../helpers/userOAuth.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { WEBHOOK_SECRET } from '../helpers/webhooks.js';

const AUTH = { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET };

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let aliceMeeting: ZoomMeeting;
let bobMeeting: ZoomMeeting;
let asAlice: Record<string, string>;
let asAdmin: Record<string, string>;

/** A meeting that takes registration, with `n` approved registrants. */
function registrationMeeting(harness: Harness, host: ZoomUser, n: number): ZoomMeeting {
  const meeting = harness.fake.state.addMeeting(host.id, {}, { topic: 'Registration', settings: { approval_type: 0 } });
  for (let i = 0; i < n; i++) {
    harness.fake.state.registrants.push({
      meeting_id: meeting.id,
      id: `reg${host.id.slice(0, 6)}${i}`.replace(/[^A-Za-z0-9]/g, 'x'),
      email: `guest${i}@example.com`,
      first_name: `Guest${i}`,
      last_name: 'G',
      status: 'approved',
      create_time: '2030-01-01T00:00:00Z',
      join_url: `${harness.fake.url}/w/${meeting.id}?tk=secret${i}`,
      occurrence_ids: [],
    });
  }
  return meeting;
}

const Q = {
  registrants: `query ($id: ID!, $first: Int, $after: String, $status: RegistrantStatus) {
    meeting(id: $id) { registrants(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } nodes { id email firstName status joinUrl createdAt } } } }`,
  add: `mutation ($id: ID!, $input: AddMeetingRegistrantInput!) { addMeetingRegistrant(meetingId: $id, input: $input) { id email firstName lastName joinUrl } }`,
  status: `mutation ($id: ID!, $action: RegistrantAction!, $ids: [ID!]!) { updateMeetingRegistrantStatus(meetingId: $id, action: $action, registrantIds: $ids) }`,
};

type Page = {
  meeting: {
    registrants: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: Array<{ id: string; email: string; status: string; joinUrl: string | null }>;
    };
  };
};
const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  h = await startHarness({ env: AUTH });
  [alice, bob] = h.fake.state.users.filter((u) => u.status === 'active' && u.role_id === '2') as [ZoomUser, ZoomUser];
  aliceMeeting = registrationMeeting(h, alice, 3);
  bobMeeting = registrationMeeting(h, bob, 2);
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, email: alice.email, roles: ['user'] });
  asAdmin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

describe('Meeting.registrants: host or admin only, paged like every connection', () => {
  it('an unauthenticated caller is refused before any Zoom call', async () => {
    expect(code(await h.gql(Q.registrants, { id: String(aliceMeeting.id) }))).toBe('UNAUTHENTICATED');
    expect(code(await h.gql(Q.add, { id: String(aliceMeeting.id), input: { email: 'x@example.com', firstName: 'X' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(h.fake.hits()).toBe(0);
  });

  it('the host pages through its own registrants, join links included', async () => {
    const first = await h.gql<Page>(Q.registrants, { id: String(aliceMeeting.id), first: 2 }, asAlice);
    expect(first.errors).toBeUndefined();
    const page = first.data!.meeting.registrants;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes.map((n) => n.email)).toEqual(['guest0@example.com', 'guest1@example.com']);
    expect(page.nodes.every((n) => n.status === 'APPROVED' && n.joinUrl?.includes('tk=secret'))).toBe(true);
    const rest = await h.gql<Page>(Q.registrants, { id: String(aliceMeeting.id), first: 2, after: page.pageInfo.endCursor }, asAlice);
    expect(rest.data!.meeting.registrants.nodes.map((n) => n.email)).toEqual(['guest2@example.com']);
    expect(rest.data!.meeting.registrants.pageInfo.hasNextPage).toBe(false);
    const pending = await h.gql<Page>(Q.registrants, { id: String(aliceMeeting.id), status: 'PENDING' }, asAlice);
    expect(pending.data!.meeting.registrants.totalCount).toBe(0);
    expect(h.fake.requests.filter((r) => r.route === 'meetings.registrants').map((r) => r.query.status)).toEqual([
      'approved',
      'approved',
      'pending',
    ]);
  });

  it("another user's meeting: FORBIDDEN, and Zoom is never asked for its registrants", async () => {
    const r = await h.gql(Q.registrants, { id: String(bobMeeting.id) }, asAlice);
    expect(code(r)).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.registrants')).toBe(0);
  });

  it('an admin reads any meeting’s registrants with their join links', async () => {
    const r = await h.gql<Page>(Q.registrants, { id: String(bobMeeting.id) }, asAdmin);
    expect(r.data!.meeting.registrants.nodes.map((n) => Boolean(n.joinUrl))).toEqual([true, true]);
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 301', { first: 301 }],
    ['a forged cursor', { after: 'not-a-cursor' }],
  ])('%s is BAD_USER_INPUT before any registrants call', async (_, args) => {
    const r = await h.gql(Q.registrants, { id: String(aliceMeeting.id), ...args }, asAlice);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(h.fake.hits('meetings.registrants')).toBe(0);
  });

  it('a cursor of one meeting’s list is refused on another’s', async () => {
    const first = await h.gql<Page>(Q.registrants, { id: String(bobMeeting.id), first: 1 }, asAdmin);
    const other = await h.gql(
      Q.registrants,
      { id: String(aliceMeeting.id), first: 1, after: first.data!.meeting.registrants.pageInfo.endCursor },
      asAdmin,
    );
    expect(code(other)).toBe('BAD_USER_INPUT');
  });

  it('a meeting that takes no registration: the error stays on registrants, the meeting still arrives', async () => {
    const plain = h.fake.state.seedMeetings(alice.id, 1)[0]!;
    const r = await h.gql<{ meeting: { topic: string; registrants: null } }>(
      `query ($id: ID!) { meeting(id: $id) { topic registrants { totalCount } } }`,
      { id: String(plain.id) },
      asAlice,
    );
    expect(r.data?.meeting).toEqual({ topic: plain.topic, registrants: null });
    expect(r.errors?.[0]?.path).toEqual(['meeting', 'registrants']);
    expect(r.errors?.[0]?.message).toContain('registration');
  });

  it('the same page asked for twice in one query (aliases) is one Zoom call', async () => {
    const r = await h.gql(
      `query ($id: ID!) { meeting(id: $id) { a: registrants(first: 5) { totalCount } b: registrants(first: 5) { nodes { email } } } }`,
      { id: String(aliceMeeting.id) },
      asAlice,
    );
    expect(r.errors).toBeUndefined();
    expect(h.fake.hits('meetings.registrants')).toBe(1);
  });
});

describe('addMeetingRegistrant', () => {
  it('the host registers anyone and sees the join link', async () => {
    const r = await h.gql<{ addMeetingRegistrant: { id: string; joinUrl: string; lastName: string } }>(
      Q.add,
      { id: String(aliceMeeting.id), input: { email: 'new@example.com', firstName: 'New', lastName: 'Person' } },
      asAlice,
    );
    expect(r.errors).toBeUndefined();
    const stored = h.fake.state.registrants.find((x) => x.email === 'new@example.com')!;
    expect(r.data!.addMeetingRegistrant).toMatchObject({ id: stored.id, joinUrl: stored.join_url, lastName: 'Person' });
  });

  it("a user registers itself for another user's meeting, without seeing the join link", async () => {
    const r = await h.gql<{ addMeetingRegistrant: { id: string; joinUrl: string | null } }>(
      Q.add,
      { id: String(bobMeeting.id), input: { email: alice.email.toUpperCase(), firstName: 'Alice' } },
      asAlice,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.addMeetingRegistrant.joinUrl).toBeNull();
    expect(
      h.fake.state.registrants.some((x) => x.meeting_id === bobMeeting.id && x.email.toLowerCase() === alice.email.toLowerCase()),
    ).toBe(true);
  });

  it("a user may not register someone else for another user's meeting", async () => {
    const r = await h.gql(Q.add, { id: String(bobMeeting.id), input: { email: 'victim@example.com', firstName: 'V' } }, asAlice);
    expect(code(r)).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.addRegistrant')).toBe(0);
  });

  it('an admin registers anyone for any meeting and sees the join link', async () => {
    const r = await h.gql<{ addMeetingRegistrant: { joinUrl: string } }>(
      Q.add,
      { id: String(bobMeeting.id), input: { email: 'a@example.com', firstName: 'A' } },
      asAdmin,
    );
    expect(r.data!.addMeetingRegistrant.joinUrl).toContain(`/w/${bobMeeting.id}`);
    // No host check for admins: the write alone.
    expect(h.fake.hits()).toBe(1);
  });

  it.each([
    ['a meeting UUID', { id: 'aDYlohsHRtCd4ii1uC2+hA==' }, 'meetingId'],
    ['a path in the id', { id: '../users/me' }, 'meetingId'],
    ['a malformed email', { input: { email: 'not-an-email', firstName: 'X' } }, 'input.email'],
    ['an email over 128 characters', { input: { email: `${'a'.repeat(64)}@${'b'.repeat(60)}.example`, firstName: 'X' } }, 'input.email'],
    ['an empty first name', { input: { email: 'x@example.com', firstName: '  ' } }, 'input.firstName'],
    ['a first name over 64 characters', { input: { email: 'x@example.com', firstName: 'x'.repeat(65) } }, 'input.firstName'],
  ])('%s is BAD_USER_INPUT before any Zoom call', async (_, vars, argument) => {
    const r = await h.gql(Q.add, { id: String(aliceMeeting.id), input: { email: 'x@example.com', firstName: 'X' }, ...vars }, asAdmin);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(h.fake.hits()).toBe(0);
  });

  it('the fourth registration of one email in a day is ZOOM_RATE_LIMITED until 00:00 UTC, at once', async () => {
    const m = registrationMeeting(h, alice, 0);
    const add = () => h.gql(Q.add, { id: String(m.id), input: { email: 'again@example.com', firstName: 'Again' } }, asAlice);
    for (let i = 0; i < 3; i++) expect((await add()).errors).toBeUndefined();
    h.fake.resetCounters();
    const over = await add();
    expect(code(over)).toBe('ZOOM_RATE_LIMITED');
    expect(over.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(1);
    // Not retried: waiting a second would not lift a daily limit.
    expect(h.fake.hits('meetings.addRegistrant')).toBe(1);
  });

  it('a meeting that takes no registration answers NOT_FOUND with Zoom’s reason', async () => {
    const plain = h.fake.state.seedMeetings(alice.id, 1)[0]!;
    const r = await h.gql(Q.add, { id: String(plain.id), input: { email: 'x@example.com', firstName: 'X' } }, asAlice);
    expect(code(r)).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toContain('Registration has not been enabled');
  });
});

describe('updateMeetingRegistrantStatus', () => {
  it('the host approves pending registrants; Zoom receives the ids', async () => {
    const manual = h.fake.state.addMeeting(alice.id, {}, { settings: { approval_type: 1 } });
    for (const email of ['p1@example.com', 'p2@example.com']) {
      await h.gql(Q.add, { id: String(manual.id), input: { email, firstName: 'P' } }, asAlice);
    }
    const ids = h.fake.state.registrants.filter((x) => x.meeting_id === manual.id).map((x) => x.id);
    expect(h.fake.state.registrants.filter((x) => x.meeting_id === manual.id).map((x) => x.status)).toEqual(['pending', 'pending']);
    const r = await h.gql<{ updateMeetingRegistrantStatus: boolean }>(Q.status, { id: String(manual.id), action: 'APPROVE', ids }, asAlice);
    expect(r.data?.updateMeetingRegistrantStatus).toBe(true);
    expect(h.fake.state.registrants.filter((x) => x.meeting_id === manual.id).map((x) => x.status)).toEqual(['approved', 'approved']);
    const put = h.fake.requests.find((x) => x.route === 'meetings.registrantStatus');
    expect(put).toBeDefined();
  });

  it("another user's meeting: FORBIDDEN, and no status change reaches Zoom", async () => {
    const target = h.fake.state.registrants.find((x) => x.meeting_id === bobMeeting.id)!;
    const r = await h.gql(Q.status, { id: String(bobMeeting.id), action: 'DENY', ids: [target.id] }, asAlice);
    expect(code(r)).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.registrantStatus')).toBe(0);
    expect(target.status).toBe('approved');
  });

  it.each([
    ['no ids', []],
    ['31 ids', Array.from({ length: 31 }, (_, i) => `id${i}`)],
    ['a repeated id', ['abc', 'abc']],
    ['a malformed id', ['a/b']],
  ])('%s is BAD_USER_INPUT before any Zoom call', async (_, ids) => {
    const r = await h.gql(Q.status, { id: String(aliceMeeting.id), action: 'CANCEL', ids }, asAdmin);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(h.fake.hits()).toBe(0);
  });

  it('an unknown registrant is NOT_FOUND', async () => {
    const r = await h.gql(Q.status, { id: String(aliceMeeting.id), action: 'APPROVE', ids: ['nobody'] }, asAdmin);
    expect(code(r)).toBe('NOT_FOUND');
  });
});

describe('registrant lists in the read cache', () => {
  const { track } = stopAfterEach();

  it('an add or a status change makes the cached list stale at once', async () => {
    const c = track(await startHarness({ env: { ...AUTH, ZOOM_CACHE_TTL_SECONDS: '60' } }));
    const host = c.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    const meeting = registrationMeeting(c, host, 1);
    const admin = await bearer(c.fake, { sub: 'ops', roles: ['admin'] });
    const list = async () =>
      (await c.gql<Page>(Q.registrants, { id: String(meeting.id) }, admin)).data!.meeting.registrants.nodes.map((n) => n.email);
    expect(await list()).toEqual(['guest0@example.com']);
    expect(await list()).toEqual(['guest0@example.com']);
    expect(c.fake.hits('meetings.registrants')).toBe(1);
    await c.gql(Q.add, { id: String(meeting.id), input: { email: 'late@example.com', firstName: 'Late' } }, admin);
    expect(await list()).toEqual(['guest0@example.com', 'late@example.com']);
    const late = c.fake.state.registrants.find((x) => x.email === 'late@example.com')!;
    await c.gql(Q.status, { id: String(meeting.id), action: 'CANCEL', ids: [late.id] }, admin);
    expect(await list()).toEqual(['guest0@example.com']);
    expect(c.fake.hits('meetings.registrants')).toBe(3);
  });
  it('a registration made on Zoom’s registration page reaches the cached list through meeting.registration_created', async () => {
    const c = track(await startHarness({ env: { ...AUTH, ZOOM_CACHE_TTL_SECONDS: '60', ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    expect((await c.fake.webhooks.subscribe('sandbox-s2s-client', `${c.url}/zoom/webhooks`, WEBHOOK_SECRET)).validated).toBe(true);
    const host = c.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    const meeting = registrationMeeting(c, host, 1);
    const admin = await bearer(c.fake, { sub: 'ops', roles: ['admin'] });
    const total = async () => (await c.gql<Page>(Q.registrants, { id: String(meeting.id) }, admin)).data!.meeting.registrants.totalCount;
    expect(await total()).toBe(1);
    c.fake.portal.register(meeting.id, { email: 'page@example.com', first_name: 'Page' });
    await c.fake.webhooks.idle();
    expect(c.fake.webhooks.deliveries.map((d) => d.event)).toContain('meeting.registration_created');
    await vi.waitFor(async () => expect(await total()).toBe(2), { timeout: 10_000 });
  });
});
