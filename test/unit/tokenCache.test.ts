import { describe, expect, it } from 'vitest';
import { TokenEndpointError } from '../../src/tokens/oauthClient.js';
import { TokenCache } from '../../src/tokens/tokenCache.js';
import type { TokenRecord } from '../../src/tokens/tokenRecord.js';
import { manualClock, memoryStore, silent } from '../helpers/stores.js';

const HOUR = 3_600_000;
const MARGIN = 300_000;

function setup() {
  const clock = manualClock();
  const { store, keyv } = memoryStore();
  const cache = new TokenCache({ store, clock, marginMs: MARGIN, logger: silent });
  let n = 0;
  const fetch = async (): Promise<TokenRecord> => {
    n++;
    const sentAt = clock.now();
    await new Promise((r) => setTimeout(r, 5));
    return { accessToken: `tok-${n}`, expiresAt: sentAt + HOUR, obtainedAt: sentAt, scopes: ['a'] };
  };
  return { clock, store, keyv, cache, fetch, fetches: () => n };
}

describe('TokenCache lifecycle', () => {
  it('500 concurrent cold gets share one fetch', async () => {
    const t = setup();
    const got = await Promise.all(Array.from({ length: 500 }, () => t.cache.get('k', t.fetch)));
    expect(t.fetches()).toBe(1);
    expect(new Set(got.map((r) => r.accessToken))).toEqual(new Set(['tok-1']));
  });

  it('serves a token only while more than the margin remains, then fetches once', async () => {
    const t = setup();
    await t.cache.get('k', t.fetch);
    t.clock.advance(HOUR - MARGIN - 1);
    expect((await t.cache.get('k', t.fetch)).accessToken).toBe('tok-1');
    t.clock.advance(1);
    const all = await Promise.all(Array.from({ length: 50 }, () => t.cache.get('k', t.fetch)));
    expect(all.every((r) => r.accessToken === 'tok-2')).toBe(true);
    expect(t.fetches()).toBe(2);
  });

  it('keeps tokens encrypted in the store and a second cache instance reads them (restart)', async () => {
    const t = setup();
    await t.cache.get('k', t.fetch);
    const raw = await t.keyv.get('k');
    expect(typeof raw).toBe('string');
    expect(String(raw)).not.toContain('tok-1');
    const restarted = new TokenCache({ store: t.store, clock: t.clock, marginMs: MARGIN, logger: silent });
    expect((await restarted.get('k', t.fetch)).accessToken).toBe('tok-1');
    expect(t.fetches()).toBe(1);
  });

  it('invalidate drops only the rejected token, never a newer one', async () => {
    const t = setup();
    const first = await t.cache.get('k', t.fetch);
    await t.cache.invalidate('k', first);
    const second = await t.cache.get('k', t.fetch);
    expect(second.accessToken).toBe('tok-2');
    await t.cache.invalidate('k', first); // a late report about the old token
    expect((await t.cache.get('k', t.fetch)).accessToken).toBe('tok-2');
    expect(t.fetches()).toBe(2);
  });

  it('keeps serving a not-yet-expired token while the token endpoint is down, and backs off', async () => {
    const t = setup();
    await t.cache.get('k', t.fetch);
    t.clock.advance(HOUR - MARGIN + 1000); // inside the margin, not expired
    let attempts = 0;
    const down = async (): Promise<TokenRecord> => {
      attempts++;
      throw new TokenEndpointError(503, 'unavailable', 'HTTP 503');
    };
    const served = await Promise.all(Array.from({ length: 20 }, () => t.cache.get('k', down)));
    expect(served.every((r) => r.accessToken === 'tok-1')).toBe(true);
    await t.cache.get('k', down); // inside the backoff window: no new attempt
    expect(attempts).toBe(1);
    t.clock.advance(MARGIN); // now truly expired
    await expect(t.cache.get('k', down)).rejects.toThrow(/unavailable/);
  });

  it('a rejected credential (invalid_client) fails fast during backoff instead of storming Zoom', async () => {
    const t = setup();
    let attempts = 0;
    const refused = async (): Promise<TokenRecord> => {
      attempts++;
      throw new TokenEndpointError(400, 'invalid_client', 'Invalid client_id or client_secret');
    };
    for (let i = 0; i < 10; i++) await expect(t.cache.get('k', refused)).rejects.toThrow(/invalid_client/);
    expect(attempts).toBe(1);
    t.clock.advance(1000);
    await expect(t.cache.get('k', refused)).rejects.toThrow(/invalid_client/);
    expect(attempts).toBe(2);
  });
});
