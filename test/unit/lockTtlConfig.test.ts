import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('CACHE_LOCK_TTL_MS', () => {
  it('defaults to 15000 ms and accepts a whole number of milliseconds', () => {
    expect(loadConfig({}).cacheLockTtlMs).toBe(15_000);
    expect(loadConfig({ CACHE_LOCK_TTL_MS: '1500' }).cacheLockTtlMs).toBe(1500);
    expect(loadConfig({ CACHE_LOCK_TTL_MS: ' ' }).cacheLockTtlMs).toBe(15_000); // blank = unset
  });

  it.each([
    ['0', 'shorter than a renewal round trip: a live holder would lose its lock'],
    ['499', 'below the 500 ms floor'],
    ['300001', 'above the 5 minute ceiling: survivors would wait that long for a dead holder'],
    ['1.5', 'not whole milliseconds'],
    ['15s', 'a unit suffix'],
  ])('refuses %s (%s), naming the variable and the accepted range', (value) => {
    expect(problems({ CACHE_LOCK_TTL_MS: value })).toEqual([`CACHE_LOCK_TTL_MS: expected a whole number from 500 to 300000, got "${value}"`]);
  });
});
