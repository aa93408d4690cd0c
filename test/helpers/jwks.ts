import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';

export interface JwksServer {
  url: string;
  /** Times the key set was fetched. */
  hits(): number;
  /** Signs with the served key (RS256, its kid) unless told otherwise. */
  sign(
    claims: JWTPayload,
    opts?: { expiresInSeconds?: number; now?: number; kid?: string; key?: CryptoKey; issuer?: string; audience?: string },
  ): Promise<string>;
  /** Answer with this status instead of the key set (e.g. 503). */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

export const JWKS_ISSUER = 'https://idp.example.test';
export const JWKS_AUDIENCE = 'zoom-graphql-gateway';

/** A real HTTP server serving a freshly generated RS256 public key set, as an identity provider would. */
export async function startJwksServer(): Promise<JwksServer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  let count = 0;
  let failure: number | null = null;
  const server = createServer((req, res) => {
    count++;
    if (failure !== null) {
      res.writeHead(failure).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    hits: () => count,
    failWith: (status) => void (failure = status),
    async sign(claims, opts = {}) {
      const now = Math.floor((opts.now ?? Date.now()) / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'test-key-1' })
        .setIssuer(opts.issuer ?? JWKS_ISSUER)
        .setAudience(opts.audience ?? JWKS_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (opts.expiresInSeconds ?? 3600))
        .sign(opts.key ?? privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** HS256 token with the shared secret, as GATEWAY_JWT_SECRET callers send. */
export async function signHs256(
  secret: string,
  claims: JWTPayload,
  opts: { now: number; expiresInSeconds?: number; issuer?: string; audience?: string },
): Promise<string> {
  const now = Math.floor(opts.now / 1000);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.expiresInSeconds ?? 86_400));
  if (opts.issuer) jwt = jwt.setIssuer(opts.issuer);
  if (opts.audience) jwt = jwt.setAudience(opts.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
