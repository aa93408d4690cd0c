import { createHash } from 'node:crypto';
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { buildSchema, isObjectType, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom, type ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { MeDocument, UsersDocument } from '../operations/generated/graphql.js';

/**
 * The clients frontend teams use, unmodified, against the gateway and the fake Zoom: Apollo Client
 * with a normalised cache and Relay pagination, and urql with its defaults (short queries as GET).
 */
const ADMIN_KEY = 'clients-admin-key-0123456789abcdef';
const USER_KEY = 'clients-user-key-0123456789abcdefg';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let fake: FakeZoom;
let h: Harness;
let member: ZoomUser;
let active: string[];

beforeAll(async () => {
  fake = await startFakeZoom({ rateLimits: false });
  member = fake.state.users.find((u) => u.status === 'active' && u.id !== fake.state.owner.id)!;
  active = fake.state.users.filter((u) => u.status === 'active').map((u) => u.id);
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

/**
 * The key arguments of every paginated field: all of its arguments but the cursor ones, so a list
 * filtered differently (users by roleId, meetings by from/to) is never merged into another.
 * The client documentation shows the same policies.
 */
const KEY_ARGS = {
  Query: { users: ['status', 'roleId'], meetings: ['userId', 'type', 'from', 'to'], webinars: ['userId'] },
  User: { meetings: ['type'], recordings: ['from', 'to'], webinars: false },
  Meeting: { registrants: ['status'] },
  Webinar: { registrants: ['status'] },
  PastMeeting: { participants: false },
  PastWebinar: { participants: false, absentees: false },
  Role: { members: false },
} as const;
const TYPE_POLICIES = Object.fromEntries(
  Object.entries(KEY_ARGS).map(([type, fields]) => [
    type,
    {
      fields: Object.fromEntries(
        Object.entries(fields).map(([field, keys]) => [field, relayStylePagination(keys === false ? false : [...keys])]),
      ),
    },
  ]),
);

const apollo = (key: string) =>
  new ApolloClient({
    link: new HttpLink({ uri: `${h.url}/graphql`, headers: { authorization: `Bearer ${key}` } }),
    cache: new InMemoryCache({ typePolicies: TYPE_POLICIES }),
  });

describe('cache key arguments', () => {
  it('name every argument of every Relay connection field but first/after/last/before', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    const expected: Record<string, Record<string, string[] | false>> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const args = field.args.map((a) => a.name);
        if (!args.includes('after') || !/Connection!?$/.test(String(field.type))) continue;
        const keys = args.filter((a) => !['first', 'after', 'last', 'before'].includes(a)).sort();
        (expected[type.name] ??= {})[field.name] = keys.length > 0 ? keys : false;
      }
    }
    const documented = Object.fromEntries(
      Object.entries(KEY_ARGS).map(([type, fields]) => [
        type,
        Object.fromEntries(Object.entries(fields).map(([f, k]) => [f, k === false ? false : [...k].sort()])),
      ]),
    );
    expect(documented).toEqual(expected);
  });

  it('users filtered by roleId and unfiltered stay two lists in the cache', async () => {
    const client = apollo(ADMIN_KEY);
    try {
      const USERS_BY_ROLE = parse(
        'query ByRole($roleId: String) { users(first: 50, roleId: $roleId) { edges { cursor node { id roleId } } pageInfo { hasNextPage endCursor } } }',
      );
      const all = await client.query({ query: USERS_BY_ROLE, variables: {} });
      const members = await client.query({ query: USERS_BY_ROLE, variables: { roleId: '2' } });
      type Page = { users: { edges: Array<{ node: { id: string; roleId: string } }> } };
      const ids = (r: { data?: unknown }) => (r.data as Page).users.edges.map((e) => e.node.id);
      expect(ids(members).length).toBeGreaterThan(0);
      expect(ids(members).length).toBeLessThan(ids(all).length);
      // Read back from the cache: each list is still what its own query returned.
      expect(ids({ data: client.readQuery({ query: USERS_BY_ROLE, variables: {} }) })).toEqual(ids(all));
      expect(ids({ data: client.readQuery({ query: USERS_BY_ROLE, variables: { roleId: '2' } }) })).toEqual(ids(members));
    } finally {
      client.stop();
    }
  });
});

describe('Apollo Client 4 (InMemoryCache, relayStylePagination)', () => {
  it('pages through every active user with fetchMore; the cache merges the pages and normalises users as User:<id>', async () => {
    const client = apollo(ADMIN_KEY);
    const query = client.watchQuery({ query: UsersDocument, variables: { first: 4 } });
    const subscription = query.subscribe(() => {});
    try {
      const first = await firstValueFrom(query.pipe(filter((r) => r.dataState === 'complete')));
      expect(first.data.users?.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: first.data.users?.edges[0]?.cursor });
      let pageInfo = first.data.users!.pageInfo;
      for (let guard = 0; pageInfo.hasNextPage && guard < 100; guard++) {
        const more = await query.fetchMore({ variables: { after: pageInfo.endCursor } });
        expect(more.data?.users?.pageInfo.hasPreviousPage).toBe(true);
        pageInfo = more.data!.users!.pageInfo;
      }
      // What the watching component renders next: the pages merged in the cache.
      const merged = client.readQuery({ query: UsersDocument, variables: { first: 4 } })!.users!;
      expect(merged.edges.map((e) => e.node.id).sort()).toEqual([...active].sort());
      expect(merged.totalCount).toBe(active.length);
      // relayStylePagination keeps the first page's start and the last page's end.
      expect(merged.pageInfo).toMatchObject({
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: first.data.users!.pageInfo.startCursor,
      });

      const cache = client.cache.extract() as NormalizedCacheObject;
      for (const id of active) expect(cache[`User:${id}`], id).toMatchObject({ __typename: 'User', id });
      expect(client.cache.identify({ __typename: 'User', id: member.id })).toBe(`User:${member.id}`);
    } finally {
      subscription.unsubscribe();
      client.stop();
    }
  });

  it('sees error codes, and partial results with errorPolicy "all": me arrives, FORBIDDEN at users', async () => {
    const client = apollo(USER_KEY);
    try {
      const partial = await client.query({ query: PARTIAL_APOLLO, errorPolicy: 'all' });
      expect(partial.data).toMatchObject({ me: { id: member.id }, users: null });
      expect(CombinedGraphQLErrors.is(partial.error)).toBe(true);
      const errors = (partial.error as CombinedGraphQLErrors).errors;
      expect(errors.map((e) => [e.path, e.extensions?.code])).toEqual([[['users'], 'FORBIDDEN']]);
      // The user arrived whole: it is in the cache under its Zoom id.
      expect((client.cache.extract() as NormalizedCacheObject)[`User:${member.id}`]).toMatchObject({ id: member.id });

      const me = await client.query({ query: MeDocument });
      expect(me.data?.me?.id).toBe(member.id);

      const bad = await client.query({ query: BAD_INPUT_APOLLO, errorPolicy: 'all' });
      expect((bad.error as CombinedGraphQLErrors).errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      client.stop();
    }
  });
});

const PARTIAL = '{ me { id } users { totalCount } }';
const BAD_INPUT = '{ user(id: "") { id } }';
const PARTIAL_APOLLO = parse(PARTIAL);
const BAD_INPUT_APOLLO = parse(BAD_INPUT);

const USERS_URQL = gql`
  query ($first: Int, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
      }
    }
  }
`;

/** urql with its defaults, recording the HTTP method of each request it sends. */
function urql(url: string, headers: Record<string, string>, opts: { preferGetMethod?: false } = {}) {
  const methods: string[] = [];
  const client = new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers },
    ...opts,
    fetch: (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
  return { client, methods };
}

describe('urql 6 (defaults: short queries as GET)', () => {
  it('pages users by cursor over GET with the caller credential and no preflight header', async () => {
    const { client, methods } = urql(`${h.url}/graphql`, { authorization: `Bearer ${ADMIN_KEY}` });
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const r = await client.query(USERS_URQL, { first: 5, after }).toPromise();
      expect(r.error).toBeUndefined();
      const users = r.data.users as {
        nodes: Array<{ id: string }>;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
      };
      expect(users.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...users.nodes.map((n) => n.id));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual([...active].sort());
    expect(new Set(methods)).toEqual(new Set(['GET']));
  });

  it('sees error codes and partial results: me arrives, FORBIDDEN at users', async () => {
    const { client } = urql(`${h.url}/graphql`, { 'x-api-key': USER_KEY });
    const r = await client.query(PARTIAL, {}).toPromise();
    expect(r.data).toEqual({ me: { __typename: 'User', id: member.id }, users: null });
    expect(r.error?.graphQLErrors.map((e) => [e.path, e.extensions.code])).toEqual([[['users'], 'FORBIDDEN']]);
    const bad = await client.query(BAD_INPUT, {}).toPromise();
    expect(bad.error?.graphQLErrors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('against a gateway outside sandbox mode that needs no credential (GATEWAY_AUTH=none), preferGetMethod: false is what makes it work', async () => {
    const open = await startHarness({ fake });
    try {
      const byGet = urql(`${open.url}/graphql`, {});
      const refused = await byGet.client.query(PARTIAL, {}).toPromise();
      expect(byGet.methods).toEqual(['GET']);
      expect(refused.data).toBeUndefined();
      expect(refused.error?.message).toMatch(/Cross-Site Request Forgery/);

      const byPost = urql(`${open.url}/graphql`, {}, { preferGetMethod: false });
      const ok = await byPost.client.query(PARTIAL, {}).toPromise();
      expect(byPost.methods).toEqual(['POST']);
      expect(ok.error).toBeUndefined();
      expect(ok.data).toMatchObject({ me: { id: fake.state.owner.id }, users: { totalCount: active.length } });
    } finally {
      await open.stop();
    }
  });
});
