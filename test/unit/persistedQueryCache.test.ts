import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeKeys } from '../../src/store/keys.js';
import { PersistedQueryCache } from '../../src/store/persistedQueryCache.js';
import { memoryStore, silent } from '../helpers/stores.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Apollo hands the cache its own prefixed keys.
const key = (text: string) => `apq:${sha256(text)}`;

describe('the persisted query cache', () => {
  it('keeps texts in the store under apq:<sha256>, with the TTL Apollo passes, and reads them back in another process', async () => {
    const { store, keyv } = memoryStore();
    const a = new PersistedQueryCache(store, silent);
    await a.set(key('{ me { id } }'), '{ me { id } }', { ttl: 60 });
    expect(await store.get(storeKeys.persistedQuery(sha256('{ me { id } }')))).toBe('{ me { id } }');
    // Sealed at rest like everything else in the store.
    expect(JSON.stringify([...(keyv.store as Map<string, unknown>).values()])).not.toContain('me { id }');
    expect(await new PersistedQueryCache(store, silent).get(key('{ me { id } }'))).toBe('{ me { id } }');
  });

  it('never touches the store for a hash that is not 64 lower-case hex digits', async () => {
    const { store } = memoryStore();
    const cache = new PersistedQueryCache(store, silent);
    for (const bad of ['apq:', 'apq:../x', `apq:${'A'.repeat(64)}`, `apq:${'a'.repeat(65)}`, `apq:${'x'.repeat(100_000)}`]) {
      await cache.set(bad, '{ __typename }');
      expect(await cache.get(bad)).toBeUndefined();
    }
  });

  it('keeps at most maxChars of recent texts in process; older ones come back from the store', async () => {
    const { store } = memoryStore();
    const cache = new PersistedQueryCache(store, silent, 40);
    const texts = ['{ a: __typename }', '{ b: __typename }', '{ c: __typename }'];
    for (const t of texts) await cache.set(key(t), t);
    await store.delete(storeKeys.persistedQuery(sha256(texts[0]!)));
    await store.delete(storeKeys.persistedQuery(sha256(texts[2]!)));
    // The first was evicted from memory and is gone from the store; the last is still in memory.
    expect(await cache.get(key(texts[0]!))).toBeUndefined();
    expect(await cache.get(key(texts[2]!))).toBe(texts[2]);
  });
});
