import { createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { storeKeys } from '../store/keys.js';
import type { SharedStore } from '../store/store.js';

/** How long a user has between /oauth/install and the callback. */
export const STATE_TTL_MS = 10 * 60_000;

const ISSUER = 'zoom-graphql-gateway';
const AUDIENCE = 'oauth-callback';

/** What the callback learns from a valid state: who started the flow, where, and the PKCE verifier. */
export interface PendingAuthorization {
  principal: Principal;
  codeVerifier: string;
  /** SHA-256 of the key given to the browser that called /oauth/install (in a cookie). */
  browserKeyHash: string;
}

export class StateRejected extends Error {
  constructor(readonly reason: 'malformed' | 'expired' | 'forged' | 'used') {
    super(`OAuth state rejected: ${reason}`);
    this.name = 'StateRejected';
  }
}

/**
 * `state` is a short-lived HS256 JWT naming a random id; the PKCE verifier and the caller wait
 * in the shared store under that id. A forged state fails the signature before the store is
 * touched; a used one is gone from the store (taken and deleted under the store lock). Each state
 * is bound to one browser: only the hash of that browser's key is kept, in the store and in the
 * state itself.
 */
export class OAuthStates {
  private readonly key: Uint8Array;

  constructor(
    rootKey: Uint8Array,
    private readonly store: SharedStore,
    private readonly clock: Clock,
  ) {
    // Derived from TOKEN_ENCRYPTION_KEY, so every replica verifies every other replica's state.
    this.key = new Uint8Array(hkdfSync('sha256', rootKey, new Uint8Array(), 'zoom-graphql-gateway oauth state v1', 32));
  }

  /**
   * A new state bound to `principal` and to the browser that will hold `browserKey` (sent to it
   * as a cookie), and the S256 challenge of its verifier.
   */
  async issue(principal: Principal): Promise<{ state: string; codeChallenge: string; browserKey: string }> {
    const id = randomBytes(24).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const browserKey = randomBytes(32).toString('base64url');
    const browserKeyHash = hash(browserKey);
    await this.store.set<PendingAuthorization>(storeKey(id), { principal, codeVerifier, browserKeyHash }, STATE_TTL_MS);
    const nowS = Math.floor(this.clock.now() / 1000);
    const state = await new SignJWT({ sid: id, bkh: browserKeyHash })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(principal.id)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + STATE_TTL_MS / 1000)
      .sign(this.key);
    return { state, codeChallenge: hash(codeVerifier), browserKey };
  }

  /** Validates and uses up a state; throws StateRejected. */
  async consume(state: string): Promise<PendingAuthorization> {
    const id = await this.verify(state);
    const key = storeKey(id.sid);
    const pending = await this.store.withLock(key, async () => {
      const found = await this.store.get<PendingAuthorization>(key);
      if (found) await this.store.delete(key);
      return found;
    });
    if (!pending || pending.principal.id !== id.sub || pending.browserKeyHash !== id.bkh) throw new StateRejected('used');
    return pending;
  }

  private async verify(state: string): Promise<{ sid: string; sub: string; bkh: string }> {
    try {
      const { payload } = await jwtVerify(state, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['sid', 'sub', 'exp', 'bkh'],
      });
      const { sid, sub, bkh } = payload;
      if (typeof sid !== 'string' || typeof sub !== 'string' || typeof bkh !== 'string') throw new StateRejected('malformed');
      return { sid, sub, bkh };
    } catch (err) {
      if (err instanceof StateRejected) throw err;
      const code = (err as { code?: unknown }).code;
      if (code === 'ERR_JWT_EXPIRED') throw new StateRejected('expired');
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw new StateRejected('forged');
      throw new StateRejected('malformed');
    }
  }
}

/**
 * Whether the callback reached the browser that started the flow: its cookie holds the key whose
 * hash the state carries. A missing cookie (another browser, or one that dropped it) never matches.
 */
export function fromSameBrowser(pending: PendingAuthorization, browserKey: string | undefined): boolean {
  if (!browserKey || typeof pending.browserKeyHash !== 'string') return false;
  const expected = Buffer.from(pending.browserKeyHash, 'base64url');
  const presented = Buffer.from(hash(browserKey), 'base64url');
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');
const storeKey = storeKeys.oauthState;
