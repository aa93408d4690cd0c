import type { FakeContext, FakeRequest } from './context.js';
import { json, type Reply } from './http.js';
import { handleLiveAdmin } from './live.js';
import type { MeetingEdit, UserEdit } from './portal.js';

type Obj = Record<string, unknown>;

export class AdminInputError extends Error {}

const MEETING_EDIT_KEYS = ['topic', 'agenda', 'duration', 'timezone', 'start_time'] as const;
const USER_EDIT_KEYS = ['first_name', 'last_name', 'display_name', 'dept', 'job_title', 'timezone'] as const;

function only<K extends string>(body: Obj, keys: readonly K[]): Partial<Record<K, never>> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => (keys as readonly string[]).includes(k))) as Partial<Record<K, never>>;
}

function subscriptionsView(ctx: FakeContext) {
  // Secrets stay in the fake: a control route never echoes one.
  return ctx.webhooks.subscriptions().map(({ clientId, url, validated }) => ({ clientId, url, validated }));
}

/** The app a subscription belongs to: a known client id, by default the first user OAuth app. */
function appOf(ctx: FakeContext, value: unknown): string {
  const clientId = typeof value === 'string' ? value : ctx.apps.oauth[0]?.clientId;
  const known = [...ctx.apps.oauth, ...ctx.apps.s2s].some((a) => a.clientId === clientId);
  if (!clientId || !known) throw new AdminInputError(`unknown app: ${String(value)}`);
  return clientId;
}

async function setSubscription(ctx: FakeContext, body: Obj): Promise<Reply> {
  if (body.retryScale !== undefined) {
    if (typeof body.retryScale !== 'number' || !(body.retryScale >= 0)) throw new AdminInputError('retryScale must be a number ≥ 0');
    ctx.webhooks.retryScale = body.retryScale;
  }
  if (body.url === null) ctx.webhooks.unsubscribe(appOf(ctx, body.clientId));
  else if (body.url !== undefined) {
    if (typeof body.url !== 'string' || !URL.canParse(body.url)) throw new AdminInputError('url must be an absolute URL or null');
    if (typeof body.secretToken !== 'string' || body.secretToken === '') throw new AdminInputError('secretToken must be a string');
    await ctx.webhooks.subscribe(appOf(ctx, body.clientId), body.url, body.secretToken);
  }
  return json(200, { subscriptions: subscriptionsView(ctx) });
}

/** `/__fake/portal/...`: out-of-band changes, as a person makes them in Zoom's web portal. */
function portal(ctx: FakeContext, method: string, rest: string[], body: Obj): Reply | undefined {
  const [kind, id, action] = rest.map(decodeURIComponent);
  if (!id) return undefined;
  const p = ctx.portal;
  if (kind === 'meetings' && !action && method === 'POST')
    return json(200, p.updateMeeting(id, only(body, MEETING_EDIT_KEYS) as MeetingEdit));
  if (kind === 'meetings' && !action && method === 'DELETE') return (p.deleteMeeting(id), json(200, { ok: true }));
  if (kind === 'users' && !action && method === 'POST') {
    if (body.status === 'active' || body.status === 'inactive') p.setUserStatus(id, body.status);
    else if (body.status !== undefined) throw new AdminInputError('status must be "active" or "inactive"');
    const edit = only(body, USER_EDIT_KEYS) as UserEdit;
    return json(200, Object.keys(edit).length > 0 ? p.updateUser(id, edit) : ctx.state.requireUser(id));
  }
  if (kind === 'users' && !action && method === 'DELETE') return (p.deleteUser(id), json(200, { ok: true }));
  if (kind === 'users' && action === 'deauthorize' && method === 'POST')
    return (p.removeApp(id, appOf(ctx, body.clientId)), json(200, { ok: true }));
  return undefined;
}

/** Webhook and portal admin routes; undefined when the request is none of them. */
export async function handleWebhookAdmin(ctx: FakeContext, req: FakeRequest, body: Obj): Promise<Reply | undefined> {
  const key = `${req.method} ${req.path}`;
  if (key === 'POST /__fake/webhooks') return setSubscription(ctx, body);
  if (key === 'GET /__fake/webhooks') return json(200, { subscriptions: subscriptionsView(ctx), deliveries: ctx.webhooks.deliveries });
  if (key === 'POST /__fake/webhooks/run-due') {
    ctx.webhooks.runDue();
    await ctx.webhooks.idle();
    return json(200, { deliveries: ctx.webhooks.deliveries.length });
  }
  if (req.path.startsWith('/__fake/portal/')) return portal(ctx, req.method, req.path.slice('/__fake/portal/'.length).split('/'), body);
  if (req.path.startsWith('/__fake/live/')) return handleLiveAdmin(ctx, req.method, req.path, body);
  return undefined;
}
