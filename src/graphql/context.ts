import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { LiveHub } from '../live/hub.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { ForgetUser } from '../tokens/forgetUser.js';
import type { SdkSigner } from '../tokens/sdkSignature.js';
import type { TokenCache } from '../tokens/tokenCache.js';
import type { TokenProvider } from '../tokens/provider.js';
import type { VideoSdkSigner } from '../tokens/videoSdkToken.js';
import type { ZakCache } from '../tokens/zak.js';
import type { ZoomContext } from '../zoom/zoomContext.js';
import type { CursorCodec } from './cursor.js';
import type { RequestBudget } from './limits/budget.js';
import type { RequestLoaders } from './loaders.js';

/** Everything request-scoped; built fresh for every GraphQL request. */
export interface GraphQLContext {
  principal: Principal;
  zoom: ZoomContext;
  loaders: RequestLoaders;
  /** The request's logger: its lines carry the reqId. */
  logger: FastifyBaseLogger;
  /** Signs and verifies connection cursors. */
  cursors: CursorCodec;
  tokens: TokenProvider;
  zaks: ZakCache;
  /** Drops a departed user's ZAKs and grant, as Zoom's user webhooks do. */
  forgetUser: ForgetUser;
  /** Null when no Meeting SDK app is configured. */
  sdk: SdkSigner | null;
  /** Null when no Video SDK app is configured. */
  videoSdk: VideoSdkSigner | null;
  /** What `credentials` reports: the configuration in force, the tokens cached and the time. */
  config: Config;
  tokenCache: TokenCache;
  clock: Clock;
  /** Shared by the operations of one HTTP request (a batch): the cost limit is per request. */
  budget: RequestBudget;
  /** Subscriptions over WebSocket only: the replica's live events and what to do with a slow client. */
  live?: { hub: LiveHub; overflow: (queued: number) => void };
}
