import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { GatewayFastify } from './gatewayFastify.js';

const OUTCOME = Symbol('callerOutcome');
type WithOutcome = FastifyRequest & { [OUTCOME]: Promise<Principal> | null };

/**
 * Who sent each `/graphql` request, settled once in its `preHandler` (the body has arrived)
 * and read again by the Apollo context. Authentication runs before a GRAPHQL_MAX_INFLIGHT slot
 * is taken, so a caller without valid credentials never holds one.
 *
 * NOTE: the outcome is a property of the request (declared for every request, so all keep one
 * shape), not a WeakMap entry: a WeakMap keyed by requests kept each request, and all it
 * reaches, alive through young collections until the next full one (measured: about 100 µs
 * of CPU more per request in a bench of the pattern).
 */
export class Callers {
  constructor(
    fastify: GatewayFastify,
    private readonly authenticate: (request: FastifyRequest) => Promise<Principal>,
  ) {
    fastify.decorateRequest(OUTCOME, null);
  }

  /**
   * The caller, or null when it is not authenticated; authenticates once per request (before its
   * body is read, where GRAPHQL_CALLER_PARSE_MS_PER_SECOND needs to know whose it is). A failure
   * is not answered here: the context rethrows it, so Apollo shapes the 401 (and its content type)
   * as for any context error.
   */
  settle(request: FastifyRequest): Promise<Principal | null> {
    let outcome = (request as WithOutcome)[OUTCOME];
    if (!outcome) {
      outcome = this.authenticate(request);
      (request as WithOutcome)[OUTCOME] = outcome;
    }
    return outcome.then(
      (principal) => principal,
      () => null,
    );
  }

  /** The principal settled for this request; requests that skipped the hook authenticate here. */
  principal(request: FastifyRequest): Promise<Principal> {
    return (request as WithOutcome)[OUTCOME] ?? this.authenticate(request);
  }
}
