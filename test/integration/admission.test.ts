import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

const USERS = '{ users(first: 2) { nodes { id } } }';

describe('GRAPHQL_MAX_INFLIGHT bounds the GraphQL requests worked on at once', () => {
  const { track } = stopAfterEach();

  it('with 2 slots and Zoom holding users.list, 6 concurrent queries reach Zoom 2 at a time, and all succeed', async () => {
    const h = track(await startHarness({ env: { GRAPHQL_MAX_INFLIGHT: '2' } }));
    const hold = h.fake.knobs.hold('users.list');
    // Six different queries: identical ones in flight together would be one Zoom call.
    const all = Array.from({ length: 6 }, (_, i) => h.gql(`{ users(first: ${i + 1}) { nodes { id } } }`));
    await hold.whenWaiting(2);
    // The other four wait at the gateway, before anything runs for them: Zoom sees only two.
    await new Promise((r) => setTimeout(r, 200));
    expect(hold.waiting()).toBe(2);
    hold.release();
    const results = await Promise.all(all);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(h.fake.hits('users.list')).toBe(6);
  });

  it('a request that waited the whole Zoom deadline for a slot gets 503 GATEWAY_BUSY with Retry-After, and nothing reached Zoom for it', async () => {
    const h = track(await startHarness({ env: { GRAPHQL_MAX_INFLIGHT: '1', ZOOM_REQUEST_DEADLINE_MS: '1000' } }));
    // A cursor minted with first: 1 keeps Zoom's page size 1, so first: 3 after it takes three
    // sequential Zoom calls; at 700 ms each (each within the 1 s deadline) the only slot stays
    // taken for about 2 s, longer than a waiter may wait.
    const page = await h.gql<{ users: { pageInfo: { endCursor: string } } }>('{ users(first: 1) { pageInfo { endCursor } } }');
    const cursor = page.data!.users.pageInfo.endCursor;
    h.fake.knobs.latency(700, 'users.list');
    const before = h.fake.hits('users.list');
    const first = h.gql<{ users: { nodes: unknown[] } }>('query ($c: String) { users(first: 3, after: $c) { nodes { id } } }', {
      c: cursor,
    });
    while (h.fake.hits('users.list') === before) await new Promise((r) => setTimeout(r, 10));
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: USERS }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toEqual({ code: 'GATEWAY_BUSY', retryAfterSeconds: 1 });
    expect(body.errors[0]?.message).toMatch(/GRAPHQL_MAX_INFLIGHT/);
    expect(h.fake.hits('users.list')).toBeLessThanOrEqual(before + 2);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/^zgg_graphql_busy_total 1$/m);
    expect(metrics).toMatch(/^zgg_graphql_requests_inflight 1$/m);
    expect(metrics).toMatch(/^zgg_graphql_requests_waiting 0$/m);
    const served = await first;
    expect(served.errors).toBeUndefined();
    expect(served.data?.users.nodes).toHaveLength(3);
    expect(h.fake.hits('users.list')).toBe(before + 3);
    // The slot is free again.
    expect((await h.gql(USERS)).status).toBe(200);
  });

  it('a client that gives up while waiting frees its place: the next request is served', async () => {
    const h = track(await startHarness({ env: { GRAPHQL_MAX_INFLIGHT: '1' } }));
    const hold = h.fake.knobs.hold('users.list');
    const first = h.gql(USERS);
    await hold.whenWaiting(1);
    const gaveUp = fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: USERS }),
      signal: AbortSignal.timeout(100),
    });
    await expect(gaveUp).rejects.toThrow();
    // Give the gateway time to see the closed connection before the slot frees up.
    await new Promise((r) => setTimeout(r, 300));
    hold.release();
    expect((await first).status).toBe(200);
    expect((await h.gql(USERS)).status).toBe(200);
    expect(h.fake.hits('users.list')).toBe(2);
  });
});
