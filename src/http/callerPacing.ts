import { performance } from 'node:perf_hooks';
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { errorBody } from '../errors.js';
import type { GatewayFastify } from './gatewayFastify.js';
import type { ParsePacing, Turn } from './parsePacing.js';

const WORK = Symbol('parseWork');
interface Work {
  /** Measured so far, ms. */
  ms: number;
  /** Its turn, until the measure is handed to the caller's account. */
  turn: Turn | null;
}
type WithWork = FastifyRequest & { [WORK]: Work | null };

/**
 * The `/graphql` route's side of GRAPHQL_CALLER_PARSE_MS_PER_SECOND (parsePacing.ts): before the
 * body is read, the caller (known from its headers alone) waits for its turn; the synchronous
 * work done for the request until execution (JSON parse, depth scan, trusted-document lookup,
 * the request limits' parse and walk) is measured and charged to the caller once the request
 * reaches execution or its answer, whichever comes first.
 *
 * NOTE: the measure is a property of the request, declared for every request (see callers.ts).
 */
export class CallerPacing {
  constructor(
    fastify: GatewayFastify,
    private readonly pacing: ParsePacing | null,
    private readonly callerOf: (request: FastifyRequest) => Promise<string>,
  ) {
    fastify.decorateRequest(WORK, null);
    if (!pacing) return;
    // Fastify's own JSON parser, timed: on any route, a body's parse counts toward its request's work.
    const parse = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const t0 = performance.now();
      try {
        parse(request, body as string, done);
      } finally {
        const work = (request as WithWork)[WORK];
        if (work) work.ms += performance.now() - t0;
      }
    });
  }

  /** Route `preParsing` hook: the request's body is read once its caller's turn has come. */
  preParsing = (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: RequestPayload,
    done: (err: Error | null, value?: RequestPayload) => void,
  ) => {
    const pacing = this.pacing;
    if (!pacing || request.ws || request.method === 'OPTIONS') return done(null, payload);
    const work: Work = { ms: 0, turn: null };
    (request as WithWork)[WORK] = work;
    const res = reply.raw;
    // Whatever ends the request also ends its measure: a body refused before the handler, a client gone.
    res.once('close', () => this.charge(request));
    void this.callerOf(request)
      .then((caller) => pacing.enter(caller, (cancel) => res.once('close', cancel)))
      .then(
        (turn) => {
          if (typeof turn === 'object') {
            work.turn = turn;
            if (res.destroyed) return this.charge(request);
            return done(null, payload);
          }
          if (res.destroyed) return;
          request.log.warn({ retryAfterSeconds: turn }, 'GraphQL request refused: its caller is over its parse budget');
          void reply
            .code(503)
            .header('retry-after', String(turn))
            .send(
              errorBody(
                'GATEWAY_BUSY',
                `This caller's requests cost more parse work than GRAPHQL_CALLER_PARSE_MS_PER_SECOND (${pacing.msPerSecond} ms per second) allows; retry in ${turn} s.`,
                { retryAfterSeconds: turn, limit: 'GRAPHQL_CALLER_PARSE_MS_PER_SECOND' },
              ),
            );
        },
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err)), payload),
      );
  };

  /** Runs `fn`, counting its time toward the request's parse work. */
  measure<T>(request: FastifyRequest, fn: () => T): T {
    const work = (request as WithWork)[WORK];
    if (!work) return fn();
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      work.ms += performance.now() - t0;
    }
  }

  /** Charges what was measured; later calls do nothing. */
  charge(request: FastifyRequest): void {
    const work = (request as WithWork)[WORK];
    if (!work?.turn) return;
    const turn = work.turn;
    work.turn = null;
    turn.charge(work.ms);
  }
}
