import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import { authorizationFailed, authorizationRequired, isGatewayError, zoomUnavailable } from '../errors.js';
import type { Credential } from './credential.js';
import { TokenEndpointError, type OAuthClientCredentials, type ZoomOAuthClient } from './oauthClient.js';
import { storeKeys } from '../store/keys.js';
import type { SharedStore } from '../store/store.js';
import type { TokenCache } from './tokenCache.js';
import type { TokenRecord } from './tokenRecord.js';

export interface UserOAuthOptions {
  app: OAuthClientCredentials;
  oauth: ZoomOAuthClient;
  cache: TokenCache;
  store: SharedStore;
  logger: Logger;
  /** Where a caller authorizes the app; in sandbox mode known only once the gateway listens. */
  installUrl: () => string | undefined;
}

/**
 * `link:<principalId>`: the Zoom user a caller authorized as, for callers whose credential names
 * none. It names the grant its install made and is honoured only while that grant is stored;
 * the grant names the linked caller back, so removing a grant removes its link.
 */
interface Link {
  zoomUserId: string;
  grantId?: string;
}

/**
 * The user's own Zoom token (authorization-code grant). The grant is durable state keyed by
 * `user:<clientId>:<zoomUserId>[@<issuer>]`; refresh tokens rotate, and TokenCache persists each new pair
 * before the new access token is handed to anyone.
 */
export class UserOAuthSource {
  /**
   * The last answer the store gave for each grant (by key) and each caller's link (by principal
   * id): what this replica goes on serving while the store is down. Never read while it is up.
   */
  private readonly knownGrants = new LastKnown<boolean>();
  private readonly knownLinks = new LastKnown<string | null>();

  constructor(private readonly opts: UserOAuthOptions) {}

  get clientId(): string {
    return this.opts.app.clientId;
  }

  keyFor(zoomUserId: string): string {
    return storeKeys.userGrant(this.opts.app.clientId, zoomUserId, this.opts.oauth.keyScope);
  }

  installUrl(): string | undefined {
    return this.opts.installUrl();
  }

  /**
   * The principal with its Zoom user filled in from an earlier install, when its credential named
   * none — only while the grant that install made is still stored. A link without a grant id
   * (written before links were bound to grants) is never honoured.
   */
  async withLinkedZoomUser(principal: Principal): Promise<Principal> {
    if (principal.zoomUserId) return principal;
    let linked: string | null;
    try {
      linked = await this.linkedZoomUser(principal.id);
      this.knownLinks.set(principal.id, linked);
    } catch (err) {
      linked = this.knownLinks.get(principal.id, err);
    }
    return linked ? { ...principal, zoomUserId: linked, zoomUserLinked: true } : principal;
  }

  private async linkedZoomUser(principalId: string): Promise<string | null> {
    const link = await this.opts.store.get<Link>(linkKey(principalId));
    if (!link?.grantId) return null;
    const grant = await this.opts.store.get<TokenRecord>(this.keyFor(link.zoomUserId));
    const live = Boolean(grant?.refreshToken) && grant?.grantId === link.grantId;
    return live ? link.zoomUserId : null;
  }

  /**
   * Whether a refresh token is stored for the Zoom user (the access token may be stale). Read
   * from the store, not this process's memory: another replica may have found the grant dead.
   */
  async hasGrant(zoomUserId: string): Promise<boolean> {
    const key = this.keyFor(zoomUserId);
    try {
      const record = await this.opts.store.get<TokenRecord>(key);
      const live = Boolean(record?.refreshToken);
      this.knownGrants.set(key, live);
      return live;
    } catch (err) {
      // The store is down: what it last said, or STORE_UNAVAILABLE for a grant this replica never looked up.
      return this.knownGrants.get(key, err);
    }
  }

  /** Cached expiry and scopes of the user's grant, never the tokens. */
  peek(zoomUserId: string): Promise<TokenRecord | undefined> {
    return this.opts.cache.peek(this.keyFor(zoomUserId));
  }

  credential(zoomUserId: string): Credential {
    const key = this.keyFor(zoomUserId);
    return {
      source: 'user',
      key,
      get: () => this.token(key),
      invalidate: (rejected) => this.opts.cache.invalidate(key, rejected),
    };
  }

  /** Code + PKCE verifier → token pair. Throws TokenEndpointError when Zoom refuses. */
  async exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<TokenRecord> {
    const record = await this.opts.oauth.token(this.opts.app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: codeVerifier,
    });
    if (!record.refreshToken) throw new TokenEndpointError(200, 'invalid_response', 'token response lacks refresh_token');
    return record;
  }

  /**
   * Stores a fresh grant for the Zoom user (replacing any older one) and, when the caller's
   * credential names no Zoom user, links the caller to it.
   */
  async save(zoomUserId: string, record: TokenRecord, principal: Principal): Promise<void> {
    const key = this.keyFor(zoomUserId);
    const grantId = randomBytes(16).toString('base64url');
    const linkedPrincipal = principal.zoomUserId ? undefined : principal.id;
    const older = await this.opts.store.withLock(key, async () => {
      const previous = await this.opts.store.get<TokenRecord>(key);
      // NOTE: Zoom keeps only the newest grant per user and app (OAuth error 4741): the old pair is dead.
      await this.opts.cache.forget(key);
      await this.opts.store.set<TokenRecord>(key, { ...record, grantId, ...(linkedPrincipal ? { linkedPrincipal } : {}) });
      this.knownGrants.set(key, true);
      return previous;
    });
    if (older) await this.unlinkGrant(older);
    if (linkedPrincipal) await this.opts.store.set<Link>(linkKey(linkedPrincipal), { zoomUserId, grantId });
  }

  /** Best-effort revoke of a fresh pair that will not be stored (it belongs to the wrong caller). */
  async discard(record: TokenRecord): Promise<void> {
    try {
      await this.opts.oauth.revoke(this.opts.app, record.accessToken);
    } catch (err) {
      this.opts.logger.info({ error: (err as TokenEndpointError).error }, 'could not revoke an unused user grant');
    }
  }

  /** Revokes the grant at Zoom and removes it here, with its link; false when there was none. */
  async revoke(zoomUserId: string, principalId: string): Promise<boolean> {
    if (!(await this.hasGrant(zoomUserId))) return false;
    const key = this.keyFor(zoomUserId);
    let record: TokenRecord;
    try {
      // A current access token: Zoom may refuse to revoke an expired one.
      record = await this.token(key);
    } catch (err) {
      // Refreshing found the grant dead and removed it with its link.
      if (isGatewayError(err) && err.code === 'ZOOM_AUTHORIZATION_REQUIRED') return this.unlink(principalId, zoomUserId).then(() => true);
      throw err;
    }
    try {
      await this.opts.oauth.revoke(this.opts.app, record.accessToken);
    } catch (err) {
      if (err instanceof TokenEndpointError && err.unavailable)
        throw zoomUnavailable("Zoom's revoke endpoint is unavailable; retry later.", err);
      this.opts.logger.info({ key, error: (err as TokenEndpointError).error }, 'Zoom did not revoke the grant; removing it here anyway');
    }
    this.knownGrants.set(key, false);
    await this.opts.cache.forget(key);
    await this.unlinkGrant(record);
    await this.unlink(principalId, zoomUserId);
    return true;
  }

  /**
   * Removes the user's grant and the link its install made, as a grant Zoom rejects is removed:
   * the user removed the app (`app_deauthorized`) or can no longer use this account. Under the
   * grant's lock, so a refresh running elsewhere cannot write it back. Nothing is revoked at
   * Zoom (it already ended the authorization). True when a grant was stored.
   */
  async purge(zoomUserId: string): Promise<boolean> {
    const key = this.keyFor(zoomUserId);
    return this.opts.store.withLock(key, async () => {
      const stored = await this.opts.store.get<TokenRecord>(key);
      await this.remove(key, stored);
      return Boolean(stored?.refreshToken);
    });
  }

  /** The grant and its link go together; every replica reads both from the store (hasGrant). */
  private async remove(key: string, grant: TokenRecord | undefined): Promise<void> {
    this.knownGrants.set(key, false);
    await this.opts.cache.forget(key);
    if (grant) await this.unlinkGrant(grant);
  }

  private async unlink(principalId: string, zoomUserId: string): Promise<void> {
    const link = await this.opts.store.get<Link>(linkKey(principalId));
    if (link?.zoomUserId === zoomUserId) await this.opts.store.delete(linkKey(principalId));
  }

  /** Removes the link a grant names, unless that caller has since linked to a newer grant. */
  private async unlinkGrant(grant: TokenRecord): Promise<void> {
    if (!grant.linkedPrincipal) return;
    const key = linkKey(grant.linkedPrincipal);
    const link = await this.opts.store.get<Link>(key);
    if (link && link.grantId === grant.grantId) await this.opts.store.delete(key);
  }

  private async token(key: string): Promise<TokenRecord> {
    try {
      return await this.opts.cache.get(key, (current) => this.refresh(key, current), { source: 'user' });
    } catch (err) {
      throw this.describe(err);
    }
  }

  /** Runs under the store lock with `current` re-read after taking it. */
  private async refresh(key: string, current: TokenRecord | undefined): Promise<TokenRecord> {
    if (!current?.refreshToken) throw this.required('This Zoom user has not authorized the gateway.');
    try {
      const fresh = await this.opts.oauth.token(this.opts.app, { grant_type: 'refresh_token', refresh_token: current.refreshToken });
      // The same authorization with a rotated pair: it keeps its id and its link.
      return { ...fresh, grantId: current.grantId, linkedPrincipal: current.linkedPrincipal };
    } catch (err) {
      if (!(err instanceof TokenEndpointError) || err.error !== 'invalid_grant') throw err;
      // NOTE: refresh tokens rotate; a replica that does not share our lock may have rotated this one.
      const stored = await this.opts.store.get<TokenRecord>(key);
      if (stored?.refreshToken && stored.refreshToken !== current.refreshToken) {
        this.opts.logger.info({ key }, 'refresh token was rotated elsewhere; using the stored pair');
        return stored;
      }
      // Either the user removed the app, or Zoom rotated the token and the answer was lost: only
      // a new authorization helps. Reported once; the grant is gone, so nothing retries it.
      await this.remove(key, current);
      this.opts.logger.warn({ key, reason: err.reason }, 'user OAuth grant rejected by Zoom; removed with its link');
      throw this.required('The Zoom authorization of this user is no longer valid; authorize the app again.');
    }
  }

  private required(message: string) {
    return authorizationRequired(message, this.opts.installUrl());
  }

  private describe(err: unknown): unknown {
    if (!(err instanceof TokenEndpointError)) return err;
    if (err.unavailable) return zoomUnavailable("Zoom's token endpoint is unavailable; retry later.", err);
    return authorizationFailed(
      `Zoom refused the user OAuth app credentials (${err.error}). Check ZOOM_OAUTH_CLIENT_ID and ZOOM_OAUTH_CLIENT_SECRET.`,
      err.error,
      err,
    );
  }
}

const linkKey = storeKeys.userLink;

/** Callers and grants remembered at most; the oldest answer goes first. */
const MAX_KNOWN = 10_000;

/** The store's last answers, bounded; `get` rethrows the store's error for what it never answered. */
class LastKnown<T> {
  private readonly values = new Map<string, T>();

  set(key: string, value: T): void {
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > MAX_KNOWN) this.values.delete(this.values.keys().next().value as string);
  }

  get(key: string, storeError: unknown): T {
    if (!isGatewayError(storeError) || storeError.code !== 'STORE_UNAVAILABLE' || !this.values.has(key)) throw storeError;
    return this.values.get(key) as T;
  }
}
