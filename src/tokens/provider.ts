import { isSelf } from '../auth/policy.js';
import { isAdmin, zoomUserOf, type Principal } from '../auth/principal.js';
import { authorizationRequired, forbidden } from '../errors.js';
import type { Credential } from './credential.js';
import type { S2SSource } from './s2s.js';
import type { TokenSourceKind } from './tokenRecord.js';
import type { UserOAuthSource } from './userOAuth.js';

/** The credential a Zoom call uses, and the user id to put in its path. */
export interface Selection {
  credential: Credential;
  /** `me` rewritten where the credential has no "me" of its own (S2S). */
  pathUserId: string;
}

/** An account-level source other than S2S (the legacy JWT app). */
export interface AccountSource {
  readonly key: string;
  readonly credential: Credential;
}

export interface TokenProviderOptions {
  s2s: S2SSource | null;
  /** Legacy JWT app (ZOOM_LEGACY_JWT=allow): used like S2S when S2S is not configured. */
  legacy?: AccountSource | null;
  /** User OAuth app: the caller's own token, when its Zoom user has authorized the app. */
  userOAuth?: UserOAuthSource | null;
  /** Where a caller authorizes the user OAuth app, for ZOOM_AUTHORIZATION_REQUIRED. */
  installUrl?: string | (() => string | undefined);
}

export interface SelectionReport {
  /** The source the caller's own calls (`me`) would use; null when none can serve them. */
  selected: TokenSourceKind | null;
  /** Cached credentials that concern the caller: the account source's and the caller's own grant. */
  credentials: Array<{ source: TokenSourceKind; key: string }>;
  /** The caller's Zoom user has authorized the user OAuth app. */
  userAuthorized: boolean;
}

/**
 * Picks the Zoom credential for a caller and the user a call acts on; resolvers never choose.
 * Order of docs/security.md#callers-and-credentials: the caller's own user token for calls on itself, else an account token
 * (S2S, then legacy) where policy allows, else ZOOM_AUTHORIZATION_REQUIRED.
 */
export class TokenProvider {
  constructor(private readonly opts: TokenProviderOptions) {}

  /** For calls that act on one Zoom user (`me`, an id or an email). */
  async forUser(principal: Principal, userId: string): Promise<Selection> {
    const self = isSelf(principal, userId);
    // Resolvers check this too; repeating it here keeps a missed check from reaching Zoom.
    if (!self && !isAdmin(principal)) throw forbidden('The user role may only act on its own Zoom user.');
    const own = self ? await this.ownCredential(principal) : undefined;
    // NOTE: user-level tokens must use `me` for their own user (docs/zoom.md#user-oauth).
    if (own) return { credential: own, pathUserId: 'me' };
    if (self && principal.zoomUserLinked) throw this.linkGone();
    const account = this.accountCredential();
    if (!account) throw this.required();
    // NOTE: S2S has no "me" of its own — Zoom would act as the account owner (docs/zoom.md#user-oauth).
    const pathUserId = userId !== 'me' ? userId : zoomUserOf(principal);
    // A service caller (admin without a Zoom user) may mean the account owner; a user never does,
    // whatever spelling of `me` reached this point.
    if (isAdmin(principal)) return { credential: account, pathUserId: pathUserId ?? 'me' };
    if (pathUserId && pathUserId.toLowerCase() !== 'me') return { credential: account, pathUserId };
    throw this.required('Your credential names no Zoom user: authorize the Zoom app so the gateway knows who you are.');
  }

  /**
   * For account-wide calls (listing users, a meeting by id). Admins use the account token; a
   * user-role caller uses its own token when it has one, so Zoom itself limits what it reaches.
   */
  async forAccount(principal: Principal): Promise<Credential> {
    const account = this.accountCredential();
    if (account && isAdmin(principal)) return account;
    const own = await this.ownCredential(principal);
    // The gateway would check what the account token reaches against an identity whose grant is gone.
    if (!own && principal.zoomUserLinked) throw this.linkGone();
    const chosen = own ?? account;
    if (!chosen) throw this.required();
    return chosen;
  }

  /** Which source the caller's own calls would use, and the cached credentials that concern it. */
  async describe(principal: Principal): Promise<SelectionReport> {
    const zoomUser = principal.zoomUserId;
    const userOAuth = this.opts.userOAuth;
    const userAuthorized = Boolean(userOAuth && zoomUser && (await userOAuth.hasGrant(zoomUser)));
    const credentials: SelectionReport['credentials'] = [];
    if (this.opts.s2s) credentials.push({ source: 's2s', key: this.opts.s2s.key });
    if (this.opts.legacy) credentials.push({ source: this.opts.legacy.credential.source, key: this.opts.legacy.key });
    if (userAuthorized && userOAuth && zoomUser) credentials.push({ source: 'user', key: userOAuth.keyFor(zoomUser) });
    const accountKind: TokenSourceKind | null = this.opts.s2s ? 's2s' : this.opts.legacy ? 'legacy' : null;
    const accountServesMe =
      accountKind !== null && (isAdmin(principal) || (zoomUserOf(principal) !== undefined && !principal.zoomUserLinked));
    return {
      selected: userAuthorized ? 'user' : accountServesMe ? accountKind : null,
      credentials,
      userAuthorized,
    };
  }

  /** Revokes the caller's own user authorization at Zoom and forgets it; false when there was none. */
  async revokeOwnAuthorization(principal: Principal): Promise<boolean> {
    const zoomUser = principal.zoomUserId;
    if (!this.opts.userOAuth || !zoomUser) return false;
    return this.opts.userOAuth.revoke(zoomUser, principal.id);
  }

  /**
   * For readiness: gets the account token (from the cache while it is fresh, else from Zoom), so
   * credentials Zoom refuses show before a caller finds them. Null when no account source is
   * configured (user OAuth alone needs a user to try).
   */
  async accountTokenSource(): Promise<TokenSourceKind | null> {
    const account = this.accountCredential();
    if (!account) return null;
    await account.get();
    return account.source;
  }

  /** Only with user OAuth configured: otherwise /oauth/install answers 404, so no link is offered. */
  installUrl(): string | undefined {
    const { installUrl } = this.opts;
    if (!this.opts.userOAuth) return undefined;
    return typeof installUrl === 'function' ? installUrl() : installUrl;
  }

  /** The principal's own user token, when its Zoom user (by id) has a stored grant. */
  private async ownCredential(principal: Principal): Promise<Credential | undefined> {
    const userOAuth = this.opts.userOAuth;
    const zoomUser = principal.zoomUserId;
    if (!userOAuth || !zoomUser) return undefined;
    return (await userOAuth.hasGrant(zoomUser)) ? userOAuth.credential(zoomUser) : undefined;
  }

  /** A Zoom user known only from an install link is served by its own grant or not at all. */
  private linkGone() {
    return this.required('Your Zoom authorization is no longer valid: authorize the Zoom app again (see installUrl).');
  }

  private accountCredential(): Credential | undefined {
    return this.opts.s2s?.credential ?? this.opts.legacy?.credential;
  }

  private required(message?: string) {
    const fallback = this.opts.userOAuth
      ? 'No Zoom credential can serve this call: authorize the Zoom app for your user (see installUrl).'
      : 'No Zoom credential can serve this call: configure Server-to-Server OAuth or authorize the user OAuth app.';
    return authorizationRequired(message ?? fallback, this.installUrl());
  }
}
