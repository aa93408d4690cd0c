import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { metric, untilMetric } from '../helpers/metrics.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';

const CALLER_JWT = {
  GATEWAY_AUTH: 'jwt',
  GATEWAY_JWT_SECRET: JWT_SECRET,
  GATEWAY_JWT_ISSUER: JWT_ISSUER,
  GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE,
};

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on User { id email meetings(first: 5) { nodes { topic } } }
    ... on Meeting { id topic hostId }
  }
}`;

type Entity = {
  __typename: string;
  id: string;
  email?: string;
  topic?: string | null;
  meetings?: { nodes: Array<{ topic: string | null }> };
};

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let aliceMeeting: ZoomMeeting;
let bobMeeting: ZoomMeeting;
let asAdmin: Record<string, string>;
let asAlice: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ env: { ...CALLER_JWT, GRAPHQL_FEDERATION: 'true', GRAPHQL_MAX_COST: '60' } });
  alice = member(h.fake, 0);
  bob = member(h.fake, 1);
  aliceMeeting = h.fake.state.addMeeting(alice.id, { topic: 'alice standup' });
  bobMeeting = h.fake.state.addMeeting(bob.id, { topic: 'bob retro' });
  asAdmin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

const userRef = (u: ZoomUser) => ({ __typename: 'User', id: u.id });
const meetingRef = (m: ZoomMeeting) => ({ __typename: 'Meeting', id: String(m.id) });

describe('GRAPHQL_FEDERATION=true: an Apollo Federation 2 subgraph', () => {
  it('_service { sdl } is schema/subgraph.graphql: Federation 2, User and Meeting keyed by id', async () => {
    const r = await h.gql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, asAdmin);
    expect(r.errors).toBeUndefined();
    const sdl = r.data!._service.sdl;
    const file = readFileSync(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
    expect(file.endsWith(`${sdl}\n`)).toBe(true);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Meeting\s+@key\(fields: "id"\)/);
    expect(h.fake.hits()).toBe(0);
  });

  it('_service and _entities need an authenticated caller like every other field', async () => {
    const r = await h.gql('{ _service { sdl } }');
    expect(r.status).toBe(401);
    const e = await h.gql(ENTITIES, { representations: [userRef(alice)] });
    expect(e.status).toBe(401);
    expect(h.fake.hits()).toBe(0);
  });

  it('references resolve through the per-request loaders: one Zoom call per distinct entity', async () => {
    const representations = [
      userRef(alice),
      userRef(bob),
      userRef(alice),
      { __typename: 'User', id: alice.id.toLowerCase() },
      meetingRef(aliceMeeting),
      meetingRef(bobMeeting),
      meetingRef(aliceMeeting),
    ];
    const r = await h.gql<{ _entities: Entity[] }>(ENTITIES, { representations }, asAdmin);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const [a, b, a2, a3, m1, m2, m3] = r.data!._entities;
    expect(a).toMatchObject({ __typename: 'User', id: alice.id, email: alice.email, meetings: { nodes: [{ topic: 'alice standup' }] } });
    expect(b).toMatchObject({ __typename: 'User', id: bob.id, email: bob.email, meetings: { nodes: [{ topic: 'bob retro' }] } });
    expect(a2).toEqual(a);
    expect(a3).toEqual(a);
    expect(m1).toEqual({ __typename: 'Meeting', id: String(aliceMeeting.id), topic: 'alice standup', hostId: alice.id });
    expect(m2).toMatchObject({ id: String(bobMeeting.id), topic: 'bob retro' });
    expect(m3).toEqual(m1);
    expect(h.fake.hits('users.get')).toBe(2);
    expect(h.fake.hits('meetings.get')).toBe(2);
    // Identical reads in flight are shared: each distinct user's meetings are listed once.
    expect(h.fake.hits('meetings.list')).toBe(2);
  });

  it('the compiled executor runs _entities too: the same operation asked again and again stays one call per entity', async () => {
    for (let i = 0; i < 3; i++) {
      h.fake.resetCounters();
      const r = await h.gql<{ _entities: Entity[] }>(
        ENTITIES,
        { representations: [userRef(bob), meetingRef(bobMeeting), userRef(bob)] },
        asAdmin,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect(r.data!._entities.map((e) => e.id)).toEqual([bob.id, String(bobMeeting.id), bob.id]);
      expect(h.fake.hits('users.get')).toBe(1);
      expect(h.fake.hits('meetings.get')).toBe(1);
    }
  });

  it('a user-role caller gets its own entities and FORBIDDEN at the path of anyone else’s', async () => {
    const representations = [userRef(alice), userRef(bob), meetingRef(aliceMeeting), meetingRef(bobMeeting)];
    const r = await h.gql<{ _entities: Array<Entity | null> }>(ENTITIES, { representations }, asAlice);
    expect(r.data!._entities[0]).toMatchObject({ id: alice.id, meetings: { nodes: [{ topic: 'alice standup' }] } });
    expect(r.data!._entities[1]).toBeNull();
    expect(r.data!._entities[2]).toMatchObject({ id: String(aliceMeeting.id) });
    expect(r.data!._entities[3]).toBeNull();
    const byPath = Object.fromEntries((r.errors ?? []).map((e) => [JSON.stringify(e.path), e.extensions?.code]));
    expect(byPath).toEqual({ '["_entities",1]': 'FORBIDDEN', '["_entities",3]': 'FORBIDDEN' });
    // Bob's user is refused before any call; his meeting only once Zoom named its host.
    expect(h.fake.hits('users.get')).toBe(1);
    expect(h.fake.hits('meetings.get')).toBe(2);
  });

  it('_entities has one entry per representation, in order, wherever the refused ones are and whenever they settle', async () => {
    const aliceWebinar = h.fake.state.addWebinar(alice.id, { topic: 'alice office hours' });
    const bobWebinar = h.fake.state.addWebinar(bob.id, { topic: 'bob office hours' });
    const REFS = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { __typename ... on User { id } ... on Meeting { id } ... on Webinar { id } }
    }`;
    const own = {
      User: userRef(alice),
      Meeting: meetingRef(aliceMeeting),
      Webinar: { __typename: 'Webinar', id: String(aliceWebinar.id) },
    };
    const other = { User: userRef(bob), Meeting: meetingRef(bobMeeting), Webinar: { __typename: 'Webinar', id: String(bobWebinar.id) } };
    const GET = { User: 'users.get', Meeting: 'meetings.get', Webinar: 'webinars.get' } as const;
    type Kind = keyof typeof GET;
    type Ref = { __typename: string; id: string };
    const COUNT = 'zgg_upstream_request_duration_seconds_count';
    const answered = (kind: Kind) => metric(h.url, COUNT, { route: GET[kind] });

    /**
     * Asks for `representations`. With `held`, Zoom keeps that route's call until the calls of
     * `after` have been answered, so the references needing the held one settle last.
     */
    const ask = async (representations: Ref[], held?: Kind, after: Kind[] = []) => {
      if (!held) return h.gql<{ _entities: Array<{ id: string } | null> }>(REFS, { representations }, asAlice);
      const before = await Promise.all(after.map(answered));
      const hold = h.fake.knobs.hold(GET[held]);
      const pending = h.gql<{ _entities: Array<{ id: string } | null> }>(REFS, { representations }, asAlice);
      await hold.whenWaiting(1);
      // Counted once Zoom's answer has reached the gateway; what follows it there needs no I/O.
      await Promise.all(after.map((kind, i) => untilMetric(h.url, COUNT, { route: GET[kind] }, before[i]! + 1)));
      hold.release();
      return pending;
    };

    const expectAnswer = async (representations: Ref[], held?: Kind, after?: Kind[]) => {
      const r = await ask(representations, held, after);
      const label = `${JSON.stringify(representations.map((x) => `${x.__typename}:${x === own[x.__typename as Kind] ? 'own' : 'other'}`))} ${JSON.stringify(r)}`;
      const refused = representations.flatMap((x, i) => (x === other[x.__typename as Kind] ? [i] : []));
      expect(r.status, label).toBe(200);
      expect(
        r.data!._entities.map((e) => e?.id ?? null),
        label,
      ).toEqual(representations.map((x, i) => (refused.includes(i) ? null : x.id)));
      expect(r.errors?.map((e) => [e.path, e.extensions?.code]) ?? [], label).toEqual(refused.map((i) => [['_entities', i], 'FORBIDDEN']));
    };

    // The same operation asked again runs the compiled executor (compiledExecutor.ts); both must hold to this.
    for (let i = 0; i < 2; i++) await expectAnswer([]);
    for (const kind of Object.keys(GET) as Kind[]) {
      const [mine, theirs] = [own[kind], other[kind]];
      await expectAnswer([theirs, mine, mine]);
      await expectAnswer([mine, theirs, mine]);
      await expectAnswer([mine, mine, theirs]);
      await expectAnswer([theirs, theirs]);
      await expectAnswer([theirs]);
    }
    // A refused reference settling before those ahead of it (a User at once, before any call), and after those behind it.
    await expectAnswer([own.Meeting, own.Webinar, other.User]);
    await expectAnswer([own.Webinar, other.Meeting], 'Webinar', ['Meeting']);
    await expectAnswer([own.Meeting, other.Webinar], 'Meeting', ['Webinar']);
    await expectAnswer([own.User, own.Webinar, other.Meeting], 'User', ['Webinar', 'Meeting']);
    await expectAnswer([other.Meeting, own.Webinar, own.User], 'Meeting', ['Webinar', 'User']);
    await expectAnswer([other.Webinar, other.User, own.Meeting, other.Meeting], 'Webinar', ['Meeting']);
    await expectAnswer([other.User, other.Meeting, other.Webinar]);
  });

  it('User.settings resolves for entity references as for queries: the admin reads anyone’s, a user only its own', async () => {
    const SETTINGS =
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on User { id settings { recording { autoRecording } inMeeting { chat } } } } }';
    type WithSettings = { id: string; settings: { recording: { autoRecording: string }; inMeeting: { chat: boolean } } | null };
    const expected = (u: ZoomUser) => {
      const s = h.fake.state.settingsOf(u);
      return { recording: { autoRecording: s.recording.auto_recording.toUpperCase() }, inMeeting: { chat: s.in_meeting.chat } };
    };
    const admin = await h.gql<{ _entities: WithSettings[] }>(SETTINGS, { representations: [userRef(alice), userRef(bob)] }, asAdmin);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!._entities.map((e) => e.settings)).toEqual([expected(alice), expected(bob)]);
    expect(h.fake.hits('users.settings')).toBe(2);
    h.fake.resetCounters();
    const own = await h.gql<{ _entities: Array<WithSettings | null> }>(
      SETTINGS,
      { representations: [userRef(alice), userRef(bob), userRef(alice)] },
      asAlice,
    );
    expect(own.data!._entities[0]?.settings, JSON.stringify(own)).toEqual(expected(alice));
    expect(own.data!._entities[1], JSON.stringify(own)).toBeNull();
    expect(own.errors?.map((e) => [JSON.stringify(e.path), e.extensions?.code])).toEqual([['["_entities",1]', 'FORBIDDEN']]);
    expect(h.fake.hits('users.settings')).toBe(1);
  });

  it('an unknown entity is null; a malformed key or a type that is no entity is BAD_USER_INPUT', async () => {
    const unknown = await h.gql<{ _entities: unknown[] }>(
      ENTITIES,
      {
        representations: [
          { __typename: 'User', id: 'nobodyAtAll0000000000' },
          { __typename: 'Meeting', id: '99999999999' },
        ],
      },
      asAdmin,
    );
    expect(unknown.errors, JSON.stringify(unknown.errors)).toBeUndefined();
    expect(unknown.data!._entities).toEqual([null, null]);

    h.fake.resetCounters();
    const malformed = await h.gql<{ _entities: unknown[] }>(
      ENTITIES,
      { representations: [{ __typename: 'User', id: '../admin' }, { __typename: 'Meeting', id: 42 }, userRef(bob)] },
      asAdmin,
    );
    expect(malformed.data!._entities[0]).toBeNull();
    expect(malformed.data!._entities[1]).toBeNull();
    expect(malformed.data!._entities[2]).toMatchObject({ id: bob.id });
    expect(malformed.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['_entities', 0], 'BAD_USER_INPUT'],
      [['_entities', 1], 'BAD_USER_INPUT'],
    ]);
    expect(h.fake.hits('users.get')).toBe(1);

    for (const representations of [[{ __typename: 'MeetingSettings', id: '1' }], [{ id: alice.id }], ['User']]) {
      const r = await h.gql(ENTITIES, { representations }, asAdmin);
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(representations)).toBe('BAD_USER_INPUT');
    }
    expect(h.fake.hits('users.get')).toBe(1);
  });

  it('GRAPHQL_MAX_COST counts each representation with its own type’s share of the selection', async () => {
    // A User here costs its look-up and one page of meetings (2); a Meeting its look-up (1).
    const users = (n: number) => Array.from({ length: n }, () => userRef(alice));
    const within = await h.gql(
      ENTITIES,
      { representations: [...users(25), ...Array.from({ length: 10 }, () => meetingRef(aliceMeeting))] },
      asAdmin,
    );
    expect(within.errors, JSON.stringify(within.errors)).toBeUndefined();

    h.fake.resetCounters();
    const over = await h.gql(ENTITIES, { representations: users(31) }, asAdmin);
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'GRAPHQL_MAX_COST', max: 60, actual: 62 });
    // Inline representations cost the same as variables.
    const inline = `{ _entities(representations: [${Array.from({ length: 31 }, () => `{ __typename: "User", id: "${alice.id}" }`).join(', ')}]) { ... on User { meetings { nodes { id } } } } }`;
    const overInline = await h.gql(inline, undefined, asAdmin);
    expect(overInline.errors?.[0]?.extensions).toMatchObject({ limit: 'GRAPHQL_MAX_COST', actual: 62 });
    expect(h.fake.hits()).toBe(0);
  });

  it('aliases and depth limits still hold under _entities', async () => {
    const aliased = `query ($r: [_Any!]!) { ${Array.from({ length: 31 }, (_, i) => `e${i}: _entities(representations: $r) { __typename }`).join(' ')} }`;
    const a = await h.gql(aliased, { r: [userRef(alice)] }, asAdmin);
    expect(a.errors?.[0]?.extensions).toMatchObject({ limit: 'GRAPHQL_MAX_ALIASES' });
    const deep = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { meetings { edges { node { settings { audio } } } pageInfo { endCursor } } } } }`;
    expect((await h.gql(deep, { r: [userRef(alice)] }, asAdmin)).errors).toBeUndefined();
    h.fake.resetCounters();
    const tooDeep = `{ _entities(representations: []) { ... on User { meetings { edges { node { settings { a: audio } } } } } } }`;
    const d = await startHarness({ fake: h.fake, env: { ...CALLER_JWT, GRAPHQL_FEDERATION: 'true', GRAPHQL_MAX_DEPTH: '5' } });
    try {
      const r = await d.gql(tooDeep, undefined, asAdmin);
      expect(r.errors?.[0]?.extensions).toMatchObject({ limit: 'GRAPHQL_MAX_DEPTH', max: 5, actual: 6 });
    } finally {
      await d.stop();
    }
    expect(h.fake.hits()).toBe(0);
  });

  it('without GRAPHQL_FEDERATION the schema has no _service or _entities', async () => {
    const plain = await startHarness({ fake: h.fake, env: CALLER_JWT });
    try {
      const r = await plain.gql('{ _service { sdl } }', undefined, asAdmin);
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.message).toMatch(/_service/);
    } finally {
      await plain.stop();
    }
  });
});
