import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

// Apollo Client's own persisted-queries link against two replicas sharing a SQLite store: the
// gateway's "not found" answer (BAD_USER_INPUT, reason PERSISTED_QUERY_NOT_FOUND) makes the
// client send the text once, and the other replica then runs the hash alone.
const { track, fakes } = stopAfterEach();
const dir = mkdtempSync(join(tmpdir(), 'zgg-apq-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** An Apollo Client for one replica, recording the body of every request it sends. */
function clientFor(url: string) {
  const sent: Array<{ query?: string; extensions?: unknown }> = [];
  const recording: typeof fetch = async (input, init) => {
    sent.push(JSON.parse(String(init?.body)) as { query?: string });
    return fetch(input, init);
  };
  const link = new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: `${url}/graphql`, fetch: recording }));
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), sent };
}

describe('Apollo Client with automatic persisted queries, across replicas', () => {
  it('registers the text once through replica A; replica B answers the hash alone', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = { CACHE_URL: `sqlite://${join(dir, 'shared.sqlite')}`, CACHE_NAMESPACE: uniqueNamespace('apq-client') };
    const a = track(await startHarness({ fake, env }));
    const b = track(await startHarness({ fake, env }));
    const query = gql`
      query Owner {
        me {
          id
          email
        }
      }
    `;

    const onA = clientFor(a.url);
    const first = await onA.client.query({ query, fetchPolicy: 'no-cache' });
    expect(first.data).toMatchObject({ me: { email: fake.state.owner.email } });
    // Hash alone, "not found", then the text with its hash.
    expect(onA.sent.map((s) => s.query !== undefined)).toEqual([false, true]);

    const onB = clientFor(b.url);
    const second = await onB.client.query({ query, fetchPolicy: 'no-cache' });
    expect(second.data).toEqual(first.data);
    expect(onB.sent.map((s) => s.query !== undefined)).toEqual([false]);
  });
});
