import type { IncomingHttpHeaders } from 'node:http';
import type { AppRegistry } from './apps.js';
import type { FakeClock } from './clock.js';
import type { FakeEvents } from './events.js';
import type { Knobs } from './knobs.js';
import type { FakePortal } from './portal.js';
import type { RateLimiter } from './rateLimit.js';
import type { RecordedRequest, Recorder } from './recorder.js';
import type { RouteMatch } from './routes.js';
import type { FakeZoomState } from './state.js';
import type { WebhookDispatcher } from './webhooks.js';

/** The long-lived parts of one fake, built once in index.ts. */
export interface FakeContext {
  state: FakeZoomState;
  clock: FakeClock;
  knobs: Knobs;
  apps: AppRegistry;
  rateLimiter: RateLimiter;
  recorder: Recorder;
  webhooks: WebhookDispatcher;
  events: FakeEvents;
  portal: FakePortal;
  logger?: (line: string) => void;
  /** Set by close(): requests still waiting (latency, hold) are then not processed. */
  stopped: boolean;
}

/** One request after its body has been read. */
export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  match: RouteMatch;
  record: RecordedRequest;
}

/**
 * NOTE: OAuth parameters may come "either as query parameters or in the request body using the
 * x-www-form-urlencoded format" (docs/zoom.md#server-to-server-oauth); the body wins when both carry one.
 */
export function formParams(req: FakeRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  const type = req.headers['content-type'] ?? '';
  if (req.body !== '' && (type === '' || type.includes('application/x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(req.body)) params.set(k, v);
  }
  return params;
}
