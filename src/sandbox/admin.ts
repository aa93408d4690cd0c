import { handlePastAdmin } from './adminPast.js';
import { handleWebhookAdmin } from './adminWebhooks.js';
import type { FakeContext, FakeRequest } from './context.js';
import { json, type Reply } from './http.js';
import type { DropRule, FailRule, MalformedRule } from './knobs.js';
import { ROUTE_NAMES, type RouteName } from './routes.js';

type Obj = Record<string, unknown>;

class AdminError extends Error {}

function asList<T>(value: unknown): T[] {
  return (Array.isArray(value) ? value : [value]) as T[];
}

function route(value: unknown): RouteName {
  if (typeof value === 'string' && (ROUTE_NAMES as readonly string[]).includes(value)) return value as RouteName;
  throw new AdminError(`unknown route: ${String(value)}`);
}

function num(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new AdminError(`${name} must be a number`);
}

function str(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  throw new AdminError(`${name} must be a string`);
}

/** Applies `POST /__fake/knobs` keys in a fixed order; `reset` first so it can be combined. */
function applyKnobs(ctx: FakeContext, body: Obj): void {
  const { knobs } = ctx;
  if (body.reset) knobs.reset();
  if (body.latency !== undefined) {
    const l = body.latency as Obj;
    knobs.latency(num(l.ms, 'latency.ms'), l.route === undefined ? undefined : route(l.route));
  }
  for (const f of body.fail === undefined ? [] : asList<FailRule>(body.fail))
    knobs.fail({ ...f, route: route(f.route), status: num(f.status, 'fail.status') });
  for (const d of body.drop === undefined ? [] : asList<DropRule>(body.drop)) {
    if (d.when !== 'before' && d.when !== 'after') throw new AdminError('drop.when must be "before" or "after"');
    knobs.drop({ ...d, route: route(d.route) });
  }
  for (const m of body.malformed === undefined ? [] : asList<MalformedRule>(body.malformed))
    knobs.malformed({ ...m, route: route(m.route) });
  if (body.hold !== undefined) knobs.hold(route(body.hold));
  if (body.release !== undefined) knobs.activeHold(route(body.release))?.release();
  if (body.setAuthorizingUser !== undefined) knobs.setAuthorizingUser(str(body.setAuthorizingUser, 'setAuthorizingUser'));
  if (body.revokeAll !== undefined) knobs.revokeAll(str(body.revokeAll, 'revokeAll'));
  if (body.invalidateZaks !== undefined) knobs.invalidateZaks(str(body.invalidateZaks, 'invalidateZaks'));
  if (body.expireAccessTokens) knobs.expireAccessTokens();
}

function applyClock(ctx: FakeContext, body: Obj): void {
  if (body.reset) ctx.clock.reset();
  if (body.set !== undefined) ctx.clock.set(num(body.set, 'set'));
  if (body.advanceMs !== undefined) ctx.clock.advance(num(body.advanceMs, 'advanceMs'));
  if (typeof body.freeze === 'number') ctx.clock.freeze(body.freeze);
  else if (body.freeze) ctx.clock.freeze();
  if (body.unfreeze) ctx.clock.unfreeze();
}

/** Counters, knobs, time and counters reset; rate-limit windows and quotas too. Data stays. */
export function resetFake(ctx: FakeContext): void {
  ctx.knobs.reset();
  ctx.clock.reset();
  ctx.recorder.reset();
  ctx.rateLimiter.reset();
  ctx.state.meetingQuota.reset();
}

function hitsBody(ctx: FakeContext): Obj {
  const routes: Obj = {};
  for (const r of ROUTE_NAMES) routes[r] = ctx.recorder.hits(r);
  const grants: Record<string, number> = {};
  for (const r of ctx.recorder.requests) if (r.route === 'oauth.token') grants[r.grantType ?? ''] = (grants[r.grantType ?? ''] ?? 0) + 1;
  return { total: ctx.recorder.hits(), routes, tokenRequests: grants };
}

function route404(): Reply {
  return json(404, { error: 'unknown admin route' });
}

/** `/__fake/*`: control a fake running in another process. Never subject to knobs or limits. */
export async function handleAdmin(ctx: FakeContext, req: FakeRequest): Promise<Reply> {
  const key = `${req.method} ${req.path}`;
  let body: Obj = {};
  try {
    if (req.method === 'POST' && req.body.trim() !== '') body = JSON.parse(req.body) as Obj;
    switch (key) {
      case 'GET /__fake/hits':
        return json(200, hitsBody(ctx));
      case 'GET /__fake/requests':
        return json(
          200,
          ctx.recorder.requests.filter((r) => r !== req.record),
        );
      case 'GET /__fake/account':
        return json(200, {
          accountId: ctx.state.accountId,
          owner: { id: ctx.state.owner.id, email: ctx.state.owner.email },
          users: ctx.state.users.length,
          meetings: ctx.state.meetings.length,
        });
      case 'POST /__fake/knobs':
        applyKnobs(ctx, body);
        return json(200, { ok: true });
      case 'POST /__fake/clock':
        applyClock(ctx, body);
        return json(200, { now: ctx.clock.now() });
      case 'GET /__fake/clock':
        return json(200, { now: ctx.clock.now() });
      case 'POST /__fake/reset':
        resetFake(ctx);
        return json(200, { ok: true });
      case 'POST /__fake/user-token': {
        const t = ctx.state.issueUserToken(str(body.user, 'user'), typeof body.clientId === 'string' ? body.clientId : undefined);
        return json(200, { access_token: t.accessToken, refresh_token: t.refreshToken });
      }
      default:
        return (await handleWebhookAdmin(ctx, req, body)) ?? handlePastAdmin(ctx, req, body) ?? route404();
    }
  } catch (err) {
    return json(400, { error: err instanceof Error ? err.message : String(err) });
  }
}
