import { unauthenticated, type GatewayError } from '../errors.js';

/** Verification could not run (key set unreachable or unusable): the gateway's problem, not the caller's. */
export const KEY_SET_CODES = new Set(['ERR_JOSE_GENERIC', 'ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

/**
 * jose errors → UNAUTHENTICATED with a message that says what to fix. Matched by `err.code`
 * (stable across jose versions), never by message or class.
 */
export function joseErrorToGateway(err: unknown): GatewayError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated('The bearer token has expired; obtain a new one.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const { claim, reason } = err as { claim?: string; reason?: string };
      return unauthenticated(`The bearer token's "${claim ?? 'unknown'}" claim is not acceptable (${reason ?? 'check failed'}).`);
    }
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthenticated('The bearer token signature does not verify.');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return unauthenticated('The bearer token uses a signing algorithm the gateway does not accept.');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthenticated('No single key of the configured key set matches the bearer token (check its "kid").');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return unauthenticated('The bearer token is not a well-formed signed JWT.');
    default:
      return unauthenticated('The bearer token cannot be verified right now (the signing key set is unavailable); retry later.');
  }
}
