import { invalidField, zoomError } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { ZoomUser } from '../model/user.js';
import { secureBase64Url } from '../random.js';
import { USER_TOKEN_TYPES } from './params.js';
import type { RestContext } from './restContext.js';
import { resolveSubject } from './subject.js';

const DEFAULT_ZAK_TTL_S = 7200;
const MAX_ZAK_TTL_S = 31_536_000;
const ONBEHALF_TTL_S = 7200;
/** NOTE: "ZAKs obtained with this endpoint expire five minutes after receipt" (`/users/me/zak`, docs/zoom.md#zak). */
const ME_ZAK_TTL_S = 300;

function issueZak(rc: RestContext, user: ZoomUser, ttlSeconds: number): Reply {
  const now = rc.ctx.clock.now();
  const token = secureBase64Url(96);
  rc.ctx.state.zaks.set(token, { token, userId: user.id, issuedAt: now, expiresAt: now + ttlSeconds * 1000, invalidated: false });
  return json(200, { token });
}

/** `GET /users/{userId}/token?type=zak&ttl=N` (docs/zoom.md#zak). */
export function userToken(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  const { query } = rc.req;
  const type = query.type ?? 'token';
  if (!(USER_TOKEN_TYPES as readonly string[]).includes(type)) return invalidField('type');
  if (type === 'token') {
    // NOTE: `type=token` is the default but refused in 2026 unless allowlisted; code 300 is UNCONFIRMED (docs/zoom.md#zak).
    return zoomError(400, 300, 'Token is no longer supported. Please use ZAK token instead.');
  }
  if (type === 'onbehalf') {
    return query.meeting_id ? issueZak(rc, subject.user, ONBEHALF_TTL_S) : invalidField('meeting_id');
  }
  const rawTtl = query.ttl;
  if (rawTtl === undefined) return issueZak(rc, subject.user, DEFAULT_ZAK_TTL_S);
  const ttl = Number(rawTtl);
  if (!/^\d+$/.test(rawTtl) || ttl < 1 || ttl > MAX_ZAK_TTL_S) return invalidField('ttl');
  return issueZak(rc, subject.user, ttl);
}

/** `GET /users/me/zak`: user-level tokens only. */
export function meZak(rc: RestContext): Reply {
  const user = rc.principal.kind === 'user' && rc.principal.userId ? rc.ctx.state.findUser(rc.principal.userId) : undefined;
  // NOTE: documented error for a token without a user: code 1001 under 400 (SPEC23 text says 404; docs/zoom.md#zak).
  if (!user) return zoomError(400, 1001, 'User me does not exist or does not belong to this account.');
  return issueZak(rc, user, ME_ZAK_TTL_S);
}
