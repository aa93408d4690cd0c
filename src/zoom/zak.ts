import type { Credential } from '../tokens/credential.js';
import type { TokenRecord } from '../tokens/tokenRecord.js';
import type { ZakCache } from '../tokens/zak.js';
import type { ZoomCaller } from './httpClient.js';
import { ZoomUnreachableError } from './zoomApiError.js';
import { userSegment } from './pathSegment.js';
import type { ZoomContext } from './zoomContext.js';

/**
 * One ZAK from Zoom. A user's own OAuth token must use `/users/me/zak` (user-level apps use
 * `me`, docs/zoom.md#user-oauth); an account token asks `/users/{id}/token?type=zak&ttl=` (docs/zoom.md#zak).
 */
export async function fetchZak(client: ZoomCaller, credential: Credential, pathUserId: string, ttlSeconds: number): Promise<string> {
  const res =
    credential.source === 'user'
      ? await client.call<{ token?: unknown }>({ method: 'GET', path: '/users/me/zak', route: 'users.zak', category: 'light' }, credential)
      : await client.call<{ token?: unknown }>(
          {
            method: 'GET',
            path: `/users/${userSegment(pathUserId)}/token`,
            query: { type: 'zak', ttl: ttlSeconds },
            route: 'users.token',
            category: 'light',
          },
          credential,
        );
  const token = res.body?.token;
  if (typeof token !== 'string' || token === '')
    throw new ZoomUnreachableError('Zoom answered a ZAK request without a token', 'users.token');
  return token;
}

/** The cached ZAK of `userId` (a Zoom user id), fetched with the credential the provider picks. */
export async function getZak(ctx: ZoomContext, zaks: ZakCache, userId: string): Promise<TokenRecord> {
  const { credential, pathUserId } = await ctx.tokens.forUser(ctx.principal, userId);
  return zaks.get(userId, credential, (ttl) => fetchZak(ctx.client, credential, pathUserId, ttl));
}
