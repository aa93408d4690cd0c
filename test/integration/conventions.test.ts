import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUBSCRIPTIONS_NOT_OVER_HTTP } from '../../src/graphql/subscriptionsOverHttp.js';
import { startFakeZoom, type FakeZoom, type ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';

/** Schema conventions a frontend relies on: partial results, enums, documented codes, no subscriptions over HTTP. */
const ADMIN_KEY = 'conventions-admin-key-0123456789';
const USER_KEY = 'conventions-user-key-0123456789ab';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const asUser = { authorization: `Bearer ${USER_KEY}` };

let fake: FakeZoom;
let h: Harness;
let member: ZoomUser;

beforeAll(async () => {
  fake = await startFakeZoom({ rateLimits: false });
  member = fake.state.users.find((u) => u.status === 'active' && u.id !== fake.state.owner.id)!;
  h = await startHarness({
    fake,
    env: {
      GATEWAY_AUTH: 'apikey',
      GATEWAY_API_KEYS: `ops:${sha256(ADMIN_KEY)}:admin:${fake.state.owner.email},member:${sha256(USER_KEY)}:user:${member.id}`,
    },
  });
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
});
beforeEach(() => fake.resetCounters());

describe('partial results: an error stays at its path', () => {
  it('a user-role caller asking for me and users gets me, and FORBIDDEN at users with no Zoom list call', async () => {
    const r = await h.gql<{ me: { id: string } | null; users: { totalCount: number } | null }>(
      '{ me { id } users { totalCount } }',
      {},
      asUser,
    );
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ me: { id: member.id }, users: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]).toMatchObject({ path: ['users'], extensions: { code: 'FORBIDDEN' } });
    expect(fake.hits('users.list')).toBe(0);
  });

  it("another user's meetings fail alone; credentials and me still arrive", async () => {
    const r = await h.gql<Record<string, unknown>>(
      `query ($other: ID) { me { email } theirs: meetings(userId: $other) { totalCount } mine: meetings { totalCount } credentials { selectedSource } }`,
      { other: fake.state.owner.id },
      asUser,
    );
    expect(r.data).toMatchObject({
      me: { email: member.email },
      theirs: null,
      mine: { totalCount: expect.any(Number) },
      credentials: { selectedSource: 'S2S' },
    });
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['theirs'], 'FORBIDDEN']]);
  });

  it('a failing mutation does not hide an earlier one that succeeded (mutation fields are nullable)', async () => {
    const others = fake.state.seedMeetings(fake.state.owner.id, 1)[0]!;
    const r = await h.gql<{ created: { id: string; hostId: string } | null; deleted: boolean | null }>(
      `mutation ($id: ID!) { created: createMeeting(input: { topic: "mine" }) { id hostId } deleted: deleteMeeting(id: $id) }`,
      { id: String(others.id) },
      asUser,
    );
    expect(r.data?.created?.hostId).toBe(member.id);
    expect(fake.state.findMeeting(r.data!.created!.id)).toBeDefined();
    expect(r.data?.deleted).toBeNull();
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['deleted'], 'FORBIDDEN']]);
    expect(fake.state.findMeeting(others.id)).toBeDefined();

    // In the other order the later mutation still runs.
    const after = await h.gql<{ deleted: boolean | null; created: { id: string } | null }>(
      `mutation ($id: ID!) { deleted: deleteMeeting(id: $id) created: createMeeting(input: { topic: "after" }) { id } }`,
      { id: String(others.id) },
      asUser,
    );
    expect(after.data?.deleted).toBeNull();
    expect(fake.state.findMeeting(after.data!.created!.id)?.topic).toBe('after');
  });
});

describe('enums instead of magic values', () => {
  it("User.type is Zoom's plan type by name; a type this schema does not know is null, not an error", async () => {
    // 3 is outside Zoom's documented set (On-prem in older documents): as if Zoom added a type.
    const typed = [1, 2, 4, 99, 3].map((type) => fake.state.addUser({ type: type as ZoomUser['type'], status: 'active' }));
    const query = `{ ${typed.map((u, i) => `u${i}: user(id: "${u.id}") { id type }`).join(' ')} }`;
    // The third run executes the operation compiled by graphql-jit.
    for (let run = 0; run < 3; run++) {
      const r = await h.gql<Record<string, { id: string; type: string | null }>>(query, {}, admin);
      expect(r.errors, `run ${run}`).toBeUndefined();
      expect(typed.map((_, i) => r.data![`u${i}`]!.type)).toEqual(['BASIC', 'LICENSED', 'UNASSIGNED', 'NONE', null]);
    }
  });

  it('CachedToken.source and selectedSource are TokenSource values', async () => {
    const r = await h.gql<{ credentials: { selectedSource: string; cached: Array<{ source: string }> } }>(
      '{ me { id } credentials { selectedSource cached { source } } }',
      {},
      admin,
    );
    expect(r.data?.credentials.selectedSource).toBe('S2S');
    expect(r.data?.credentials.cached.map((c) => c.source)).toContain('S2S');
  });
});

describe('introspection tells a client what to expect', () => {
  it('every mutation documents its failure codes; DateTime names its specification', async () => {
    const r = await h.gql<{
      __schema: { mutationType: { fields: Array<{ name: string; description: string }> } };
      __type: { specifiedByURL: string };
    }>('{ __schema { mutationType { fields { name description } } } __type(name: "DateTime") { specifiedByURL } }', {}, admin);
    expect(r.errors).toBeUndefined();
    const fields = r.data!.__schema.mutationType.fields;
    expect(fields.length).toBeGreaterThan(0);
    for (const { name, description } of fields) expect(description, name).toMatch(/Errors \(extensions\.code\): [A-Z_]+ /);
    expect(r.data!.__type.specifiedByURL).toMatch(/^https:\/\/.*rfc3339/);
  });
});

describe('subscriptions over HTTP', () => {
  it('are BAD_USER_INPUT with HTTP 400 and the fixed message, before any resolver or Zoom call', async () => {
    for (const query of [
      'subscription { myMeetingEvents { meetingId } }',
      'subscription Events { meetingEvents(meetingId: "85746065432") { kind sequence } }',
    ]) {
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...asUser },
        body: JSON.stringify({ query }),
      });
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors).toEqual([
        { message: SUBSCRIPTIONS_NOT_OVER_HTTP, extensions: { code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTION_OVER_HTTP' } },
      ]);
    }
    expect(fake.hits()).toBe(0);
  });

  it('over GET are refused too (Apollo runs only queries over GET)', async () => {
    const res = await fetch(`${h.url}/graphql?query=${encodeURIComponent('subscription { me { id } }')}`, {
      headers: { accept: 'application/json', ...asUser },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(fake.hits()).toBe(0);
  });
});

describe('GET queries and CSRF', () => {
  const get = (query: string, headers: Record<string, string>) =>
    fetch(`${h.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/graphql-response+json', ...headers } });

  it('a GET query carrying the caller credential runs without a preflight header (as urql sends it)', async () => {
    for (const headers of [asUser, { 'x-api-key': USER_KEY }]) {
      const res = await get('{ me { id } }', headers);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { me: { id: member.id } } });
    }
  });

  it('a GET mutation is refused even with the credential: nothing changes', async () => {
    const before = fake.state.meetings.length;
    const res = await get('mutation { createMeeting(input: { topic: "csrf" }) { id } }', asUser);
    expect(res.status).toBe(405);
    expect(fake.state.meetings.length).toBe(before);
    expect(fake.hits('meetings.create')).toBe(0);
  });

  it('a cookie is no credential: a simple GET with only cookies is the CSRF refusal, a JSON POST with only cookies 401', async () => {
    const cookie = 'zgg_oauth_flow=anything; session=x';
    const res = await get('{ me { id } }', { cookie });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Cross-Site Request Forgery/);
    const post = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(post.status).toBe(401);
    expect(fake.hits()).toBe(0);
  });
});

describe('GET queries without a credential header (GATEWAY_AUTH=none)', () => {
  it('still need a preflight header or a JSON content type: Apollo’s CSRF check', async () => {
    const open = await startHarness({ fake });
    try {
      const url = `${open.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`;
      const bare = await fetch(url, { headers: { accept: 'application/json' } });
      expect(bare.status).toBe(400);
      expect(((await bare.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Cross-Site Request Forgery/);
      const preflighted = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
      expect(preflighted.status).toBe(200);
    } finally {
      await open.stop();
    }
  });
});
