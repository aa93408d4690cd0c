import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayFastify } from './gatewayFastify.js';
import { errorBody } from '../errors.js';
import type { Clock } from '../clock.js';
import { jsonDepthMessage, jsonTextDepth } from './jsonDepth.js';
import { deliveryKeys, parseEvent, URL_VALIDATION, type EventLabel } from '../zoom/events.js';
import type { WebhookReceiver } from '../webhooks/receiver.js';
import { encryptPlainToken, verifyWebhook, WEBHOOK_MAX_SKEW_MS } from '../webhooks/verify.js';

export const WEBHOOK_PATH = '/zoom/webhooks';
/** Zoom's event bodies are a few KiB; anything far larger is not worth reading or hashing. */
const WEBHOOK_MAX_BODY_BYTES = 256 * 1024;

export type RequestOutcome = 'accepted' | 'validated' | 'unsigned' | 'bad_signature' | 'stale' | 'malformed' | 'too_large' | 'unrecorded';

export interface WebhookRouteOptions {
  /** ZOOM_WEBHOOK_SECRET_TOKEN: every secret is accepted (several during a rotation). */
  secrets: readonly string[];
  clock: Clock;
  /** HTTP_MAX_JSON_DEPTH: a signed body nesting deeper is refused before it is parsed. */
  maxJsonDepth: number;
  receiver: WebhookReceiver;
  /** `unverified` when the request was refused before its body could be trusted. */
  observe: (event: EventLabel | 'unverified', outcome: RequestOutcome) => void;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * `POST /zoom/webhooks`: Zoom's event notifications. It authenticates by signature alone (no
 * caller credential): the body is kept as the raw bytes Zoom signed, verified before it is
 * parsed, recorded in the store, answered, and applied after the answer (Zoom waits 3 s at most).
 */
export async function registerWebhookRoute(fastify: GatewayFastify, opts: WebhookRouteOptions): Promise<void> {
  await fastify.register(async (scope) => {
    // Only in this scope: every content type arrives as the exact bytes received.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_MAX_BODY_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler(async (err: FastifyError, request, reply) => {
      const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      opts.observe('unverified', tooLarge ? 'too_large' : 'malformed');
      request.log.info({ code: err.code }, 'webhook request refused before verification');
      const status = tooLarge ? 413 : (err.statusCode ?? 400) < 500 ? (err.statusCode ?? 400) : 400;
      const message = tooLarge ? `The body exceeds ${WEBHOOK_MAX_BODY_BYTES} bytes.` : 'The request could not be read.';
      return reply.code(status).send(errorBody('BAD_USER_INPUT', message));
    });
    scope.post(WEBHOOK_PATH, (request, reply) => receive(request, reply, opts));
  });
}

async function receive(request: FastifyRequest, reply: FastifyReply, opts: WebhookRouteOptions) {
  void reply.header('cache-control', 'no-store');
  const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const verified = verifyWebhook(
    { signature: header(request, 'x-zm-signature'), timestamp: header(request, 'x-zm-request-timestamp'), rawBody },
    opts.secrets,
    opts.clock.now(),
  );
  if (!verified.ok) {
    opts.observe('unverified', verified.reason);
    request.log.warn({ reason: verified.reason }, 'webhook request refused: not signed by Zoom with a configured secret token');
    const message = {
      unsigned: 'x-zm-signature and x-zm-request-timestamp are required.',
      bad_signature: 'x-zm-signature does not verify with the webhook secret token.',
      stale: `x-zm-request-timestamp is more than ${WEBHOOK_MAX_SKEW_MS / 60_000} minutes from now.`,
    }[verified.reason];
    return reply.code(401).send(errorBody('UNAUTHENTICATED', message));
  }
  // Zoom's events nest a few levels; a deeper body would overflow the stack where it is stored.
  const depth = jsonTextDepth(rawBody.toString('utf8'));
  if (depth > opts.maxJsonDepth) {
    opts.observe('unverified', 'malformed');
    request.log.warn({ depth, max: opts.maxJsonDepth }, 'signed webhook body nests too deeply');
    const max = opts.maxJsonDepth;
    return reply
      .code(400)
      .send(errorBody('BAD_USER_INPUT', jsonDepthMessage('The body', depth, max), { limit: 'HTTP_MAX_JSON_DEPTH', max, actual: depth }));
  }
  const parsed = parseEvent(rawBody);
  if (!parsed.ok) {
    opts.observe(parsed.label, 'malformed');
    request.log.warn({ event: parsed.label, problem: parsed.problem }, 'signed webhook body is not a usable Zoom event');
    return reply.code(400).send(errorBody('BAD_USER_INPUT', `Not a usable Zoom event: ${parsed.problem}`));
  }
  const { event, label, body } = parsed;
  if (event.type === 'url_validation') {
    opts.observe(URL_VALIDATION, 'validated');
    // NOTE: answered only once signed: unsigned, this would hand anyone an HMAC of their choice
    // under the secret — including a valid signature for a forged event.
    return reply.code(200).send({ plainToken: event.plainToken, encryptedToken: encryptPlainToken(verified.secret, event.plainToken) });
  }
  // The request id is not covered by the signature: logged bounded, and only ever hashed into a key.
  const zoomRequestId = header(request, 'x-zm-request-id');
  let pendingId: string | undefined;
  try {
    pendingId = await opts.receiver.accept(event, label);
  } catch (err) {
    // Not answered 200: Zoom delivers it again (after 5, 20 and 60 minutes).
    opts.observe(label, 'unrecorded');
    request.log.error({ err, event: label }, 'webhook event could not be recorded in the store; answered 503 so that Zoom sends it again');
    return reply.code(503).send(errorBody('STORE_UNAVAILABLE', 'The event could not be recorded; send it again later.'));
  }
  opts.observe(label, 'accepted');
  request.log.info({ event: label, zoomRequestId: zoomRequestId?.slice(0, 64) }, 'webhook event accepted');
  await reply.code(200).send();
  opts.receiver.enqueue(event, label, deliveryKeys(zoomRequestId, body, rawBody), request.log, pendingId);
  return reply;
}
