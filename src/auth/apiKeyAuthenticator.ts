import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { unauthenticated } from '../errors.js';
import type { ApiKeyEntry } from '../config/apiKeys.js';
import type { Authenticator } from './authenticator.js';
import { presentedCredential } from './bearer.js';
import { emailProblem, zoomUserIdProblem } from '../identity.js';
import type { Principal } from './principal.js';

/**
 * API keys configured as SHA-256 hashes (GATEWAY_API_KEYS). The presented key is hashed and
 * compared with every entry in constant time, so neither a match nor its position leaks timing.
 */
export class ApiKeyAuthenticator implements Authenticator {
  private readonly entries: Array<{ entry: ApiKeyEntry; digest: Buffer }>;

  constructor(keys: ApiKeyEntry[]) {
    this.entries = keys.map((entry) => ({ entry, digest: Buffer.from(entry.sha256, 'hex') }));
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal> {
    const key = presentedCredential(headers, true);
    if (!key) throw unauthenticated('Send an API key: Authorization: Bearer <key> or x-api-key: <key>.');
    const digest = hash('sha256', key, 'buffer');
    let match: ApiKeyEntry | undefined;
    for (const { entry, digest: expected } of this.entries) {
      if (timingSafeEqual(digest, expected) && !match) match = entry;
    }
    if (!match) throw unauthenticated('The API key is not valid.');
    return toPrincipal(match);
  }
}

/** Configuration refuses such entries already; a key is never let through with an identity it could not have. */
function toPrincipal(entry: ApiKeyEntry): Principal {
  const zoomUser = entry.zoomUser;
  const problem = zoomUser ? (zoomUser.includes('@') ? emailProblem(zoomUser) : zoomUserIdProblem(zoomUser)) : undefined;
  if (problem) throw unauthenticated(`The API key's Zoom user ${problem}.`);
  return {
    id: entry.name,
    roles: [entry.role],
    ...(zoomUser ? (zoomUser.includes('@') ? { email: zoomUser } : { zoomUserId: zoomUser }) : {}),
  };
}
