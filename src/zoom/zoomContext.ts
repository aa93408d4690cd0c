import type { Principal } from '../auth/principal.js';
import type { Selection, TokenProvider } from '../tokens/provider.js';
import { ACCOUNT_OWNER, type UserAddress } from './cacheTags.js';
import type { ZoomChangeSink } from './changes.js';
import type { ZoomCaller } from './httpClient.js';

/** What every Zoom endpoint function needs: the shared client, the provider, and who is asking. */
export interface ZoomContext {
  client: ZoomCaller;
  tokens: TokenProvider;
  principal: Principal;
  /** Where writes report what they changed, before they return (the read cache, or nothing). */
  changes: ZoomChangeSink;
}

/** The Zoom user a call on `selection` addresses, as far as the gateway knows it. */
export function addressOf(ctx: ZoomContext, { credential, pathUserId }: Selection): UserAddress {
  if (pathUserId !== 'me') return pathUserId;
  // A user token's `me` is the user whose grant it is; an account token's is the account owner.
  return credential.source === 'user' ? (ctx.principal.zoomUserId ?? ACCOUNT_OWNER) : ACCOUNT_OWNER;
}
