import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors.js';

/**
 * At most `max` GraphQL requests are worked on at once; the others wait, in arrival order,
 * before anything is executed for them, so a burst of clients costs a queue entry each instead
 * of an execution and a Zoom call waiting for a connection. A request that waited `maxWaitMs`
 * without a slot is answered 503 with `Retry-After`.
 */
export class Admission {
  private active = 0;
  /** Waiters in arrival order (a Set iterates in insertion order). */
  private readonly queue = new Set<() => void>();

  constructor(
    readonly max: number,
    private readonly maxWaitMs: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be a positive integer (got ${max})`);
  }

  /** Requests holding a slot. */
  get inflight(): number {
    return this.active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.queue.size;
  }

  /**
   * Resolves with a release function once a slot is free, or with null after `maxWaitMs` or when
   * the cancel callback handed to `onCancel` is called first (the client went away). Release is
   * idempotent.
   */
  enter(onCancel?: (cancel: () => void) => void): Promise<(() => void) | null> {
    if (this.active < this.max && this.queue.size === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(this.releaser());
      };
      const drop = () => {
        clearTimeout(timer);
        if (this.queue.delete(admit)) resolve(null);
      };
      this.queue.add(admit);
      const timer = setTimeout(drop, this.maxWaitMs);
      onCancel?.(drop);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // A freed slot goes straight to the longest waiter, so a newcomer never overtakes it.
      const next = this.queue.values().next();
      if (next.done) {
        this.active--;
        return;
      }
      this.queue.delete(next.value);
      next.value();
    };
  }
}

/**
 * Takes a slot for a `/graphql` request and gives it back when the response is finished or the
 * connection closes, whichever comes first. Runs in `preHandler`, once the body has arrived and
 * the caller is authenticated: a slot taken earlier could be held by a client that never sends
 * its body, or by one that would be refused anyway.
 */
export function admissionHook(admission: Admission, onBusy?: () => void) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return;
    const res = reply.raw;
    const release = await admission.enter((cancel) => res.once('close', cancel));
    if (release) {
      if (res.destroyed || res.writableFinished) release();
      else res.once('close', release);
      return;
    }
    // The client went away while waiting: nothing to answer, and nothing must run for it.
    if (res.destroyed) return reply.hijack();
    onBusy?.();
    request.log.warn({ inflight: admission.inflight, max: admission.max }, 'GraphQL request waited too long for a slot');
    return reply
      .code(503)
      .header('retry-after', '1')
      .send(
        errorBody('GATEWAY_BUSY', `The gateway is busy: ${admission.max} requests are in progress (GRAPHQL_MAX_INFLIGHT). Retry shortly.`, {
          retryAfterSeconds: 1,
        }),
      );
  };
}
