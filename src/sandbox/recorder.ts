import type { RouteName } from './routes.js';

export interface RecordedRequest {
  route: RouteName;
  method: string;
  /** Raw path as received (still percent-encoded), without the query string. */
  path: string;
  query: Record<string, string>;
  /** `grant_type` of an `/oauth/token` request (query or form body). */
  grantType?: string;
  /** Kind of the bearer token a REST request carried; `invalid` when the fake never issued it. */
  tokenKind?: 's2s' | 'user' | 'legacy' | 'invalid';
  tokenUserId?: string;
  accessToken?: string;
  /** The raw body of a `/v2` request that had one (never of an OAuth request). */
  body?: string;
  /** Status the fake produced; 0 when it produced none (aborted, or dropped before processing). */
  status: number;
  /** Fake-clock ms when the request arrived. */
  at: number;
  /** The client went away while the request waited (latency/hold): it was NOT processed. */
  aborted?: boolean;
  /** Which knob shaped the outcome, if any. */
  injected?: 'fail' | 'drop-before' | 'drop-after' | 'malformed';
}

/** Every request in arrival order, plus counters derived from it. */
export class Recorder {
  readonly requests: RecordedRequest[] = [];

  add(record: RecordedRequest): void {
    this.requests.push(record);
  }

  /**
   * Requests that reached `route` (including aborted ones and ones shaped by knobs);
   * without a route, every request except admin ones.
   */
  hits(route?: RouteName): number {
    let n = 0;
    for (const r of this.requests) {
      if (route === undefined ? r.route !== 'admin' : r.route === route) n++;
    }
    return n;
  }

  /** `/oauth/token` requests, optionally only those with this `grant_type`. */
  tokenRequests(grantType?: string): number {
    let n = 0;
    for (const r of this.requests) {
      if (r.route === 'oauth.token' && (grantType === undefined || r.grantType === grantType)) n++;
    }
    return n;
  }

  reset(): void {
    this.requests.length = 0;
  }
}
