import { jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';

const SDK = { ZOOM_SDK_KEY: 'sdk-key-abc', ZOOM_SDK_SECRET: 'sdk-secret-0123456789-0123456789' };
const ENV = {
  GATEWAY_AUTH: 'jwt',
  GATEWAY_JWT_SECRET: JWT_SECRET,
  GATEWAY_JWT_ISSUER: JWT_ISSUER,
  GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE,
  GRAPHQL_FEDERATION: 'true',
  ...SDK,
};

const DASHBOARD = `query ($id: ID!) {
  webinar(id: $id) {
    id topic type startTime host { email }
    panelists { id email name }
    registrants(status: PENDING) { totalCount nodes { email status } }
    pastInstances { uuid participants { totalCount nodes { name } } absentees { totalCount nodes { email } } }
  }
}`;
const q = {
  list: 'query ($userId: ID) { webinars(userId: $userId) { totalCount nodes { id topic host { id } } } }',
  userWebinars: 'query ($id: ID!) { user(id: $id) { webinars { nodes { id } } } }',
  create:
    'mutation ($userId: ID, $input: CreateWebinarInput!) { createWebinar(userId: $userId, input: $input) { id topic type hostId occurrences { occurrenceId } } }',
  update:
    'mutation ($id: ID!, $occ: ID, $input: UpdateWebinarInput!) { updateWebinar(id: $id, occurrenceId: $occ, input: $input) { id topic duration } }',
  remove: 'mutation ($id: ID!, $occ: ID) { deleteWebinar(id: $id, occurrenceId: $occ) }',
  end: 'mutation ($id: ID!) { endWebinar(id: $id) }',
  addPanelists: 'mutation ($id: ID!, $p: [PanelistInput!]!) { addWebinarPanelists(webinarId: $id, panelists: $p) { id email } }',
  removePanelist: 'mutation ($id: ID!, $pid: ID!) { removeWebinarPanelist(webinarId: $id, panelistId: $pid) }',
  register:
    'mutation ($id: ID!, $input: AddMeetingRegistrantInput!) { addWebinarRegistrant(webinarId: $id, input: $input) { id email joinUrl } }',
  status:
    'mutation ($id: ID!, $action: RegistrantAction!, $ids: [ID!]!) { updateWebinarRegistrantStatus(webinarId: $id, action: $action, registrantIds: $ids) }',
  start: 'mutation ($id: ID!) { startWebinarToken(webinarId: $id) { meetingId hostId zak signature sdkKey } }',
  entities: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Webinar { id topic hostId } } }',
};

interface Dashboard {
  id: string;
  panelists: Array<{ email: string }>;
  registrants: { nodes: Array<{ email: string; status: string }> };
  pastInstances: Array<{ participants: { totalCount: number }; absentees: { nodes: Array<{ email: string }> } }>;
}

type Err = { extensions?: Record<string, unknown>; message: string };
const code = (r: { errors?: Err[] }) => r.errors?.[0]?.extensions?.code;

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let launch: ZoomMeeting;
let aliceWebinar: ZoomMeeting;
let asAdmin: Record<string, string>;
let asAlice: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ env: ENV });
  alice = member(h.fake, 0);
  bob = member(h.fake, 1);
  launch = h.fake.state.webinars.find((w) => w.topic === 'Product launch')!;
  aliceWebinar = h.fake.state.addWebinar(alice.id, {}, { topic: 'Alice office hours', settings: { approval_type: 1 } });
  asAdmin = await bearer(h.fake, { sub: 'console', roles: ['admin'] });
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

const restCalls = () => h.fake.requests.filter((r) => r.path.startsWith('/v2/'));
const writes = () => restCalls().filter((r) => r.method !== 'GET');

describe('webinars, end to end against the fake Zoom', () => {
  it('one dashboard query: panelists, pending registrants, past instances with participants and absentees, one Zoom call per resource', async () => {
    const r = await h.gql<{ webinar: Dashboard }>(DASHBOARD, { id: String(launch.id) }, asAdmin);
    expect(r.errors).toBeUndefined();
    const w = r.data!.webinar;
    expect(w).toMatchObject({ id: String(launch.id), topic: 'Product launch', type: 'WEBINAR', host: { email: h.fake.state.owner.email } });
    expect(w.panelists.map((p) => p.email).sort()).toEqual(['ada.panel@example.com', 'bo.panel@example.com']);
    expect(w.registrants.nodes).toEqual([{ email: 'waiting@example.com', status: 'PENDING' }]);
    expect(w.pastInstances).toHaveLength(1);
    expect(w.pastInstances[0]!.participants.totalCount).toBeGreaterThanOrEqual(2);
    expect(w.pastInstances[0]!.absentees.nodes).toEqual([{ email: 'absent@example.com' }]);
    // webinar, host, panelists, registrants, instances, participants, absentees.
    expect(
      restCalls()
        .map((c) => c.route)
        .sort(),
    ).toEqual(
      [
        'users.get',
        'webinars.absentees',
        'webinars.get',
        'webinars.panelists',
        'webinars.pastInstances',
        'webinars.pastParticipants',
        'webinars.registrants',
      ].sort(),
    );
  });

  it('a list asks each distinct host once, and the same webinar twice costs nothing more', async () => {
    h.fake.state.addWebinar(h.fake.state.owner.id, {}, { topic: 'Second' });
    const r = await h.gql<{ webinars: { totalCount: number; nodes: Array<{ host: { id: string } }> } }>(q.list, {}, asAdmin);
    expect(r.errors).toBeUndefined();
    expect(r.data!.webinars.nodes.length).toBeGreaterThanOrEqual(3);
    expect(h.fake.hits('webinars.list')).toBe(1);
    expect(h.fake.hits('users.get')).toBe(1);
    h.fake.resetCounters();
    const twice = await h.gql(
      `query ($id: ID!) { a: webinar(id: $id) { panelists { id } } b: webinar(id: $id) { panelists { id } } }`,
      { id: String(launch.id) },
      asAdmin,
    );
    expect(twice.errors).toBeUndefined();
    expect(h.fake.hits('webinars.panelists')).toBe(1);
  });

  it('create, update one occurrence, panelists, registration and approval, end and delete', async () => {
    const weekly = await h.gql<{
      createWebinar: { id: string; type: string; hostId: string; occurrences: Array<{ occurrenceId: string }> };
    }>(
      q.create,
      {
        userId: alice.id,
        input: {
          topic: 'Training',
          type: 'RECURRING_FIXED_TIME',
          startTime: '2031-03-04T09:00:00Z',
          duration: 60,
          approvalType: 'MANUAL',
          recurrence: { type: 'WEEKLY', weeklyDays: [3], endTimes: 3 },
        },
      },
      asAdmin,
    );
    expect(weekly.errors).toBeUndefined();
    const created = weekly.data!.createWebinar;
    expect(created).toMatchObject({ type: 'RECURRING_FIXED_TIME', hostId: alice.id });
    expect(created.occurrences).toHaveLength(3);
    expect(JSON.parse(h.fake.requests.find((x) => x.route === 'webinars.create')!.body!)).toMatchObject({
      type: 9,
      topic: 'Training',
      settings: { approval_type: 1 },
    });
    const moved = await h.gql<{ updateWebinar: { duration: number } }>(
      q.update,
      { id: created.id, occ: created.occurrences[1]!.occurrenceId, input: { duration: 90 } },
      asAlice,
    );
    expect(moved.errors).toBeUndefined();
    const onlyWhole = await h.gql(q.update, { id: created.id, occ: created.occurrences[1]!.occurrenceId, input: { topic: 'x' } }, asAlice);
    expect(code(onlyWhole)).toBe('BAD_USER_INPUT');
    expect((await h.gql(q.remove, { id: created.id, occ: created.occurrences[0]!.occurrenceId }, asAlice)).data).toEqual({
      deleteWebinar: true,
    });
    expect(h.fake.state.findWebinar(created.id)!.occurrences!.map((o) => o.status)).toEqual(['deleted', 'available', 'available']);
    expect(code(await h.gql(q.update, { id: '99999999999', input: { topic: 'x' } }, asAdmin))).toBe('NOT_FOUND');
    const mine = await h.gql<{ user: { webinars: { nodes: Array<{ id: string }> } } }>(q.userWebinars, { id: alice.id }, asAlice);
    expect(mine.data!.user.webinars.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([created.id, String(aliceWebinar.id)]));

    const added = await h.gql<{ addWebinarPanelists: Array<{ id: string; email: string }> }>(
      q.addPanelists,
      { id: created.id, p: [{ email: 'speaker@example.com', name: 'Speaker' }] },
      asAlice,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addWebinarPanelists.map((p) => p.email)).toEqual(['speaker@example.com']);
    expect((await h.gql(q.removePanelist, { id: created.id, pid: added.data!.addWebinarPanelists[0]!.id }, asAlice)).data).toEqual({
      removeWebinarPanelist: true,
    });

    const reg = await h.gql<{ addWebinarRegistrant: { id: string; joinUrl: string } }>(
      q.register,
      { id: created.id, input: { email: 'guest@example.com', firstName: 'Guest' } },
      asAlice,
    );
    expect(reg.errors).toBeUndefined();
    expect(h.fake.requests.find((x) => x.route === 'webinars.addRegistrant')!.path).toBe(`/v2/webinars/${created.id}/registrants`);
    const ok = await h.gql(q.status, { id: created.id, action: 'APPROVE', ids: [reg.data!.addWebinarRegistrant.id] }, asAlice);
    expect(ok.errors).toBeUndefined();
    expect(h.fake.state.registrants.find((x) => x.id === reg.data!.addWebinarRegistrant.id)!.status).toBe('approved');

    h.fake.state.findWebinar(created.id)!.status = 'started';
    expect((await h.gql(q.end, { id: created.id }, asAlice)).data).toEqual({ endWebinar: true });
    expect(h.fake.state.findWebinar(created.id)!.status).toBe('waiting');
    expect((await h.gql(q.remove, { id: created.id }, asAlice)).data).toEqual({ deleteWebinar: true });
    expect(h.fake.state.findWebinar(created.id)).toBeUndefined();
    expect((await h.gql(`query ($id: ID!) { webinar(id: $id) { id } }`, { id: created.id }, asAdmin)).data).toEqual({ webinar: null });
  });

  it('startWebinarToken: 200 concurrent callers, one ZAK request, a role-1 signature for the webinar number', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        h.gql<{ startWebinarToken: { meetingId: string; hostId: string; zak: string; signature: string } }>(
          q.start,
          { id: String(aliceWebinar.id) },
          asAlice,
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(h.fake.hits('users.token')).toBe(1);
    const one = results[0]!.data!.startWebinarToken;
    expect(one).toMatchObject({ meetingId: String(aliceWebinar.id), hostId: alice.id });
    expect(results.every((r) => r.data!.startWebinarToken.zak === one.zak)).toBe(true);
    expect(h.fake.state.isZakValid(one.zak)).toBe(true);
    const { payload } = await jwtVerify(one.signature, new TextEncoder().encode(SDK.ZOOM_SDK_SECRET), {
      currentDate: new Date(h.fake.clock.now()),
    });
    expect(payload).toMatchObject({ mn: String(aliceWebinar.id), role: 1, sdkKey: SDK.ZOOM_SDK_KEY });
  });

  it("a user-role caller gets FORBIDDEN for another host's webinar, and no refused write reaches Zoom", async () => {
    const id = String(launch.id);
    const refused: Array<[string, Record<string, unknown>]> = [
      [q.update, { id, input: { topic: 'taken over' } }],
      [q.remove, { id }],
      [q.end, { id }],
      [q.addPanelists, { id, p: [{ email: 'intruder@example.com', name: 'Intruder' }] }],
      [q.removePanelist, { id, pid: h.fake.state.panelists.find((p) => p.webinar_id === launch.id)!.id }],
      [
        q.status,
        { id, action: 'APPROVE', ids: [h.fake.state.registrants.find((r) => r.meeting_id === launch.id && r.status === 'pending')!.id] },
      ],
      [q.register, { id, input: { email: 'someone.else@example.com', firstName: 'Else' } }],
      [q.start, { id }],
      [DASHBOARD, { id }],
      [q.list, { userId: h.fake.state.owner.id }],
      [q.create, { userId: bob.id, input: { topic: 'for bob' } }],
    ];
    for (const [query, vars] of refused)
      expect([query.slice(0, 40), code(await h.gql(query, vars, asAlice))]).toEqual([query.slice(0, 40), 'FORBIDDEN']);
    expect(writes()).toEqual([]);
    expect(h.fake.hits('users.token')).toBe(0);
    // Alice lists her own.
    const own = await h.gql<{ webinars: { nodes: Array<{ id: string }> } }>(q.list, {}, asAlice);
    expect(own.data!.webinars.nodes.map((n) => n.id)).toContain(String(aliceWebinar.id));
  });

  it('unauthenticated callers get UNAUTHENTICATED and Zoom sees nothing', async () => {
    for (const [query, vars] of [
      [DASHBOARD, { id: String(launch.id) }],
      [q.list, {}],
      [q.start, { id: String(launch.id) }],
      [q.create, { input: { topic: 'x' } }],
    ] as const) {
      expect(code(await h.gql(query, vars))).toBe('UNAUTHENTICATED');
    }
    expect(restCalls()).toEqual([]);
  });

  it("a host without the Webinar plan gets Zoom's reason as ZOOM_API_ERROR with zoomCode 200", async () => {
    const noPlan = [...h.fake.state.withoutWebinarPlan][0]!;
    const r = await h.gql(q.create, { userId: noPlan, input: { topic: 'No plan' } }, asAdmin);
    expect(r.status).toBe(200);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR', zoomCode: 200 });
    expect(r.errors?.[0]?.message).toContain('Subscription plan for webinar is missing');
    const listed = await h.gql(q.list, { userId: noPlan }, asAdmin);
    expect(listed.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR', zoomCode: 200 });
  });

  it('attacker inputs: malformed ids, too many or repeated panelists, bad bodies are refused before Zoom', async () => {
    const id = String(aliceWebinar.id);
    const bad: Array<[string, Record<string, unknown>]> = [
      [q.start, { id: '../users/me' }],
      [q.end, { id: 'abc' }],
      [q.remove, { id: '1 OR 1=1' }],
      [q.removePanelist, { id, pid: '../../x' }],
      [q.addPanelists, { id, p: Array.from({ length: 31 }, (_, i) => ({ email: `p${i}@example.com`, name: `P${i}` })) }],
      [q.addPanelists, { id, p: [] }],
      [
        q.addPanelists,
        {
          id,
          p: [
            { email: 'dup@example.com', name: 'A' },
            { email: 'DUP@example.com', name: 'B' },
          ],
        },
      ],
      [q.addPanelists, { id, p: [{ email: 'not-an-email', name: 'A' }] }],
      [q.addPanelists, { id, p: [{ email: 'a@example.com', name: 'x'.repeat(65) }] }],
      [q.status, { id, action: 'APPROVE', ids: Array.from({ length: 31 }, (_, i) => `r${i}`) }],
      [q.create, { input: { topic: 't'.repeat(201) } }],
      [q.update, { id, input: {} }],
      [`query ($id: ID!) { webinar(id: $id) { id } }`, { id: 'x'.repeat(500) }],
    ];
    for (const [query, vars] of bad)
      expect([query.slice(0, 40), code(await h.gql(query, vars, asAlice))]).toEqual([query.slice(0, 40), 'BAD_USER_INPUT']);
    expect(restCalls()).toEqual([]);
  });

  it('with GRAPHQL_FEDERATION=true Webinar is an entity keyed by id, under the same policy', async () => {
    const sdl = await h.gql<{ _service: { sdl: string } }>('{ _service { sdl } }', {}, asAdmin);
    expect(sdl.data!._service.sdl).toMatch(/type Webinar\s+@key\(fields: "id"\)/);
    const r = await h.gql<{ _entities: Array<{ id: string; topic: string; hostId: string } | null> }>(
      q.entities,
      {
        r: [
          { __typename: 'Webinar', id: String(aliceWebinar.id) },
          { __typename: 'Webinar', id: String(aliceWebinar.id) },
        ],
      },
      asAdmin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.map((e) => e?.topic)).toEqual(['Alice office hours', 'Alice office hours']);
    expect(h.fake.hits('webinars.get')).toBe(1);
    const other = await h.gql(q.entities, { r: [{ __typename: 'Webinar', id: String(launch.id) }] }, asAlice);
    expect(code(other)).toBe('FORBIDDEN');
  });
});
