import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configProblems } from '../helpers/config.js';

const problems = configProblems;

describe('CACHE_LOCK_TTL_MS', () => {
  it('defaults to 8000 ms (below the 10 s lock wait) and accepts a whole number of milliseconds', () => {
    expect(loadConfig({}).cacheLockTtlMs).toBe(8_000);
    expect(loadConfig({ CACHE_LOCK_TTL_MS: '1500' }).cacheLockTtlMs).toBe(1500);
    expect(loadConfig({ CACHE_LOCK_TTL_MS: ' ' }).cacheLockTtlMs).toBe(8_000); // blank = unset
  });

  it.each([
    ['0', 'shorter than a renewal round trip: a live holder would lose its lock'],
    ['499', 'below the 500 ms floor'],
    ['300001', 'above the 5 minute ceiling: survivors would wait that long for a dead holder'],
    ['1.5', 'not whole milliseconds'],
    ['15s', 'a unit suffix'],
  ])('refuses %s (%s), naming the variable and the accepted range', (value) => {
    expect(problems({ CACHE_LOCK_TTL_MS: value })).toEqual([
      `CACHE_LOCK_TTL_MS: expected a whole number from 500 to 300000, got "${value}"`,
    ]);
  });
});
