import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { formParams, type FakeContext, type FakeRequest } from './context.js';
import { handleAdmin } from './admin.js';
import { oauthError, REST, zoomError } from './errors.js';
import { parseQuery, readBody, sendReply, splitUrl, type Reply } from './http.js';
import { trackingId } from './ids.js';
import { handleAuthorize } from './oauth/authorize.js';
import { handleRevoke } from './oauth/revoke.js';
import { handleToken } from './oauth/token.js';
import { handleDownload } from './past/download.js';
import { injectedReply } from './inject.js';
import type { RecordedRequest } from './recorder.js';
import { describeBearer } from './rest/auth.js';
import { handleRest } from './rest/index.js';
import { matchRoute } from './routes.js';

function dispatch(ctx: FakeContext, req: FakeRequest): Reply {
  switch (req.match.route) {
    case 'oauth.token':
      return handleToken(ctx, req);
    case 'oauth.authorize':
      return handleAuthorize(ctx, req);
    case 'oauth.revoke':
      return handleRevoke(ctx, req);
    case 'recordings.download':
      return handleDownload(ctx, req);
    case 'unknown':
      return REST.unknownEndpoint();
    default:
      return handleRest(ctx, req);
  }
}

/** Aborts when the client's connection closes before the fake has answered. */
function watchClient(res: ServerResponse): AbortSignal {
  const ac = new AbortController();
  res.once('close', () => {
    if (!res.writableEnded) ac.abort();
  });
  return ac.signal;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function log(ctx: FakeContext, r: RecordedRequest): void {
  const flags = [r.aborted ? 'aborted' : '', r.injected ?? ''].filter(Boolean).join(',');
  ctx.logger?.(`${r.method} ${r.path} ${r.status} ${r.route}${flags ? ` [${flags}]` : ''}`);
}

function annotate(ctx: FakeContext, req: FakeRequest): void {
  if (req.match.route === 'oauth.token') {
    const grant = formParams(req).get('grant_type');
    if (grant !== null) req.record.grantType = grant;
  } else if (!req.match.route.startsWith('oauth.')) {
    describeBearer(ctx, req);
  }
}

async function handle(ctx: FakeContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const { path, rawQuery } = splitUrl(req.url ?? '/');
  const query = parseQuery(rawQuery);
  const match = matchRoute(method, path);
  const record: RecordedRequest = { route: match.route, method, path, query, status: 0, at: ctx.clock.now() };
  ctx.recorder.add(record);
  const gone = watchClient(res);
  let body: string;
  try {
    body = await readBody(req);
  } catch {
    record.aborted = true;
    return log(ctx, record);
  }
  // REST bodies are kept for tests that check what reached Zoom; OAuth bodies carry secrets.
  if (body !== '' && path.startsWith('/v2/')) record.body = body;
  const request: FakeRequest = { method, path, query, headers: req.headers, body, match, record };
  if (match.route === 'admin') {
    const reply = await handleAdmin(ctx, request);
    record.status = reply.status;
    return sendReply(res, reply);
  }
  annotate(ctx, request);
  const { knobs } = ctx;
  await pause(knobs.latencyFor(match.route), gone);
  await knobs.activeHold(match.route)?.wait(gone);
  if (gone.aborted || ctx.stopped) {
    // NOTE: models "the process died before Zoom processed the request": nothing happened.
    record.aborted = true;
    return log(ctx, record);
  }
  if (knobs.takeDrop(match.route, 'before')) {
    record.injected = 'drop-before';
    req.socket.destroy();
    return log(ctx, record);
  }
  const injected = injectedReply(ctx, request);
  const reply = injected ?? dispatch(ctx, request);
  record.status = reply.status;
  if (!injected && knobs.takeDrop(match.route, 'after')) {
    record.injected = 'drop-after';
    req.socket.destroy();
    return log(ctx, record);
  }
  // NOTE: every Zoom response carries x-zm-trackingid (Jericho/ZoomNet#193, docs/zoom.md#user-oauth).
  sendReply(res, { ...reply, headers: { 'x-zm-trackingid': trackingId(), ...reply.headers } });
  log(ctx, record);
}

export function createListener(ctx: FakeContext): RequestListener {
  return (req, res) => {
    handle(ctx, req, res).catch((err: unknown) => {
      ctx.logger?.(`fake zoom internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent || res.destroyed) res.destroy();
      else
        sendReply(
          res,
          req.url?.startsWith('/oauth/') ? oauthError(500, 'server_error', 'Internal error') : zoomError(500, 500, 'Internal error.'),
        );
    });
  };
}
