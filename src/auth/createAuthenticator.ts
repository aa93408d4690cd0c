import type { Logger } from 'pino';
import type { GatewayAuthConfig } from '../config.js';
import type { Clock } from '../clock.js';
import { ApiKeyAuthenticator } from './apiKeyAuthenticator.js';
import { OpenAuthenticator, type Authenticator } from './authenticator.js';
import { JwtAuthenticator } from './jwtAuthenticator.js';

/** The authenticator GATEWAY_AUTH asks for; config already refused `none` in production. */
export function createAuthenticator(auth: GatewayAuthConfig, deps: { clock: Clock; logger: Logger }): Authenticator {
  switch (auth.mode) {
    case 'none':
      return new OpenAuthenticator();
    case 'jwt':
      return new JwtAuthenticator({ ...auth, ...deps });
    case 'apikey':
      return new ApiKeyAuthenticator(auth.keys);
    default:
      return assertNever(auth);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown GATEWAY_AUTH mode: ${JSON.stringify(x)}`);
}
