import type { Config } from '../config.js';

/**
 * A page served from this machine on any port (`http://localhost:5173`, `https://127.0.0.1:3000`,
 * `http://[::1]:8080`): the whole origin must match, so `http://localhost.evil.com` does not.
 */
export const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/**
 * The origins CORS allows: CORS_ORIGINS as configured and, in sandbox mode, also every loopback
 * origin, so a frontend's dev server works out of the box. Outside sandbox mode the list is
 * exactly CORS_ORIGINS; null = no CORS headers.
 */
export function corsOrigins(config: Pick<Config, 'corsOrigins' | 'sandbox'>): Array<string | RegExp> | '*' | null {
  if (config.corsOrigins?.[0] === '*') return '*';
  if (!config.sandbox) return config.corsOrigins;
  return [...(config.corsOrigins ?? []), LOOPBACK_ORIGIN];
}
