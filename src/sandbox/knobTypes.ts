import type { HoldHandle } from './hold.js';
import type { RouteName } from './routes.js';

export interface FailRule {
  route: RouteName;
  status: number;
  /** A string is sent verbatim (e.g. malformed JSON); anything else as JSON. Default: a Zoom-shaped error. */
  body?: unknown;
  headers?: Record<string, string>;
  /** @default 1 */
  times?: number;
}

export interface DropRule {
  route: RouteName;
  /** `after`: the request is fully processed (a refresh token IS rotated), then the socket dies. */
  when: 'before' | 'after';
  /** @default 1 */
  times?: number;
}

export interface MalformedRule {
  route: RouteName;
  /** @default 1 */
  times?: number;
}

/** Fault injection and account events. `reset()` undoes every knob (not state changes). */
export interface FakeKnobs {
  /** Fixed delay before processing, for every route or one. `0` clears it. */
  latency(ms: number, route?: RouteName): void;
  /** The next `times` requests to `route` get this answer instead of being processed. */
  fail(rule: FailRule): void;
  /** Destroy the socket without answering, before or after processing. */
  drop(rule: DropRule): void;
  /** The next `times` requests to `route` get 200 with a truncated JSON body; not processed. */
  malformed(rule: MalformedRule): void;
  /** Requests to `route` wait until released; a client that leaves meanwhile is not processed. */
  hold(route: RouteName): HoldHandle;
  /** The user who approves `/oauth/authorize`. @default the account owner */
  setAuthorizingUser(userIdOrEmail: string): void;
  /** Kill every OAuth grant of the user, as if they removed the app. */
  revokeAll(userIdOrEmail: string): void;
  /** "Sign Me Out from All Devices": every ZAK of the user stops working. */
  invalidateZaks(userIdOrEmail: string): void;
  /** Every access token issued so far is expired (→ 401/124 "Access token is expired."). */
  expireAccessTokens(): void;
  reset(): void;
}
