import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let asAdmin: Record<string, string>;
let asAlice: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({
    env: { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, GATEWAY_JWT_ISSUER: JWT_ISSUER, GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE },
  });
  alice = member(h.fake, 0);
  bob = member(h.fake, 1);
  for (let i = 0; i < 3; i++) h.fake.state.addMeeting(bob.id, { topic: `bob ${i}` });
  h.fake.state.addMeeting(alice.id, { topic: 'alice 0' });
  asAdmin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

type Page = { nodes: Array<{ topic: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('User.meetings', () => {
  it('an admin pages a user’s meetings, and the cursor continues in meetings(userId:) too', async () => {
    const first = await h.gql<{ user: { meetings: Page } }>(
      `query ($id: ID!) { user(id: $id) { meetings(first: 2) { nodes { topic } pageInfo { hasNextPage endCursor } } } }`,
      { id: bob.id },
      asAdmin,
    );
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    const page = first.data!.user.meetings;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await h.gql<{ meetings: Page }>(
      `query ($id: ID!, $after: String) { meetings(userId: $id, first: 2, after: $after) { nodes { topic } pageInfo { hasNextPage } } }`,
      { id: bob.id, after: page.pageInfo.endCursor },
      asAdmin,
    );
    expect(rest.errors, JSON.stringify(rest.errors)).toBeUndefined();
    const topics = [...page.nodes, ...rest.data!.meetings.nodes].map((n) => n.topic);
    expect(topics.sort()).toEqual(['bob 0', 'bob 1', 'bob 2']);
    expect(rest.data!.meetings.pageInfo.hasNextPage).toBe(false);
  });

  it('a user-role caller lists its own through me, and nobody else’s', async () => {
    const r = await h.gql<{ me: { meetings: Page } }>(`{ me { meetings { nodes { topic } } } }`, undefined, asAlice);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data!.me.meetings.nodes).toEqual([{ topic: 'alice 0' }]);
    expect(h.fake.hits('meetings.list')).toBe(1);
    const other = await h.gql(`query ($id: ID!) { user(id: $id) { meetings { nodes { topic } } } }`, { id: bob.id }, asAlice);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.list')).toBe(1);
  });

  it('bad page arguments are BAD_USER_INPUT before the list call; the cost counts a page per user', async () => {
    const bad = await h.gql(`{ me { meetings(first: 0) { nodes { topic } } } }`, undefined, asAdmin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const forged = await h.gql(`{ me { meetings(after: "forged") { nodes { topic } } } }`, undefined, asAdmin);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(h.fake.hits('meetings.list')).toBe(0);
    h.fake.resetCounters();
    // 1 list of users + 300 users × (1 page + 300 hosts) is far over the default 1000.
    const fanOut = await h.gql(`{ users(first: 300) { nodes { meetings(first: 300) { nodes { host { id } } } } } }`, undefined, asAdmin);
    expect(fanOut.status).toBe(400);
    expect(fanOut.errors?.[0]?.extensions).toMatchObject({ limit: 'GRAPHQL_MAX_COST', actual: 1 + 300 * 301 });
    expect(h.fake.hits()).toBe(0);
  });
});
