import { getNamedType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AnswerCache, type AnswerCacheResult } from '../../src/graphql/answers/answerCache.js';
import { CACHEABLE_FIELDS, isCacheable } from '../../src/graphql/answers/cacheable.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { ReadLog } from '../../src/zoom/readLog.js';
import { manualClock } from '../helpers/stores.js';

const principal = { id: 'ops', roles: ['admin' as const] };

function setup(maxBytes = 10_000, ttlSeconds = 60) {
  const clock = manualClock();
  const current = new Map<string, string>();
  let storeDown = false;
  const seen: AnswerCacheResult[] = [];
  const cache = new AnswerCache({
    maxBytes,
    ttlSeconds,
    clock,
    versions: async (tags) => (storeDown ? null : tags.map((t) => current.get(t) ?? '0')),
    observe: (r) => seen.push(r),
  });
  const keep = (key: string, tags: string[], body: string, expiresAt = clock.now() + ttlSeconds * 1000) => {
    const log = new ReadLog();
    log.read(
      tags,
      tags.map((t) => current.get(t) ?? '0'),
      expiresAt,
    );
    cache.set(key, log, body, 'application/json');
  };
  return { clock, current, cache, seen, keep, down: (d: boolean) => void (storeDown = d) };
}

describe('AnswerCache', () => {
  it('serves an answer while its versions are current, and never again once one changed', async () => {
    const { cache, current, keep } = setup();
    const key = cache.keyOf({ principal, query: '{ users { nodes { id } } }', operationName: undefined, variables: {}, accept: undefined });
    keep(key, ['userlists'], '{"data":1}');
    expect((await cache.get(key))?.body).toBe('{"data":1}');
    current.set('userlists', 'bumped');
    expect(await cache.get(key)).toBeUndefined();
    current.set('userlists', '0');
    // Forgotten, not only hidden: the old version coming back does not revive it.
    expect(await cache.get(key)).toBeUndefined();
  });

  it('ends an answer when the earliest read it was built from expires (injected clock), within the TTL', async () => {
    const { cache, clock, keep } = setup();
    keep('a', ['userlists'], 'A', clock.now() + 10_000);
    keep('b', [], 'B');
    clock.advance(9_999);
    expect((await cache.get('a'))?.body).toBe('A');
    clock.advance(1);
    expect(await cache.get('a')).toBeUndefined();
    clock.advance(50_000 - 1);
    expect((await cache.get('b'))?.body).toBe('B');
    clock.advance(1);
    expect(await cache.get('b')).toBeUndefined();
  });

  it('keeps nothing for a spoiled request, or for reads that saw one tag at two versions', async () => {
    const { cache, clock } = setup();
    const spoiled = new ReadLog();
    spoiled.read(['userlists'], ['1'], clock.now() + 1000);
    spoiled.spoil('a write');
    cache.set('k', spoiled, 'x', 'application/json');
    const torn = new ReadLog();
    torn.read(['userlists'], ['1'], clock.now() + 1000);
    torn.read(['userlists'], ['2'], clock.now() + 1000);
    cache.set('k', torn, 'x', 'application/json');
    expect(cache.size).toBe(0);
  });

  it('a store that cannot say answers nothing from the cache, and the answer is there again once it can', async () => {
    const { cache, keep, down } = setup();
    keep('k', ['userlists'], 'A');
    down(true);
    expect(await cache.get('k')).toBeUndefined();
    down(false);
    expect((await cache.get('k'))?.body).toBe('A');
  });

  it('holds at most maxBytes, dropping the least recently used first', async () => {
    const { cache, keep } = setup(3 * (1000 + 256 + 1));
    for (const k of ['a', 'b', 'c']) keep(k, [], 'x'.repeat(1000));
    expect(cache.size).toBe(3);
    await cache.get('a'); // a is now the most recent
    keep('d', [], 'x'.repeat(1000));
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBeLessThanOrEqual(3 * (1000 + 256 + 1));
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.body).toHaveLength(1000);
    keep('huge', [], 'x'.repeat(10_000));
    expect(await cache.get('huge')).toBeUndefined();
  });

  it('keys answers by the whole caller, the operation, its variables and Accept', () => {
    const { cache } = setup();
    const base = { principal, query: '{ me { id } }', operationName: undefined, variables: { a: 1 }, accept: undefined };
    const keys = new Set([
      cache.keyOf(base),
      cache.keyOf({ ...base, principal: { ...principal, id: 'other' } }),
      cache.keyOf({ ...base, principal: { ...principal, roles: ['user' as const] } }),
      cache.keyOf({ ...base, principal: { ...principal, zoomUserId: 'u1' } }),
      cache.keyOf({ ...base, variables: { a: 2 } }),
      cache.keyOf({ ...base, operationName: 'Me' }),
      cache.keyOf({ ...base, accept: 'application/graphql-response+json' }),
      cache.keyOf({ ...base, query: '{ me { id email } }' }),
    ]);
    expect(keys.size).toBe(8);
  });
});

describe('isCacheable', () => {
  it('admits queries over the reviewed fields only, through fragments too', async () => {
    const schema = await buildGatewaySchema();
    const ok = (q: string, name?: string) => isCacheable(schema, parse(q), name);
    expect(ok('{ users(first: 30) { totalCount pageInfo { endCursor } nodes { id email createdAt __typename } } }')).toBe(true);
    expect(ok('query Q($x: Boolean!) { me { id ...F @include(if: $x) } } fragment F on User { email }')).toBe(true);
    expect(ok('{ me { id settings { hostVideo } } }')).toBe(false);
    expect(ok('{ me { id recordings { totalCount } } }')).toBe(false);
    expect(ok('{ me { meetings { nodes { id } } } }')).toBe(false);
    expect(ok('{ me { ...F } } fragment F on User { webinars { totalCount } }')).toBe(false);
    expect(ok('{ credentials { readCache { enabled } } }')).toBe(false);
    expect(ok('mutation { invalidateZak(userId: "x") }')).toBe(false);
    expect(ok('query A { me { id } } query B { credentials { readCache { enabled } } }', 'A')).toBe(true);
    expect(ok('query A { me { id } } query B { credentials { readCache { enabled } } }', 'B')).toBe(false);
    expect(ok('query A { me { id } } query B { me { id } }')).toBe(false); // which one runs is Apollo's to refuse
  });

  it('lists fields that exist, and only fields whose types it lists or that are leaves', async () => {
    const schema = await buildGatewaySchema();
    const listedTypes = new Set([...CACHEABLE_FIELDS].map((c) => c.split('.')[0]!));
    for (const coordinate of CACHEABLE_FIELDS) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type), coordinate).toBe(true);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect(field, coordinate).toBeDefined();
      const returned = getNamedType(field!.type);
      if (isObjectType(returned)) expect(listedTypes.has(returned.name), coordinate).toBe(true);
    }
  });
});
