import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { metric } from '../helpers/metrics.js';
import { flakyStore } from '../helpers/stores.js';
import { USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';

const USERS = '{ users(status: ACTIVE, first: 30) { nodes { id email firstName } } }';
const LIST = 'query ($userId: ID) { meetings(userId: $userId) { nodes { id topic } } }';
const MEETING = 'query ($id: ID!) { meeting(id: $id) { id topic hostId } }';
const USER = 'query ($id: ID!) { user(id: $id) { id email } }';
const CREATE = 'mutation ($userId: ID) { createMeeting(userId: $userId, input: { topic: "new" }) { id } }';
const UPDATE = 'mutation ($id: ID!, $topic: String!) { updateMeeting(id: $id, input: { topic: $topic }) { id topic } }';
const DELETE = 'mutation ($id: ID!) { deleteMeeting(id: $id) }';
const START = 'mutation ($id: ID!) { startMeetingToken(meetingId: $id) { zak } }';
const ON = { ZOOM_CACHE_TTL_SECONDS: '60' };

const { track } = stopAfterEach();

const hits = (h: Harness, route: string) => metric(h.url, 'zgg_zoom_cache_total', { route, result: 'hit' });
const misses = (h: Harness, route: string) => metric(h.url, 'zgg_zoom_cache_total', { route, result: 'miss' });
type Nodes = { meetings: { nodes: Array<{ id: string; topic: string }> } };
const idsOf = (r: { data?: Nodes }) => r.data?.meetings.nodes.map((n) => n.id) ?? [];

describe('the read cache (ZOOM_CACHE_TTL_SECONDS)', () => {
  it('answers a repeated read from the store for the TTL, then asks Zoom again; the credentials query says so', async () => {
    // The read cache's own counts: the answer cache would answer the repeated query before it (answerCache.test.ts).
    const h = track(await startHarness({ env: { ...ON, GRAPHQL_ANSWER_CACHE_BYTES: '0' } }));
    const first = await h.gql(USERS);
    expect(first.errors).toBeUndefined();
    // A change made in Zoom itself (no webhook): seen once the TTL has passed, not before.
    const someone = h.fake.state.users.find((u) => u.status === 'active')!;
    someone.first_name = 'Renamed';
    expect(JSON.stringify((await h.gql(USERS)).data)).toBe(JSON.stringify(first.data));
    expect(h.fake.hits('users.list')).toBe(1);
    expect([await hits(h, 'users.list'), await misses(h, 'users.list')]).toEqual([1, 1]);

    h.fake.clock.advance(60_000);
    const later = await h.gql<{ users: { nodes: Array<{ id: string; firstName: string }> } }>(USERS);
    expect(later.data?.users.nodes.find((u) => u.id === someone.id)?.firstName).toBe('Renamed');
    expect(h.fake.hits('users.list')).toBe(2);

    const status = await h.gql<{ credentials: { readCache: unknown } }>('{ credentials { readCache { enabled ttlSeconds } } }');
    expect(status.data?.credentials.readCache).toEqual({ enabled: true, ttlSeconds: 60 });
  });

  it('ZOOM_CACHE_TTL_SECONDS=0 turns it off: every read reaches Zoom', async () => {
    const h = track(await startHarness({ env: { ZOOM_CACHE_TTL_SECONDS: '0' } }));
    await h.gql(USERS);
    await h.gql(USERS);
    expect(h.fake.hits('users.list')).toBe(2);
    expect(await metric(h.url, 'zgg_zoom_cache_total')).toBe(0);
    const status = await h.gql<{ credentials: { readCache: unknown } }>('{ credentials { readCache { enabled ttlSeconds } } }');
    expect(status.data?.credentials.readCache).toEqual({ enabled: false, ttlSeconds: 0 });
  });

  it('never caches ZAKs or tokens: /users/{id}/token keeps its own lifetime', async () => {
    const h = track(await startHarness({ env: ON }));
    const meeting = h.fake.state.seedMeetings(member(h.fake).id, 1)[0]!;
    expect((await h.gql(START, { id: String(meeting.id) })).errors).toBeUndefined();
    expect(await metric(h.url, 'zgg_zoom_cache_total', { route: 'users.token' })).toBe(0);
    expect(await misses(h, 'meetings.get')).toBe(1); // the meeting itself is REST data
  });
});

describe('who can see a cached answer', () => {
  async function withCallers() {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...ON } }));
    const [a, b] = [member(h.fake, 0), member(h.fake, 1)];
    const bMeeting = h.fake.state.seedMeetings(b.id, 1)[0]!;
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    // A is served by the account token: the gateway, not Zoom, limits what it reaches.
    const asA = await bearer(h.fake, { sub: 'a-app', zoom_user_id: a.id, roles: ['user'] });
    return { h, a, b, bMeeting, admin, asA };
  }

  it("a user-role caller cannot read through the cache what Zoom's answer would not show it, and counts no hit", async () => {
    const { h, b, bMeeting, admin, asA } = await withCallers();
    const id = String(bMeeting.id);
    expect((await h.gql(MEETING, { id }, admin)).errors).toBeUndefined();
    expect((await h.gql(MEETING, { id }, admin)).errors).toBeUndefined();
    expect(await hits(h, 'meetings.get')).toBe(1); // cached for the account token
    expect((await h.gql(LIST, { userId: b.id }, admin)).errors).toBeUndefined();
    expect((await h.gql(USER, { id: b.id }, admin)).errors).toBeUndefined();
    const before = await metric(h.url, 'zgg_zoom_cache_total', { result: 'hit' });

    const meeting = await h.gql(MEETING, { id }, asA);
    expect(meeting.data?.meeting ?? null).toBeNull();
    expect(meeting.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [query, variables] of [
      [LIST, { userId: b.id }],
      [LIST, { userId: b.email }],
      [USER, { id: b.id }],
    ] as const) {
      expect((await h.gql(query, variables, asA)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await metric(h.url, 'zgg_zoom_cache_total', { result: 'hit' })).toBe(before);
  });

  it("an answer fetched with the account token is not served to a call with a user's own token, nor the reverse", async () => {
    const { h, a, admin } = await withCallers();
    const mine = h.fake.state.seedMeetings(a.id, 1)[0]!;
    h.fake.knobs.setAuthorizingUser(a.id);
    const asA = await bearer(h.fake, { sub: 'a-app', zoom_user_id: a.id, roles: ['user'] });
    expect((await installViaBrowser(h, asA)).status).toBe(200);
    h.fake.resetCounters();
    const id = String(mine.id);

    expect((await h.gql(MEETING, { id }, admin)).errors).toBeUndefined(); // account token: miss
    expect((await h.gql(MEETING, { id }, asA)).errors).toBeUndefined(); // A's own token: miss
    expect((await h.gql(MEETING, { id }, asA)).errors).toBeUndefined(); // A's own token: hit
    expect((await h.gql(MEETING, { id }, admin)).errors).toBeUndefined(); // account token: hit
    expect(h.fake.requests.filter((r) => r.route === 'meetings.get').map((r) => r.tokenKind)).toEqual(['s2s', 'user']);
    expect([await hits(h, 'meetings.get'), await misses(h, 'meetings.get')]).toEqual([2, 2]);
  });
});

describe("the gateway's own writes are seen at once", () => {
  it('lists by id, by email and as `me` on a user token all show a created meeting, an update, and a deletion', async () => {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...ON } }));
    const a = member(h.fake);
    h.fake.knobs.setAuthorizingUser(a.id);
    const asA = await bearer(h.fake, { sub: 'a-app', zoom_user_id: a.id, roles: ['user'] });
    expect((await installViaBrowser(h, asA)).status).toBe(200);
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    const views = [
      () => h.gql<Nodes>(LIST, { userId: a.id }, admin),
      () => h.gql<Nodes>(LIST, { userId: a.email }, admin),
      () => h.gql<Nodes>(LIST, {}, asA), // `me` on A's own token
    ];
    const read = () => Promise.all(views.map((v) => v()));
    await read();
    h.fake.resetCounters();
    await read();
    expect(h.fake.hits('meetings.list')).toBe(0); // all three are cached

    // Created by the admin (account token, host by id), then by A itself (its token, `me`).
    const byAdmin = await h.gql<{ createMeeting: { id: string } }>(CREATE, { userId: a.id }, admin);
    for (const r of await read()) expect(idsOf(r)).toContain(byAdmin.data!.createMeeting.id);
    const byA = await h.gql<{ createMeeting: { id: string } }>(CREATE, {}, asA);
    const id = byA.data!.createMeeting.id;
    for (const r of await read()) expect(idsOf(r)).toContain(id);

    expect((await h.gql(MEETING, { id }, admin)).data).toMatchObject({ meeting: { topic: 'new' } });
    expect((await h.gql(UPDATE, { id, topic: 'renamed' }, admin)).errors).toBeUndefined();
    expect((await h.gql(MEETING, { id }, admin)).data).toMatchObject({ meeting: { topic: 'renamed' } });
    for (const r of await read()) expect(r.data?.meetings.nodes.find((n) => n.id === id)?.topic).toBe('renamed');

    expect((await h.gql(DELETE, { id }, asA)).errors).toBeUndefined();
    expect((await h.gql(MEETING, { id }, admin)).data).toEqual({ meeting: null });
    for (const r of await read()) expect(idsOf(r)).not.toContain(id);
    expect(await metric(h.url, 'zgg_zoom_cache_invalidations_total', { tag: 'meetinglists' })).toBeGreaterThan(0);
    expect(await metric(h.url, 'zgg_zoom_cache_invalidations_total', { tag: 'meeting' })).toBeGreaterThan(0);
  });

  it('an update or deletion addressed by instance UUID ends the answer cached by meeting number', async () => {
    const h = track(await startHarness({ env: ON }));
    const host = member(h.fake);
    const created = await h.gql<{ createMeeting: { id: string } }>(CREATE, { userId: host.id });
    const id = created.data!.createMeeting.id;
    const uuid = (await h.gql<{ meeting: { uuid: string } }>('query ($id: ID!) { meeting(id: $id) { uuid } }', { id })).data!.meeting.uuid;
    expect((await h.gql(MEETING, { id })).data).toMatchObject({ meeting: { topic: 'new' } }); // cached by number
    expect((await h.gql(UPDATE, { id: uuid, topic: 'renamed by uuid' })).errors).toBeUndefined();
    expect((await h.gql(MEETING, { id })).data).toMatchObject({ meeting: { topic: 'renamed by uuid' } });
    expect((await h.gql(DELETE, { id: uuid })).errors).toBeUndefined();
    expect((await h.gql(MEETING, { id })).data).toEqual({ meeting: null });
  });

  it('a change reported through services.changes (as a webhook will) ends cached user reads', async () => {
    const h = track(await startHarness({ env: ON }));
    const someone = member(h.fake);
    await h.gql(USERS);
    await h.gql(USER, { id: someone.email });
    someone.email = `renamed-${someone.email}`;
    await h.app.services.changes.changed({ kind: 'user', userId: someone.id });
    const list = await h.gql<{ users: { nodes: Array<{ id: string; email: string }> } }>(USERS);
    expect(list.data?.users.nodes.find((u) => u.id === someone.id)?.email).toBe(someone.email);
    // Addressed by email, and the change named only the id: the coarser tag ends it too.
    expect(h.fake.hits('users.get')).toBe(1);
    await h.gql(USER, { id: someone.email.replace(/^renamed-/, '') });
    expect(h.fake.hits('users.get')).toBe(2);
    expect(await metric(h.url, 'zgg_zoom_cache_invalidations_total', { tag: 'userlists' })).toBe(1);
  });
});

describe('a store that fails', () => {
  it('never fails a read: the read goes to Zoom, one warning is logged, and the failures are counted', async () => {
    const { store, setFailing } = flakyStore(false);
    const h = track(await startHarness({ env: ON, overrides: { store } }));
    expect((await h.gql(USERS)).errors).toBeUndefined(); // the token is in memory now
    expect(h.fake.hits('users.list')).toBe(1);

    setFailing(true);
    for (let i = 0; i < 3; i++) expect((await h.gql(USERS)).errors).toBeUndefined();
    expect(h.fake.hits('users.list')).toBe(4);
    expect(h.logs.filter((l) => l.includes('read cache: the store failed'))).toHaveLength(1);
    expect(h.logs.join('\n')).not.toContain('"level":50');
    expect(await metric(h.url, 'zgg_zoom_cache_store_errors_total')).toBeGreaterThan(0);
    // A write is refused while the store is down, before Zoom sees it: its invalidation could
    // not reach the other replicas, which would serve the old answer until the TTL.
    const meetingsBefore = h.fake.state.meetings.length;
    const created = await h.gql(CREATE, { userId: member(h.fake).id });
    expect(created.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
    expect(h.fake.state.meetings.length).toBe(meetingsBefore);
    expect(h.fake.hits('meetings.create')).toBe(0);
  });
});
