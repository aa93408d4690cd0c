import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';

/**
 * Who sent each `/graphql` request, settled once in its `preHandler` (the body has arrived)
 * and read again by the Apollo context. Authentication runs before a GRAPHQL_MAX_INFLIGHT slot
 * is taken, so a caller without valid credentials never holds one.
 */
export class Callers {
  private readonly outcomes = new WeakMap<FastifyRequest, Promise<Principal>>();

  constructor(private readonly authenticate: (request: FastifyRequest) => Promise<Principal>) {}

  /**
   * True when the caller is authenticated. A failure is not answered here: the context
   * rethrows it, so Apollo shapes the 401 (and its content type) as for any context error.
   */
  async settle(request: FastifyRequest): Promise<boolean> {
    const outcome = this.authenticate(request);
    this.outcomes.set(request, outcome);
    return outcome.then(
      () => true,
      () => false,
    );
  }

  /** The principal settled for this request; requests that skipped the hook authenticate here. */
  principal(request: FastifyRequest): Promise<Principal> {
    return this.outcomes.get(request) ?? this.authenticate(request);
  }
}
