import { createHash } from 'node:crypto';

/*
 * Every key the gateway keeps in the store, built in one place. Existing stores hold data under
 * these exact strings: changing one orphans (or, for grants, loses) what they hold. Keys are
 * not encrypted, so a part that may be personal (an email, a webhook body) is hashed here.
 * `issuer` is the end every credential key carries (tokens/issuer.ts: '' for Zoom's own server).
 */

const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Keys inside the store's Keyv namespace. */
export const storeKeys = {
  /** Server-to-Server account token: account + client (+ issuer), never the secret. */
  s2sToken: (accountId: string, clientId: string, issuer: string) => `s2s:${accountId}:${clientId}${issuer}`,
  /** Legacy JWT app: signed per call and never stored, but its identity keys coalesced reads. */
  legacyToken: (apiKey: string) => `legacy:${apiKey}`,
  /** A user's own OAuth grant (durable: holds the refresh token). */
  userGrant: (clientId: string, zoomUserId: string, issuer: string) => `user:${clientId}:${zoomUserId}${issuer}`,
  /** The Zoom user a caller authorized as, for callers whose credential names none. */
  userLink: (principalId: string) => `link:${principalId}`,
  /** A ZAK per user and the lifetime it was asked for. */
  zak: (userId: string, lifetimeSeconds: number, issuer = '') => `zak:${userId}:${lifetimeSeconds}${issuer}`,
  /** A pending OAuth authorization, by its state id. */
  oauthState: (id: string) => `oauthstate:${id}`,
  /** A claim that a webhook delivery was applied: by its event identity or Zoom's request id (hashed). */
  webhookDelivery: (kind: 'event' | 'request', identity: string) => `webhook:${kind}:${digest(identity)}`,
  /** A claim that one replica is applying, in one period, an accepted webhook event another did not finish. */
  webhookRecovery: (pendingId: string, period: number) => `webhook:recover:${pendingId}:${period}`,
  /** One cached Zoom answer: who asked (credential identity), what, and the versions it depends on. */
  zoomRead: (credentialKey: string, method: string, url: string, scope: string) =>
    `zread:${digest(`${credentialKey}\n${method} ${url}\n${scope}`)}`,
  /** The current version of one read-cache tag. */
  zoomReadVersion: (tag: string) => `zreadver:${digest(tag).slice(0, 32)}`,
  /** A pending entry of a set (work accepted and not yet done), by its random id. */
  pending: (set: string, id: string) => `pending:${set}:${id}`,
  /** An automatic persisted query's text, by its SHA-256 (hex, checked by the caller): shared by replicas. */
  persistedQuery: (sha256Hex: string) => `apq:${sha256Hex}`,
} as const;

/** Keys the backends write beside Keyv's (locks, claims, pacing), and connection names. */
export const backendKeys = {
  lock: (namespace: string, key: string) => `${namespace}:lock:${key}`,
  claim: (namespace: string, key: string) => `${namespace}:claim:${key}`,
  /** SQL LIKE pattern matching every claim of the namespace. */
  claimPattern: (namespace: string) => `${namespace}:claim:%`,
  /** Redis: the ids of one set's pending entries. */
  pending: (namespace: string, set: string) => `${namespace}:pending:${set}`,
  /** Prefix of the shared pacer's slots for one Zoom account; a rate category ends each key. */
  pacer: (namespace: string, account: string) => `${namespace}:pace:${account}`,
  pacerSlot: (prefix: string, category: string) => `${prefix}:${category}`,
  /** CLIENT LIST names, so operators can tell this gateway's connections apart. */
  redisClientName: (namespace: string) => `zgg:${namespace}`,
  redisPacerClientName: (namespace: string) => `zgg:${namespace}:pacer`,
} as const;
