import type { FakeContext, FakeRequest } from '../context.js';
import { REST } from '../errors.js';
import type { Reply } from '../http.js';
import { verifyLegacyJwt } from '../legacyJwt.js';
import type { TokenKind } from '../model/tokens.js';

export interface Principal {
  kind: TokenKind;
  accountId: string;
  /** The token's user, for user-level OAuth tokens. */
  userId?: string;
  token: string;
}

export type AuthOutcome = { ok: true; principal: Principal } | { ok: false; reply: Reply };

export function bearerOf(req: FakeRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** What the request carried, for the request log (filled in before any knob can abort it). */
export function describeBearer(ctx: FakeContext, req: FakeRequest): void {
  const token = bearerOf(req);
  if (token === undefined) return;
  const record = ctx.state.accessTokens.get(token);
  req.record.accessToken = token;
  if (record) {
    req.record.tokenKind = record.kind;
    if (record.userId) req.record.tokenUserId = record.userId;
  } else {
    req.record.tokenKind = verifyLegacyJwt(token, ctx.apps.legacy, ctx.clock.now()) === 'not-jwt' ? 'invalid' : 'legacy';
  }
}

/** NOTE: bad, expired or revoked tokens → 401 code 124, as observed (USERS26 documents 400; docs/zoom.md#user-oauth). */
export function authenticate(ctx: FakeContext, req: FakeRequest): AuthOutcome {
  if ('access_token' in req.query) return { ok: false, reply: REST.queryToken() };
  const token = bearerOf(req);
  if (token === undefined) return { ok: false, reply: REST.invalidToken() };
  const record = ctx.state.accessTokens.get(token);
  const now = ctx.clock.now();
  if (record) {
    const grant = record.grantId ? ctx.state.grants.get(record.grantId) : undefined;
    if (record.revoked || grant?.revoked) return { ok: false, reply: REST.invalidToken() };
    if (record.expiresAt <= now) return { ok: false, reply: REST.expiredToken() };
    return { ok: true, principal: { kind: record.kind, accountId: record.accountId, userId: record.userId, token } };
  }
  switch (verifyLegacyJwt(token, ctx.apps.legacy, now)) {
    case 'valid':
      return { ok: true, principal: { kind: 'legacy', accountId: ctx.state.accountId, token } };
    case 'expired':
      return { ok: false, reply: REST.expiredToken() };
    default:
      return { ok: false, reply: REST.invalidToken() };
  }
}
