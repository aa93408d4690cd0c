import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { JWT_SECRET, bearer } from '../helpers/userOAuth.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';

const AUTH = { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET };

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let asAlice: Record<string, string>;
let asBob: Record<string, string>;
let asAdmin: Record<string, string>;

const weekly = (harness: Harness, host: ZoomUser): ZoomMeeting =>
  harness.fake.state.addMeeting(
    host.id,
    {},
    {
      topic: 'Weekly',
      type: 8,
      start: { wallMs: Date.UTC(2030, 0, 7, 9), isUtc: true },
      duration: 30,
      recurrence: { type: 2, repeat_interval: 1, weekly_days: '2,4', end_times: 3 },
    },
  );

const RECURRING = `recurrence { type repeatInterval weeklyDays endTimes } occurrences { occurrenceId startTime duration status }`;
const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
type Occ = { occurrenceId: string; startTime: string; duration: number; status: string };
type WithRecurrence = {
  recurrence: { type: string; repeatInterval: number; weeklyDays: number[]; endTimes: number } | null;
  occurrences: Occ[] | null;
};

beforeAll(async () => {
  h = await startHarness({ env: AUTH });
  [alice, bob] = h.fake.state.users.filter((u) => u.status === 'active' && u.role_id === '2') as [ZoomUser, ZoomUser];
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
  asBob = await bearer(h.fake, { sub: 'bob-app', zoom_user_id: bob.id, roles: ['user'] });
  asAdmin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

describe('recurring meetings', () => {
  it('createMeeting takes a recurrence and answers it with the occurrences, without another GET', async () => {
    const r = await h.gql<{ createMeeting: WithRecurrence }>(
      `mutation { createMeeting(input: { topic: "Daily", type: RECURRING_FIXED_TIME, startTime: "2030-03-01T08:00:00Z", duration: 15,
        recurrence: { type: DAILY, repeatInterval: 2, endTimes: 2 } }) { ${RECURRING} } }`,
      {},
      asAlice,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createMeeting.recurrence).toEqual({ type: 'DAILY', repeatInterval: 2, weeklyDays: null, endTimes: 2 });
    expect(r.data!.createMeeting.occurrences!.map((o) => o.startTime)).toEqual(['2030-03-01T08:00:00.000Z', '2030-03-03T08:00:00.000Z']);
    expect(h.fake.hits('meetings.get')).toBe(0);
  });

  it('on a list, one GET per recurring meeting serves recurrence and occurrences; other types cost none', async () => {
    const c = track(await startHarness({ env: AUTH }));
    const host = c.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    c.fake.state.seedMeetings(host.id, 2);
    const rec = weekly(c, host);
    const as = await bearer(c.fake, { sub: 'h', zoom_user_id: host.id, roles: ['user'] });
    c.fake.resetCounters();
    const r = await c.gql<{
      meetings: { nodes: Array<{ id: string; type: string } & WithRecurrence> };
      again: { nodes: WithRecurrence[] };
    }>(`{ meetings { nodes { id type ${RECURRING} } } again: meetings { nodes { recurrence { type } } } }`, {}, as);
    expect(r.errors).toBeUndefined();
    const row = r.data!.meetings.nodes.find((n) => n.id === String(rec.id))!;
    expect(row.recurrence).toEqual({ type: 'WEEKLY', repeatInterval: 1, weeklyDays: [2, 4], endTimes: 3 });
    expect(row.occurrences).toHaveLength(3);
    expect(r.data!.meetings.nodes.filter((n) => n.type === 'SCHEDULED').every((n) => n.recurrence === null && n.occurrences === null)).toBe(
      true,
    );
    expect(c.fake.hits('meetings.get')).toBe(1);
  });

  it('updateMeeting with occurrenceId moves one occurrence; deleteMeeting with it deletes one', async () => {
    const m = weekly(h, alice);
    const [first, second] = m.occurrences!;
    const r = await h.gql<{ updateMeeting: { occurrences: Occ[] } }>(
      `mutation ($id: ID!, $occ: ID) { updateMeeting(id: $id, occurrenceId: $occ, input: { startTime: "2030-01-10T11:00:00Z", duration: 50 }) { occurrences { occurrenceId startTime duration status } } }`,
      { id: String(m.id), occ: second!.occurrence_id },
      asAlice,
    );
    expect(r.errors).toBeUndefined();
    expect(h.fake.requests.find((x) => x.route === 'meetings.update')?.query).toEqual({ occurrence_id: second!.occurrence_id });
    expect(r.data!.updateMeeting.occurrences.find((o) => o.occurrenceId === second!.occurrence_id)).toMatchObject({
      startTime: '2030-01-10T11:00:00.000Z',
      duration: 50,
    });
    const d = await h.gql(
      `mutation ($id: ID!, $occ: ID) { deleteMeeting(id: $id, occurrenceId: $occ) }`,
      { id: String(m.id), occ: first!.occurrence_id },
      asAlice,
    );
    expect(d.errors).toBeUndefined();
    const after = await h.gql<{ meeting: WithRecurrence }>(
      `query ($id: ID!) { meeting(id: $id) { ${RECURRING} } }`,
      { id: String(m.id) },
      asAlice,
    );
    expect(after.data!.meeting.occurrences!.map((o) => o.status)).toEqual(['DELETED', 'AVAILABLE', 'AVAILABLE']);
  });

  it.each([
    ['a malformed occurrenceId', '{ agenda: "x" }', 'abc', 'occurrenceId'],
    ['a field Zoom does not change per occurrence', '{ topic: "x" }', '1893920400000', 'input.topic'],
  ])('%s is BAD_USER_INPUT before any Zoom call', async (_, input, occ, argument) => {
    const m = weekly(h, alice);
    h.fake.resetCounters();
    const r = await h.gql(
      `mutation ($id: ID!, $occ: ID) { updateMeeting(id: $id, occurrenceId: $occ, input: ${input}) { id } }`,
      { id: String(m.id), occ },
      asAlice,
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(h.fake.hits()).toBe(0);
  });

  it('an occurrence the meeting does not have: Zoom’s 3000 comes back', async () => {
    const m = weekly(h, alice);
    const r = await h.gql(`mutation ($id: ID!) { deleteMeeting(id: $id, occurrenceId: "1") }`, { id: String(m.id) }, asAlice);
    expect(code(r)).toBe('ZOOM_API_ERROR');
    expect(r.errors?.[0]?.extensions?.zoomCode).toBe(3000);
    expect(h.fake.state.findMeeting(m.id)).toBeDefined();
  });

  it("another user's occurrence: FORBIDDEN, nothing changes", async () => {
    const m = weekly(h, alice);
    const r = await h.gql(
      `mutation ($id: ID!, $occ: ID) { deleteMeeting(id: $id, occurrenceId: $occ) }`,
      { id: String(m.id), occ: m.occurrences![0]!.occurrence_id },
      asBob,
    );
    expect(code(r)).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.delete')).toBe(0);
  });
});

describe('Meeting.invitation', () => {
  it('the host and admins read it; identical asks in one query are one call', async () => {
    const m = weekly(h, alice);
    const r = await h.gql<{ meeting: { invitation: string; again: string } }>(
      `query ($id: ID!) { meeting(id: $id) { invitation again: invitation } }`,
      { id: String(m.id) },
      asAlice,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.meeting.invitation).toContain(m.join_url);
    expect(r.data!.meeting.again).toBe(r.data!.meeting.invitation);
    expect(h.fake.hits('meetings.invitation')).toBe(1);
    const admin = await h.gql<{ meeting: { invitation: string } }>(
      `query ($id: ID!) { meeting(id: $id) { invitation } }`,
      { id: String(m.id) },
      asAdmin,
    );
    expect(admin.data!.meeting.invitation).toContain('Join Zoom Meeting');
  });

  it("another user's meeting: FORBIDDEN, the invitation is never fetched", async () => {
    const m = weekly(h, alice);
    const r = await h.gql(`query ($id: ID!) { meeting(id: $id) { invitation } }`, { id: String(m.id) }, asBob);
    expect(code(r)).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.invitation')).toBe(0);
  });
});

describe('endMeeting', () => {
  const END = `mutation ($id: ID!) { endMeeting(id: $id) }`;

  it('the host ends its live meeting', async () => {
    const m = weekly(h, alice);
    m.status = 'started';
    const r = await h.gql<{ endMeeting: boolean }>(END, { id: String(m.id) }, asAlice);
    expect(r.data?.endMeeting).toBe(true);
    expect(m.status).toBe('waiting');
    expect(h.fake.requests.filter((x) => x.route === 'meetings.status')).toHaveLength(1);
  });

  it('a non-host is refused and Zoom is never asked to end it', async () => {
    const m = weekly(h, alice);
    m.status = 'started';
    const r = await h.gql(END, { id: String(m.id) }, asBob);
    expect(code(r)).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.status')).toBe(0);
    expect(m.status).toBe('started');
  });

  it('an admin ends any meeting with one call', async () => {
    const m = weekly(h, bob);
    m.status = 'started';
    expect((await h.gql<{ endMeeting: boolean }>(END, { id: String(m.id) }, asAdmin)).data?.endMeeting).toBe(true);
    expect(h.fake.hits()).toBe(1);
  });

  it('a cached meeting and its invitation are read afresh after endMeeting and an occurrence change', async () => {
    const c = track(await startHarness({ env: { ...AUTH, ZOOM_CACHE_TTL_SECONDS: '60' } }));
    const host = c.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    const m = weekly(c, host);
    m.status = 'started';
    const admin = await bearer(c.fake, { sub: 'ops', roles: ['admin'] });
    const read = async () =>
      (
        await c.gql<{ meeting: { status: string; invitation: string; occurrences: Occ[] } }>(
          `query ($id: ID!) { meeting(id: $id) { status invitation occurrences { occurrenceId status } } }`,
          { id: String(m.id) },
          admin,
        )
      ).data!.meeting;
    expect((await read()).status).toBe('STARTED');
    expect((await read()).status).toBe('STARTED');
    expect([c.fake.hits('meetings.get'), c.fake.hits('meetings.invitation')]).toEqual([1, 1]);
    await c.gql(END, { id: String(m.id) }, admin);
    expect((await read()).status).toBe('WAITING');
    await c.gql(
      `mutation ($id: ID!, $occ: ID) { deleteMeeting(id: $id, occurrenceId: $occ) }`,
      { id: String(m.id), occ: m.occurrences![0]!.occurrence_id },
      admin,
    );
    expect((await read()).occurrences[0]!.status).toBe('DELETED');
    expect([c.fake.hits('meetings.get'), c.fake.hits('meetings.invitation')]).toEqual([3, 3]);
  });

  it.each([
    ['a UUID', 'aDYlohsHRtCd4ii1uC2+hA==', 'BAD_USER_INPUT'],
    ['a path', '1234567890/status', 'BAD_USER_INPUT'],
    ['no such meeting', '12345678901', 'NOT_FOUND'],
  ])('%s: %s', async (_, id, expected) => {
    const r = await h.gql(END, { id }, asAlice);
    expect(code(r)).toBe(expected);
    expect(h.fake.hits('meetings.status')).toBe(0);
  });
});

const { track } = stopAfterEach();
