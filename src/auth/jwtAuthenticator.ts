import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { Logger } from 'pino';
import { isGatewayError, unauthenticated } from '../errors.js';
import type { Clock } from '../clock.js';
import type { Authenticator } from './authenticator.js';
import { presentedCredential } from './bearer.js';
import { principalFromClaims } from './claims.js';
import { KEY_SET_CODES, joseErrorToGateway } from './joseErrors.js';
import type { Principal } from './principal.js';

export interface JwtAuthenticatorOptions {
  /** HS256 shared secret (GATEWAY_JWT_SECRET, ≥ 32 characters). */
  secret?: string;
  /** Remote JWKS for asymmetric tokens (GATEWAY_JWKS_URL); fetched lazily and cached. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  clock: Clock;
  logger: Logger;
  /** Seconds of clock skew accepted on exp/nbf/iat. @default 30 */
  clockToleranceSeconds?: number;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Bearer JWTs verified with jose: HS256 with the shared secret, or keys from a remote JWKS. */
export class JwtAuthenticator implements Authenticator {
  private readonly getKey: JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly opts: JwtAuthenticatorOptions) {
    if (!opts.secret && !opts.jwksUrl) throw new Error('JwtAuthenticator needs a secret or a JWKS URL');
    const secret = opts.secret ? new TextEncoder().encode(opts.secret) : undefined;
    // cooldown/cacheMaxAge are jose's defaults (30 s, 10 min): a rotated key is picked up on its first unknown kid.
    const jwks = opts.jwksUrl ? createRemoteJWKSet(new URL(opts.jwksUrl)) : undefined;
    this.algorithms = [...(secret ? ['HS256'] : []), ...(jwks ? ASYMMETRIC : [])];
    this.getKey = async (header, token) => {
      // NOTE: the algorithm decides the key, so an RS256 public key can never be used as an HMAC secret.
      if (header.alg === 'HS256' && secret) return secret;
      if (jwks && header.alg !== 'HS256') return jwks(header, token);
      throw Object.assign(new Error('algorithm not allowed'), { code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
    };
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal> {
    const token = presentedCredential(headers, false);
    if (!token) throw unauthenticated('Send a bearer JWT: Authorization: Bearer <token>.');
    const options: JWTVerifyOptions = {
      algorithms: this.algorithms,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: this.opts.clockToleranceSeconds ?? 30,
      currentDate: new Date(this.opts.clock.now()),
      ...(this.opts.issuer ? { issuer: this.opts.issuer } : {}),
      ...(this.opts.audience ? { audience: this.opts.audience } : {}),
    };
    try {
      const { payload } = await jwtVerify(token, this.getKey, options);
      return principalFromClaims(payload);
    } catch (err) {
      if (isGatewayError(err)) throw err;
      const mapped = joseErrorToGateway(err);
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || KEY_SET_CODES.has(code)) {
        this.opts.logger.warn({ reason: (err as Error).message, code }, 'caller JWT could not be verified: key set unavailable');
      }
      throw mapped;
    }
  }
}
