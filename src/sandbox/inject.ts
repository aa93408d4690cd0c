import type { FakeContext, FakeRequest } from './context.js';
import type { Reply } from './http.js';
import type { RouteName } from './routes.js';

/** What the `malformed` knob sends: JSON cut off mid-value. */
export const MALFORMED_BODY = '{"access_token":"eyJ0eXAiOiJKV1Qi';

function defaultFailBody(route: RouteName, status: number): unknown {
  return route.startsWith('oauth.')
    ? { reason: 'Injected failure', error: status >= 500 ? 'server_error' : 'invalid_request' }
    : { code: status, message: 'Injected failure.' };
}

/** The reply a `fail` or `malformed` knob imposes on this request, if any; such requests are not processed. */
export function injectedReply(ctx: FakeContext, req: FakeRequest): Reply | undefined {
  const route = req.match.route;
  const fail = ctx.knobs.takeFail(route);
  if (fail) {
    req.record.injected = 'fail';
    const body = fail.body ?? defaultFailBody(route, fail.status);
    const reply: Reply = typeof body === 'string' ? { status: fail.status, text: body } : { status: fail.status, json: body };
    return { ...reply, headers: fail.headers };
  }
  if (ctx.knobs.takeMalformed(route)) {
    req.record.injected = 'malformed';
    return { status: 200, text: MALFORMED_BODY };
  }
  return undefined;
}
