import { REST } from '../errors.js';
import type { Reply } from '../http.js';
import type { ZoomUser } from '../model/user.js';
import { decodeSegment, type RestContext } from './restContext.js';

export type SubjectOutcome = { ok: true; user: ZoomUser } | { ok: false; reply: Reply };

/**
 * Resolves a `{userId}` path parameter (id, email or `me`) for the caller.
 * NOTE: `me` is the token's user for user-level tokens; an S2S token has no user of its own, so
 * `me` acts as the account owner, the app's creator (DOCS26 using-zoom-apis says S2S apps
 * "wouldn't use the me keyword"; docs/zoom.md#user-oauth). A user token naming someone else → 403.
 */
export function resolveSubject(rc: RestContext, rawParam: string, notFound: (id: string) => Reply = REST.userNotFound): SubjectOutcome {
  const { state } = rc.ctx;
  const param = decodeSegment(rawParam);
  const { principal } = rc;
  if (principal.kind === 'user') {
    const self = principal.userId ? state.findUser(principal.userId) : undefined;
    if (!self) return { ok: false, reply: notFound(param) };
    const isSelf = param === 'me' || param === self.id || param.toLowerCase() === self.email.toLowerCase();
    return isSelf ? { ok: true, user: self } : { ok: false, reply: REST.forbidden() };
  }
  const user = param === 'me' ? state.owner : state.findUser(param);
  return user ? { ok: true, user } : { ok: false, reply: notFound(param) };
}

export function isAdmin(user: ZoomUser): boolean {
  return user.role_id === '0' || user.role_id === '1';
}
