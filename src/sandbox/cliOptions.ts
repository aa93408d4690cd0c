import type { FakeZoomOptions } from './options.js';

export type CliEnv = Record<string, string | undefined>;

/**
 * Options for `cli.ts` from environment variables: FAKE_ZOOM_PORT, FAKE_ZOOM_HOST,
 * FAKE_ZOOM_PLAN (free|pro|business), FAKE_ZOOM_USERS, FAKE_ZOOM_SEED, FAKE_ZOOM_RATE_LIMITS (0/1).
 * Reports every bad variable at once.
 */
export function cliOptionsFromEnv(env: CliEnv): FakeZoomOptions {
  const problems: string[] = [];
  const int = (name: string, min: number, max: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer ${min}..${max} (got "${raw}")`);
    return n;
  };
  const port = int('FAKE_ZOOM_PORT', 0, 65535);
  const users = int('FAKE_ZOOM_USERS', 1, 1_000_000);
  const seed = int('FAKE_ZOOM_SEED', 0, 2 ** 32 - 1);
  const plan = env.FAKE_ZOOM_PLAN || undefined;
  if (plan !== undefined && plan !== 'free' && plan !== 'pro' && plan !== 'business') {
    problems.push(`FAKE_ZOOM_PLAN must be free, pro or business (got "${plan}")`);
  }
  const limits = env.FAKE_ZOOM_RATE_LIMITS;
  if (limits !== undefined && limits !== '' && limits !== '0' && limits !== '1') problems.push('FAKE_ZOOM_RATE_LIMITS must be 0 or 1');
  if (problems.length > 0) throw new Error(`invalid fake Zoom configuration:\n  ${problems.join('\n  ')}`);
  return {
    host: env.FAKE_ZOOM_HOST || undefined,
    port,
    plan: plan as FakeZoomOptions['plan'],
    rateLimits: limits === undefined || limits === '' ? undefined : limits === '1',
    seed: { users, seed },
  };
}
