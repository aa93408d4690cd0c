import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

const USERS = /* GraphQL */ `
  query Users($status: UserStatus, $first: Int, $after: String) {
    users(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          email
          status
        }
      }
      nodes {
        id
      }
    }
  }
`;

type UsersData = {
  users: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; email: string; status: string } }>;
    nodes: Array<{ id: string }>;
  };
};

const HOUR = 3_600_000;
const { track, fakes } = stopAfterEach();

describe('users(status: ACTIVE) end to end against the fake Zoom', () => {
  it('500 concurrent cold queries cause exactly one token request', async () => {
    const h = track(await startHarness());
    const results = await Promise.all(Array.from({ length: 500 }, () => h.gql<UsersData>(USERS, { first: 5 })));
    expect(results.every((r) => r.status === 200 && !r.errors && r.data?.users.nodes.length === 5)).toBe(true);
    expect(h.fake.hits('oauth.token')).toBe(1);
    // Identical reads in flight at once share one Zoom call: at most one each, at least one.
    expect(h.fake.hits('users.list')).toBeGreaterThanOrEqual(1);
    expect(h.fake.hits('users.list')).toBeLessThanOrEqual(500);
  });

  it('a restart with the SQLite store makes no token request while the stored token is valid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zgg-'));
    try {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = { CACHE_URL: `sqlite://${join(dir, 'gateway.sqlite')}` };
      const first = await startHarness({ fake, env });
      expect((await first.gql<UsersData>(USERS, { first: 1 })).data?.users.nodes).toHaveLength(1);
      await first.stop();
      expect(fake.hits('oauth.token')).toBe(1);

      fake.resetCounters();
      const second = track(await startHarness({ fake, env }));
      expect((await second.gql<UsersData>(USERS, { first: 1 })).data?.users.nodes).toHaveLength(1);
      expect(fake.hits('oauth.token')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces a token inside the refresh margin before use and never sends an expired one', async () => {
    const h = track(await startHarness());
    await h.gql(USERS, { first: 1 });
    const firstToken = h.fake.requests.find((r) => r.route === 'users.list')?.accessToken;
    expect(firstToken).toBeTruthy();

    h.fake.clock.advance(HOUR - 299_000); // 299 s left of 3599 s: inside the 300 s margin
    await h.gql(USERS, { first: 1 });
    expect(h.fake.hits('oauth.token')).toBe(2);
    const listCalls = h.fake.requests.filter((r) => r.route === 'users.list');
    expect(listCalls.at(-1)?.accessToken).not.toBe(firstToken);
    expect(listCalls.every((r) => r.status === 200)).toBe(true);
    expect(h.fake.requests.some((r) => r.tokenKind === 'invalid')).toBe(false);
  });

  it('pages through 1,000 users with first: 100, each user exactly once', async () => {
    const fake = await startFakeZoom({ rateLimits: false, seed: { users: 0 } });
    fakes.push(fake);
    fake.state.seedUsers(1000, { statusMix: { active: 1, inactive: 0, pending: 0 } });
    fake.state.seedUsers(300); // mixed statuses, which the ACTIVE walk must skip
    const h = track(await startHarness({ fake }));
    const active = h.fake.state.users.filter((u) => u.status === 'active').length;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: { data?: UsersData; errors?: unknown } = await h.gql<UsersData>(USERS, { first: 100, after });
      expect(r.errors).toBeUndefined();
      seen.push(...r.data!.users.edges.map((e) => e.node.email));
      after = r.data!.users.pageInfo.hasNextPage ? r.data!.users.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 50);
    expect(active).toBeGreaterThanOrEqual(1000);
    expect(seen).toHaveLength(active);
    expect(new Set(seen).size).toBe(active);
    expect(h.fake.hits('users.list')).toBe(Math.ceil(active / 100));
  });

  it('treats explicit nulls as the contract defaults (ACTIVE, 30)', async () => {
    const h = track(await startHarness());
    const r = await h.gql<UsersData>(USERS, { status: null, first: null });
    expect(r.errors).toBeUndefined();
    expect(r.data?.users.nodes.length).toBe(Math.min(30, h.fake.state.users.filter((u) => u.status === 'active').length));
    expect(h.fake.requests.find((x) => x.route === 'users.list')?.query).toMatchObject({ status: 'active', page_size: '30' });
  });

  it('lists only the requested status (INACTIVE) from a mixed account', async () => {
    const h = track(await startHarness());
    h.fake.state.seedUsers(200);
    const inactive = h.fake.state.users
      .filter((u) => u.status === 'inactive')
      .map((u) => u.email)
      .sort();
    expect(inactive.length).toBeGreaterThan(0);
    const r = await h.gql<UsersData>(USERS, { status: 'INACTIVE', first: 300 });
    expect(r.data?.users.edges.map((e) => e.node.email).sort()).toEqual(inactive);
    expect(r.data?.users.edges.every((e) => e.node.status === 'INACTIVE')).toBe(true);
    expect(r.data?.users.totalCount).toBe(inactive.length);
  });

  it('a 401/124 mid-run drops the token, fetches one new token and the query still succeeds', async () => {
    const h = track(await startHarness());
    await h.gql(USERS, { first: 1 });
    h.fake.knobs.expireAccessTokens();
    const r = await h.gql<UsersData>(USERS, { first: 2 });
    expect(r.errors).toBeUndefined();
    expect(r.data?.users.nodes).toHaveLength(2);
    expect(h.fake.hits('oauth.token')).toBe(2);
    const statuses = h.fake.requests.filter((x) => x.route === 'users.list').map((x) => x.status);
    expect(statuses).toEqual([200, 401, 200]);
  });

  it('me resolves the account owner through S2S and user(id) returns null for an unknown user', async () => {
    const h = track(await startHarness());
    const r = await h.gql<{ me: { email: string }; user: null }>(`{ me { email } user(id: "nobody@example.com") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.email).toMatch(/@/);
    expect(r.data?.user).toBeNull();
  });
});

describe('bad input is rejected before any Zoom call', () => {
  // The GraphQL layer's own refusals keep Apollo's codes; the gateway's checks answer BAD_USER_INPUT.
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['first above 300', USERS, { first: 301 }, 'BAD_USER_INPUT'],
    ['first below 1', USERS, { first: 0 }, 'BAD_USER_INPUT'],
    ['unknown status', USERS, { status: 'DELETED' }, 'BAD_USER_INPUT'],
    ['forged cursor', USERS, { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT'],
    ['unknown field', '{ users { nope } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['syntax error', '{ users { ', {}, 'GRAPHQL_PARSE_FAILED'],
    ['empty user id', '{ user(id: "") { id } }', {}, 'BAD_USER_INPUT'],
  ];
  it.each(cases)('%s → %s, 0 upstream calls', async (_name, query, variables, code) => {
    const h = track(await startHarness());
    const r = await h.gql(query, variables);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    expect(h.fake.hits()).toBe(0);
  });
});

describe('upstream failures become contract errors', () => {
  it('invalid_client at the token endpoint → ZOOM_AUTHORIZATION_FAILED naming the cause, no retry storm', async () => {
    const h = track(await startHarness({ env: { ZOOM_CLIENT_SECRET: 'rotated-away' } }));
    // The gateway reads the fake's clock: frozen, the 1 s back-off after the refusal lasts for the
    // whole test however slowly the 51 requests run, and nothing here depends on the machine's speed.
    h.fake.clock.freeze();
    const results = await Promise.all(Array.from({ length: 50 }, () => h.gql(USERS, { first: 1 })));
    for (const r of results) {
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_AUTHORIZATION_FAILED', reason: 'invalid_client' });
      expect(r.errors?.[0]?.message).toMatch(/ZOOM_CLIENT_SECRET/);
      expect(JSON.stringify(r)).not.toContain('rotated-away');
    }
    await h.gql(USERS, { first: 1 });
    expect(h.fake.hits('oauth.token')).toBe(1);
    expect(h.fake.hits('users.list')).toBe(0);
    // The back-off is a time rule: once it has passed, the next request asks Zoom again.
    h.fake.clock.advance(1_000);
    expect((await h.gql(USERS, { first: 1 })).errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_FAILED');
    expect(h.fake.hits('oauth.token')).toBe(2);
  });

  it('Zoom 500 → ZOOM_UNAVAILABLE after retries, without echoing the body', async () => {
    const h = track(await startHarness());
    h.fake.knobs.fail({ route: 'users.list', status: 500, body: { code: 500, message: 'internal secret detail' }, times: 3 });
    const r = await h.gql(USERS, { first: 1 });
    expect(r.errors?.[0]?.extensions?.code).toBe('ZOOM_UNAVAILABLE');
    expect(JSON.stringify(r)).not.toContain('internal secret detail');
    expect(h.fake.hits('users.list')).toBe(3);
  });

  it('a dropped connection on a read is retried and succeeds', async () => {
    const h = track(await startHarness());
    h.fake.knobs.drop({ route: 'users.list', when: 'before', times: 1 });
    const r = await h.gql<UsersData>(USERS, { first: 1 });
    expect(r.errors).toBeUndefined();
    expect(r.data?.users.nodes).toHaveLength(1);
  });

  it('a malformed Zoom body → ZOOM_UNAVAILABLE, not a crash', async () => {
    const h = track(await startHarness());
    h.fake.knobs.malformed({ route: 'users.get', times: 3 }); // a read is retried twice, then given up
    const r = await h.gql(`{ user(id: "me") { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('ZOOM_UNAVAILABLE');
  });

  it('429 whose Retry-After exceeds the call deadline → ZOOM_RATE_LIMITED with retryAfterSeconds', async () => {
    const h = track(await startHarness());
    h.fake.knobs.fail({
      route: 'users.list',
      status: 429,
      body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' },
      headers: { 'retry-after': '60' },
      times: 1,
    });
    const r = await h.gql(USERS, { first: 1 });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_RATE_LIMITED', retryAfterSeconds: 60 });
  });

  it('marks GraphQL answers as per caller: cache-control no-store', async () => {
    const h = track(await startHarness());
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ credentials { sandbox } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('introspection works for GraphQL IDEs and codegen', async () => {
    const h = track(await startHarness());
    const r = await h.gql<{ __schema: { queryType: { name: string }; types: Array<{ name: string }> } }>(
      `{ __schema { queryType { name } types { name } } }`,
    );
    expect(r.data?.__schema.queryType.name).toBe('Query');
    expect(r.data?.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['User', 'UserConnection', 'UserStatus', 'PageInfo']));
  });
});
