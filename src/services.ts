import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { SdkSigner } from './tokens/sdkSignature.js';
import type { TokenProvider } from './tokens/provider.js';
import type { VideoSdkSigner } from './tokens/videoSdkToken.js';
import type { TokenCache } from './tokens/tokenCache.js';
import type { ZakCache } from './tokens/zak.js';
import type { ZoomChangeSink } from './zoom/changes.js';
import type { ZoomHttpClient } from './zoom/httpClient.js';

/** Long-lived parts built once by the composition root and shared by every request. */
export interface Services {
  config: Config;
  client: ZoomHttpClient;
  tokens: TokenProvider;
  cache: TokenCache;
  clock: Clock;
  zaks: ZakCache;
  /** Null when no Meeting SDK app is configured. */
  sdk: SdkSigner | null;
  /** Null when no Video SDK app is configured. */
  videoSdk: VideoSdkSigner | null;
  /**
   * Where changes to Zoom's data are reported (writes through the gateway, Zoom's webhooks): the
   * read cache, or `ignoreChanges` when ZOOM_CACHE_TTL_SECONDS=0.
   */
  changes: ZoomChangeSink;
}
