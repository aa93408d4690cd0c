import type { Principal } from '../auth/principal.js';
import type { ZoomChangeSink } from '../zoom/changes.js';
import type { ZoomHttpClient } from '../zoom/httpClient.js';
import type { ReadLog } from '../zoom/readLog.js';
import type { GraphQLContext } from './context.js';
import { RequestBudget } from './limits/index.js';
import { RequestLoaders } from './loaders.js';

/**
 * Builds one HTTP request's or one subscription's context; with `reads`, its Zoom calls note
 * there what they read (for the answer cache).
 */
export type RequestContexts = (principal: Principal, log: GraphQLContext['logger'], reads?: ReadLog) => GraphQLContext;

/** The long-lived parts resolvers use, and what their Zoom access is made of. */
export interface ContextParts extends Pick<
  GraphQLContext,
  'cursors' | 'tokens' | 'zaks' | 'forgetUser' | 'sdk' | 'videoSdk' | 'config' | 'tokenCache' | 'clock'
> {
  readonly client: ZoomHttpClient;
  /** Where writes report their changes (the read cache). */
  readonly changes: ZoomChangeSink;
}

/** One HTTP request's or one subscription's context: its caller, Zoom access and per-request loaders. */
export function requestContexts(parts: ContextParts): RequestContexts {
  const { client, changes, tokens, cursors, zaks, forgetUser, sdk, videoSdk, config, tokenCache, clock } = parts;
  return (principal, log, reads) => {
    const zoom = { client: reads ? client.recordingInto(reads) : client, tokens, principal, changes };
    return {
      principal,
      zoom,
      loaders: new RequestLoaders(zoom),
      logger: log,
      budget: new RequestBudget(),
      cursors,
      tokens,
      zaks,
      forgetUser,
      sdk,
      videoSdk,
      config,
      tokenCache,
      clock,
    };
  };
}
