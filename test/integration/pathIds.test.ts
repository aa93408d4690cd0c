import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pathSegment } from '../../src/zoom/pathSegment.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET } from '../helpers/userOAuth.js';

const USER = `query ($id: ID!) { user(id: $id) { id } }`;
const MEETINGS = `query ($userId: ID) { meetings(userId: $userId, first: 1) { totalCount } }`;
const CREATE = `mutation ($userId: ID) { createMeeting(userId: $userId, input: { topic: "x" }) { id } }`;
const INVALIDATE_ZAK = `mutation ($userId: ID!) { invalidateZak(userId: $userId) }`;
const MEETING = `query ($id: ID!) { meeting(id: $id) { id } }`;
const DELETE = `mutation ($id: ID!) { deleteMeeting(id: $id) }`;
const START = `mutation ($id: ID!) { startMeetingToken(meetingId: $id) { zak } }`;

let h: Harness;
beforeAll(async () => {
  // Callers are admins (GATEWAY_AUTH=none), so only the id itself stands between them and Zoom.
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

/** Zoom calls the fake saw since the last reset: route and raw (still encoded) path. */
const zoomCalls = () =>
  h.fake.requests.filter((r) => r.route !== 'admin' && r.route !== 'oauth.token').map((r) => ({ route: r.route, path: r.path }));

const BAD_USER_IDS: string[] = [
  '..',
  '.',
  '../users',
  'me/../..',
  '..%2F',
  '%2e%2e',
  '%2E',
  '.%2e',
  'me?status=inactive',
  'me#x',
  'a/b',
  'a\\..\\b',
  'me%00',
  ' me',
  'me\n',
  '',
  'x'.repeat(65),
  `${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
  'no-at-sign.example.com',
  'a@localhost',
  '\uD800@example.com',
];

describe('ids that could name another Zoom route are refused before any Zoom call', () => {
  it.each(BAD_USER_IDS)('user(id: %j) → BAD_USER_INPUT', async (id) => {
    const r = await h.gql(USER, { id });
    expect(r.status).toBe(200);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(h.fake.hits()).toBe(0);
  });

  it.each(BAD_USER_IDS)('meetings(userId: %j) → BAD_USER_INPUT', async (userId) => {
    const r = await h.gql(MEETINGS, { userId });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'userId' });
    expect(h.fake.hits()).toBe(0);
  });

  it.each([
    ['createMeeting', CREATE],
    ['invalidateZak', INVALIDATE_ZAK],
  ])('%s(userId: "..") → BAD_USER_INPUT', async (_name, query) => {
    for (const userId of ['..', '.', '../users', 'me?x', '%2e%2e']) {
      const r = await h.gql(query, { userId });
      expect(r.errors?.[0]?.extensions, userId).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'userId' });
    }
    expect(h.fake.hits()).toBe(0);
  });

  it.each([
    ['meeting', MEETING],
    ['deleteMeeting', DELETE],
    ['startMeetingToken', START],
  ])('%s with a meeting id that is a path, a query or a dot segment → BAD_USER_INPUT', async (_name, query) => {
    for (const id of [
      '1/../../users',
      '85746065432/..',
      '..',
      '.',
      '%2e%2e',
      '85746065432?x=1',
      '85746065432#x',
      'abcdefghijklmnop/../..',
      '8'.repeat(65),
    ]) {
      const r = await h.gql(query, { id });
      expect(r.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
    expect(h.fake.hits()).toBe(0);
  });
});

describe('valid ids reach exactly the route they name', () => {
  it('an email with "/", "?", "#", "%" and dots is one encoded segment of GET /users/{id} and /users/{id}/meetings', async () => {
    const email = "o'neil/../x?y=1#z%2e.q@example.com";
    const user = await h.gql<{ user: null }>(USER, { id: email });
    expect(user.errors).toBeUndefined();
    expect(user.data?.user).toBeNull();
    const meetings = await h.gql(MEETINGS, { userId: email });
    expect(meetings.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const segment = 'o%27neil%2F..%2Fx%3Fy%3D1%23z%252e.q%40example.com';
    expect(zoomCalls()).toEqual([
      { route: 'users.get', path: `/v2/users/${segment}` },
      { route: 'meetings.list', path: `/v2/users/${segment}/meetings` },
    ]);
  });

  it('a real user by email and by id, and the owner by "me"', async () => {
    const member = h.fake.state.users.find((u) => u.status === 'active' && u.id && u.email.includes('.'))!;
    for (const id of [member.email, member.id, 'me']) {
      const r = await h.gql<{ user: { id: string } }>(USER, { id });
      expect(r.data?.user.id, id).toBe(id === 'me' ? h.fake.state.owner.id : member.id);
    }
    expect(zoomCalls().map((c) => c.path)).toEqual([
      `/v2/users/${encodeURIComponent(member.email)}`,
      `/v2/users/${member.id}`,
      '/v2/users/me',
    ]);
  });

  it('meeting UUIDs with "/" and "+" are one segment; those starting with "/" or holding "//" are encoded twice (docs/zoom.md#meetings)', async () => {
    for (const id of [
      'aDYlohsHRtCd4ii1uC2+hA==',
      'ab/cdefghijklmnopqrstu==',
      '/ajXp112QmuoKj4854875==',
      'ab//defghijklmnopqrstu==',
      '////////////////',
    ]) {
      const r = await h.gql<{ meeting: null }>(MEETING, { id });
      expect(r.errors, id).toBeUndefined();
      expect(r.data?.meeting, id).toBeNull();
    }
    expect(zoomCalls()).toEqual([
      { route: 'meetings.get', path: '/v2/meetings/aDYlohsHRtCd4ii1uC2%2BhA%3D%3D' },
      { route: 'meetings.get', path: '/v2/meetings/ab%2Fcdefghijklmnopqrstu%3D%3D' },
      { route: 'meetings.get', path: '/v2/meetings/%252FajXp112QmuoKj4854875%253D%253D' },
      { route: 'meetings.get', path: '/v2/meetings/ab%252F%252Fdefghijklmnopqrstu%253D%253D' },
      { route: 'meetings.get', path: `/v2/meetings/${'%252F'.repeat(16)}` },
    ]);
  });
});

describe('the path builder encodes every segment whatever the resolvers let through', () => {
  it('a JWT whose zoom_user_id is ".." (never checked as a GraphQL argument) is refused when the caller is authenticated, with no Zoom call', async () => {
    const jwt = await startHarness({
      env: { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, GATEWAY_JWT_ISSUER: JWT_ISSUER, GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE },
    });
    try {
      for (const zoomUserId of ['..', '.']) {
        const headers = await bearer(jwt.fake, { sub: 'caller', zoom_user_id: zoomUserId });
        const me = await jwt.gql(`{ me { id } }`, undefined, headers);
        expect(me.errors?.[0]?.extensions?.code, zoomUserId).toBe('UNAUTHENTICATED');
        const list = await jwt.gql(`{ meetings { totalCount } }`, undefined, headers);
        expect(list.errors?.[0]?.extensions?.code, zoomUserId).toBe('UNAUTHENTICATED');
      }
      expect(jwt.fake.requests.filter((r) => r.route !== 'oauth.token' && r.route !== 'admin')).toEqual([]);
    } finally {
      await jwt.stop();
    }
  });

  it.each(['..', '.', '', '\uD800'])('pathSegment(%j) is refused: no encoding keeps a dot segment from being resolved', (value) => {
    expect(() => pathSegment(value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('any other value stays one segment of the path the URL parser produces', () => {
    const base = 'https://api.zoom.us/v2/users/';
    const values = [
      '...',
      '%2e%2e',
      '.%2E',
      '..\\..',
      'a/../../b',
      '?x=1',
      '#frag',
      '%',
      '%%2f',
      ' ',
      '\u0000',
      'é',
      '😀',
      "!'()*",
      '@+',
      '..;',
      '.. ',
    ];
    for (const value of values) {
      const url = new URL(`${base}${pathSegment(value)}/meetings`);
      expect(url.search + url.hash, value).toBe('');
      const segments = url.pathname.split('/');
      expect(segments, value).toHaveLength(5);
      expect(decodeURIComponent(segments[3]!), value).toBe(value);
    }
  });
});
