import type { Principal } from '../auth/principal.js';
import type { TokenProvider } from '../tokens/provider.js';
import type { ZoomHttpClient } from './httpClient.js';

/** What every Zoom endpoint function needs: the shared client, the provider, and who is asking. */
export interface ZoomContext {
  client: ZoomHttpClient;
  tokens: TokenProvider;
  principal: Principal;
}
