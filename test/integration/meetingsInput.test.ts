import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

const CREATE = `mutation ($userId: ID, $input: CreateMeetingInput!) { createMeeting(userId: $userId, input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`;
const DELETE = `mutation ($id: ID!) { deleteMeeting(id: $id) }`;
const GET = `query ($id: ID!) { meeting(id: $id) { id } }`;
const LIST = `query ($userId: ID, $first: Int, $after: String) { meetings(userId: $userId, first: $first, after: $after) { totalCount } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

/** Each case: what is sent, and the `input.…` field the error must name (BAD_USER_INPUT, 0 Zoom calls). */
const BAD_CREATE: Array<[string, Record<string, unknown>, string]> = [
  ['a 201-character topic', { topic: 'x'.repeat(201) }, 'input.topic'],
  ['a 2001-character agenda', { agenda: 'a'.repeat(2001) }, 'input.agenda'],
  ['an 11-character password', { password: 'abcdefghijk' }, 'input.password'],
  ['a password with "#"', { password: 'abc#1' }, 'input.password'],
  ['a password with a space', { password: 'abc 1' }, 'input.password'],
  ['an empty password', { password: '' }, 'input.password'],
  ['type PERSONAL_MEETING_ROOM', { type: 'PERSONAL_MEETING_ROOM' }, 'input.type'],
  ['a start time with a fraction of a second', { startTime: '2030-05-01T09:30:00.250Z' }, 'input.startTime'],
  ['a duration of 0', { duration: 0 }, 'input.duration'],
  ['a negative duration', { duration: -30 }, 'input.duration'],
  ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
  ['a UTC offset as time zone', { timezone: '+02:00' }, 'input.timezone'],
  ['jbhTime 7', { settings: { jbhTime: 7 } }, 'input.settings.jbhTime'],
  ['recurrence on a SCHEDULED meeting', { type: 'SCHEDULED', recurrence: { type: 'DAILY' } }, 'input.recurrence'],
  ['RECURRING_FIXED_TIME without recurrence', { type: 'RECURRING_FIXED_TIME' }, 'input.recurrence'],
  [
    'a daily interval of 91',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'DAILY', repeatInterval: 91 } },
    'input.recurrence.repeatInterval',
  ],
  [
    'a weekly interval of 13',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'WEEKLY', repeatInterval: 13, weeklyDays: [2] } },
    'input.recurrence.repeatInterval',
  ],
  [
    'a monthly interval of 4',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'MONTHLY', repeatInterval: 4, monthlyDay: 1 } },
    'input.recurrence.repeatInterval',
  ],
  ['a weekday 8', { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'WEEKLY', weeklyDays: [2, 8] } }, 'input.recurrence.weeklyDays'],
  [
    'weeklyDays on a DAILY recurrence',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'DAILY', weeklyDays: [2] } },
    'input.recurrence.weeklyDays',
  ],
  ['monthlyDay 32', { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'MONTHLY', monthlyDay: 32 } }, 'input.recurrence.monthlyDay'],
  [
    'monthlyDay on a WEEKLY recurrence',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'WEEKLY', monthlyDay: 3 } },
    'input.recurrence.type',
  ],
  [
    'monthlyWeek without monthlyWeekDay',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'MONTHLY', monthlyWeek: 2 } },
    'input.recurrence.monthlyWeek',
  ],
  [
    'monthlyWeek 5',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'MONTHLY', monthlyWeek: 5, monthlyWeekDay: 2 } },
    'input.recurrence.monthlyWeek',
  ],
  [
    'monthlyWeekDay 0',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'MONTHLY', monthlyWeek: 1, monthlyWeekDay: 0 } },
    'input.recurrence.monthlyWeekDay',
  ],
  ['endTimes 366', { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'DAILY', endTimes: 366 } }, 'input.recurrence.endTimes'],
  [
    'endTimes with endDateTime',
    { type: 'RECURRING_FIXED_TIME', recurrence: { type: 'DAILY', endTimes: 3, endDateTime: '2030-06-01T00:00:00Z' } },
    'input.recurrence.endTimes',
  ],
];

describe('bad meeting input is refused before any Zoom call', () => {
  it.each(BAD_CREATE)('createMeeting with %s → BAD_USER_INPUT naming the field, 0 upstream calls', async (_name, input, field) => {
    const r = await h.gql(CREATE, { input });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toContain(field);
    expect(h.fake.hits()).toBe(0);
  });

  // An update to RECURRING_FIXED_TIME may keep the recurrence the meeting already has.
  const BAD_UPDATE = BAD_CREATE.filter(([name]) => name !== 'RECURRING_FIXED_TIME without recurrence');
  it.each(BAD_UPDATE)('updateMeeting with %s → BAD_USER_INPUT naming the field, 0 upstream calls', async (_name, input, field) => {
    const r = await h.gql(UPDATE, { id: '85746065432', input });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toContain(field);
    expect(h.fake.hits()).toBe(0);
  });

  it('reports every bad field at once', async () => {
    const r = await h.gql(CREATE, { input: { topic: 'x'.repeat(201), password: '###', duration: 0 } });
    expect(r.errors?.[0]?.extensions?.fields).toEqual(['input.topic', 'input.duration', 'input.password']);
    expect(h.fake.hits()).toBe(0);
  });

  it.each([
    // startTime is a DateTime: it names its offset, so Zoom cannot read it in another zone.
    ['a start time without an offset', CREATE, { input: { startTime: '2030-05-01T09:30:00' } }],
    ['a start time without seconds', CREATE, { input: { startTime: '2030-05-01T09:30Z' } }],
    ['a start time on February 30th', CREATE, { input: { startTime: '2030-02-30T09:30:00Z' } }],
    ['a start time at hour 24', UPDATE, { id: '85746065432', input: { startTime: '2030-05-01T24:00:00Z' } }],
    ['a start time as a number', CREATE, { input: { startTime: 1_900_000_000_000 } }],
    ['an empty update', UPDATE, { id: '85746065432', input: {} }],
    ['an update of only nulls', UPDATE, { id: '85746065432', input: { topic: null, settings: null } }],
    ['an unknown enum value', CREATE, { input: { type: 'WEBINAR' } }],
    ['an unknown input field', CREATE, { input: { topik: 'x' } }],
    ['a duration beyond 32 bits', CREATE, { input: { duration: 2 ** 31 } }],
    ['a string duration', CREATE, { input: { duration: '30' } }],
    ['an 8-digit meeting id', GET, { id: '12345678' }],
    ['a 12-digit meeting id', GET, { id: '123456789012' }],
    ['a meeting id with spaces inside', GET, { id: '8574 6065 432' }],
    ['a meeting id that is a path', GET, { id: '../users/me' }],
    ['a malformed id on update', UPDATE, { id: 'abc', input: { topic: 'x' } }],
    ['a malformed id on delete', DELETE, { id: '12' }],
    ['an empty userId on create', CREATE, { userId: '', input: { topic: 'x' } }],
    ['an empty userId on list', LIST, { userId: ' ' }],
    ['first 0', LIST, { first: 0 }],
    ['first 301', LIST, { first: 301 }],
    ['a forged cursor', LIST, { after: 'bm90LWEtY3Vyc29y' }],
  ])('%s → BAD_USER_INPUT, 0 upstream calls', async (_name, query, variables) => {
    const r = await h.gql(query, variables);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.fake.hits()).toBe(0);
  });

  it('a cursor of another user’s list is refused', async () => {
    const owner = h.fake.state.owner;
    h.fake.state.seedMeetings(owner.id, 3);
    const page = await h.gql<{ meetings: { pageInfo: { endCursor: string } } }>(
      `query ($userId: ID) { meetings(userId: $userId, first: 1) { pageInfo { endCursor } } }`,
      { userId: owner.id },
    );
    h.fake.resetCounters();
    const other = h.fake.state.users.find((u) => u.id !== owner.id && u.status === 'active')!;
    const r = await h.gql(LIST, { userId: other.id, after: page.data!.meetings.pageInfo.endCursor });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(h.fake.hits()).toBe(0);
  });
});
