import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { metric } from '../helpers/metrics.js';
import { USER_OAUTH_ENV, bearer, member } from '../helpers/userOAuth.js';

const USERS = 'query ($first: Int) { users(status: ACTIVE, first: $first) { nodes { id email firstName } pageInfo { endCursor } } }';
const SETTINGS = 'query ($id: ID!) { user(id: $id) { id settings { hostVideo } } }';
const RENAME = 'mutation ($id: ID!, $name: String!) { updateUser(id: $id, input: { firstName: $name }) { id firstName } }';
const ON = { ZOOM_CACHE_TTL_SECONDS: '60' };

const { track } = stopAfterEach();

const answers = (h: Harness, result: string) => metric(h.url, 'zgg_answer_cache_total', { result });
type Users = { users: { nodes: Array<{ id: string; firstName: string | null }> } };
const firstNameOf = (r: { data?: Users }, id: string) => r.data?.users.nodes.find((u) => u.id === id)?.firstName;

async function raw(h: Harness, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // Every header but the per-response ones: a kept answer is sent as Apollo sent it.
  const kept = [...res.headers].filter(([name]) => !['date', 'x-request-id', 'content-length'].includes(name));
  return { status: res.status, headers: Object.fromEntries(kept), text: await res.text() };
}

describe('the answer cache (GRAPHQL_ANSWER_CACHE_BYTES)', () => {
  it('answers a repeated query with the same bytes and headers, without Zoom or the read cache, until the TTL', async () => {
    const h = track(await startHarness({ env: ON }));
    const first = await raw(h, { query: USERS, variables: { first: 30 } });
    const second = await raw(h, { query: USERS, variables: { first: 30 } });
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(h.fake.hits('users.list')).toBe(1);
    expect([await answers(h, 'stored'), await answers(h, 'hit')]).toEqual([1, 1]);
    // The hit did not reach the read cache either.
    expect(await metric(h.url, 'zgg_zoom_cache_total', { route: 'users.list', result: 'hit' })).toBe(0);
    expect(await metric(h.url, 'zgg_answer_cache_bytes')).toBeGreaterThan(first.text.length);

    // Other variables are another answer.
    await raw(h, { query: USERS, variables: { first: 29 } });
    expect(h.fake.hits('users.list')).toBe(2);

    // A change made in Zoom itself (no webhook): seen once the TTL has passed (the injected clock), not before.
    const someone = h.fake.state.users.find((u) => u.status === 'active')!;
    someone.first_name = 'Renamed';
    h.fake.clock.advance(59_000);
    expect((await raw(h, { query: USERS, variables: { first: 30 } })).text).toBe(first.text);
    h.fake.clock.advance(1_000);
    const later = await h.gql<Users>(USERS, { first: 30 });
    expect(firstNameOf(later, someone.id)).toBe('Renamed');
    expect(await answers(h, 'stale')).toBe(1);
  });

  it('a change through the gateway ends every answer built on what it changed, at once', async () => {
    const h = track(await startHarness({ env: ON }));
    const someone = h.fake.state.users.find((u) => u.status === 'active')!;
    expect(firstNameOf(await h.gql<Users>(USERS, { first: 30 }), someone.id)).toBe(someone.first_name);
    expect((await h.gql(RENAME, { id: someone.id, name: 'Changed' })).errors).toBeUndefined();
    expect(firstNameOf(await h.gql<Users>(USERS, { first: 30 }), someone.id)).toBe('Changed');
    expect(await answers(h, 'stale')).toBe(1);
    expect(await answers(h, 'hit')).toBe(0);
  });

  it('keeps nothing for a field outside the reviewed list, a mutation, an error or a batch', async () => {
    const h = track(await startHarness({ env: ON }));
    const id = h.fake.state.users.find((u) => u.status === 'active')!.id;
    await h.gql(SETTINGS, { id });
    await h.gql(SETTINGS, { id });
    await h.gql(RENAME, { id, name: 'Once' });
    await h.gql(RENAME, { id, name: 'Once' });
    await h.gql(USERS, { first: 0 }); // BAD_USER_INPUT
    await h.gql(USERS, { first: 0 });
    await raw(h, [{ query: USERS, variables: { first: 30 } }]);
    await raw(h, [{ query: USERS, variables: { first: 30 } }]);
    expect(await answers(h, 'stored')).toBe(0);
    expect(await answers(h, 'hit')).toBe(0);
  });

  it('GRAPHQL_ANSWER_CACHE_BYTES=0 turns it off', async () => {
    const h = track(await startHarness({ env: { ...ON, GRAPHQL_ANSWER_CACHE_BYTES: '0' } }));
    await h.gql(USERS, { first: 30 });
    await h.gql(USERS, { first: 30 });
    expect(await metric(h.url, 'zgg_answer_cache_total')).toBe(0);
    expect(await metric(h.url, 'zgg_zoom_cache_total', { route: 'users.list', result: 'hit' })).toBe(1);
  });
});

describe('who can see a kept answer', () => {
  it('an answer is per caller: another admin builds its own, a user-role caller is refused, a wrong token is 401', async () => {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...ON } }));
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    const otherAdmin = await bearer(h.fake, { sub: 'ops-2', roles: ['admin'] });
    const asUser = await bearer(h.fake, { sub: 'a-app', zoom_user_id: member(h.fake, 0).id, roles: ['user'] });
    const answer = await raw(h, { query: USERS, variables: { first: 30 } }, admin);
    expect((await raw(h, { query: USERS, variables: { first: 30 } }, admin)).text).toBe(answer.text);
    expect(await answers(h, 'hit')).toBe(1);

    expect((await raw(h, { query: USERS, variables: { first: 30 } }, otherAdmin)).text).toBe(answer.text);
    expect(await answers(h, 'hit')).toBe(1);

    const refused = JSON.parse((await raw(h, { query: USERS, variables: { first: 30 } }, asUser)).text) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await raw(h, { query: USERS, variables: { first: 30 } }, { authorization: 'Bearer forged.token.here' })).status).toBe(401);
    expect((await raw(h, { query: USERS, variables: { first: 30 } })).status).toBe(401);
    expect(await answers(h, 'hit')).toBe(1);
  });

  it("a user-role caller cannot read another user's answer an admin built, and gets its own user from its own key", async () => {
    const h = track(await startHarness({ env: { ...USER_OAUTH_ENV, ...ON } }));
    const [a, b] = [member(h.fake, 0), member(h.fake, 1)];
    const USER = 'query ($id: ID!) { user(id: $id) { id email } }';
    const admin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
    const asA = await bearer(h.fake, { sub: 'a-app', zoom_user_id: a.id, roles: ['user'] });
    for (let i = 0; i < 2; i++) expect((await raw(h, { query: USER, variables: { id: b.id } }, admin)).status).toBe(200);
    expect(await answers(h, 'hit')).toBe(1);
    const other = JSON.parse((await raw(h, { query: USER, variables: { id: b.id } }, asA)).text) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = JSON.parse((await raw(h, { query: USER, variables: { id: a.id } }, asA)).text) as { data?: { user: { id: string } } };
    expect(own.data?.user.id).toBe(a.id);
    expect(await answers(h, 'hit')).toBe(1);
  });

  it('malformed or repeated-with-a-twist bodies are never answered from it', async () => {
    const h = track(await startHarness({ env: ON }));
    const body = { query: USERS, variables: { first: 30 } };
    await raw(h, body);
    await raw(h, body);
    expect(await answers(h, 'hit')).toBe(1);
    // Apollo refuses these (or checks the hash); the kept answer must not stand in for its refusal.
    const refusals = [
      { ...body, operationName: 7 },
      { ...body, operationName: 'Other' },
      { ...body, variables: { first: 'thirty' } },
      { ...body, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
    ];
    for (const wrong of refusals) {
      const res = await raw(h, wrong);
      expect(res.text, JSON.stringify(wrong)).toContain('"errors"');
    }
    expect(await answers(h, 'hit')).toBe(1);
  });
});
