import type { Credential } from '../tokens/credential.js';
import type { TokenRecord } from '../tokens/tokenRecord.js';
import type { ZoomHttpClient } from '../zoom/httpClient.js';

/** Who a freshly issued user token belongs to: `GET /users/me` with that token. */
export async function identifyZoomUser(client: ZoomHttpClient, record: TokenRecord): Promise<{ id: string; email: string }> {
  // A one-off credential: this token is not stored yet, so there is nothing to refresh.
  const credential: Credential = { source: 'user', key: 'user:pending', get: async () => record, invalidate: async () => undefined };
  const res = await client.call<{ id?: unknown; email?: unknown }>(
    { method: 'GET', path: '/users/me', route: 'users.get', category: 'light' },
    credential,
  );
  const { id, email } = res.body ?? {};
  if (typeof id !== 'string' || id === '') throw new Error('Zoom answered GET /users/me without a user id');
  return { id, email: typeof email === 'string' ? email : '' };
}
