import { zoomUserOf, type Principal } from '../auth/principal.js';
import { authorizationRequired } from '../errors.js';
import type { Credential } from './credential.js';
import type { S2SSource } from './s2s.js';
import type { TokenSourceKind } from './tokenRecord.js';

/** The credential a Zoom call uses, and the user id to put in its path. */
export interface Selection {
  credential: Credential;
  /** `me` rewritten where the credential has no "me" of its own (S2S). */
  pathUserId: string;
}

export interface TokenProviderOptions {
  s2s: S2SSource | null;
  /** Where a caller authorizes the user OAuth app, for ZOOM_AUTHORIZATION_REQUIRED. */
  installUrl?: string;
}

/** Picks the Zoom credential for a caller and the user a call acts on; resolvers never choose. */
export class TokenProvider {
  constructor(private readonly opts: TokenProviderOptions) {}

  /** For calls that act on one Zoom user (`me`, an id or an email). */
  async forUser(principal: Principal, userId: string): Promise<Selection> {
    const credential = this.account();
    // NOTE: S2S tokens have no "me" of their own (ZOOM.md §2): act for the caller's Zoom user.
    const pathUserId = userId === 'me' ? (zoomUserOf(principal) ?? 'me') : userId;
    return { credential, pathUserId };
  }

  /** For account-wide calls (listing users, a meeting by id). */
  async forAccount(_principal: Principal): Promise<Credential> {
    return this.account();
  }

  /** Which source the caller's own calls would use, and the cache keys that concern it. */
  describe(_principal: Principal): { selected: TokenSourceKind | null; keys: string[] } {
    return this.opts.s2s ? { selected: 's2s', keys: [this.opts.s2s.key] } : { selected: null, keys: [] };
  }

  private account(): Credential {
    if (this.opts.s2s) return this.opts.s2s.credential;
    throw authorizationRequired('No Zoom credential can serve this call: configure Server-to-Server OAuth or authorize the user OAuth app.', this.opts.installUrl);
  }
}
