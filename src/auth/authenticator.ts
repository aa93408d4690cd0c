import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from './principal.js';

/** Turns a request's credentials into a principal, or throws UNAUTHENTICATED. */
export interface Authenticator {
  authenticate(headers: IncomingHttpHeaders): Promise<Principal>;
}

/**
 * GATEWAY_AUTH=none (sandbox and development only; refused in production by config):
 * every caller is an admin with no Zoom user of its own.
 */
export class OpenAuthenticator implements Authenticator {
  async authenticate(): Promise<Principal> {
    return { id: 'anonymous', roles: ['admin'] };
  }
}
