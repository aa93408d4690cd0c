import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

const current = new AsyncLocalStorage<Logger>();

/** Runs `fn` (a request's handler) so that scopedLogger writes through `requestLogger`. */
export function withRequestLogger<T>(requestLogger: Logger, fn: () => T): T {
  return current.run(requestLogger, fn);
}

/**
 * A logger for code that has no request at hand (Apollo's formatError): inside a request it
 * writes through that request's logger, so the line carries its `reqId`; outside, through `base`.
 */
export function scopedLogger(base: Logger): Logger {
  return new Proxy(base, {
    get(target, prop) {
      const logger = current.getStore() ?? target;
      const value: unknown = Reflect.get(logger, prop, logger);
      return typeof value === 'function' ? value.bind(logger) : value;
    },
  });
}

/** Wraps a Fastify route handler so that everything it awaits runs in its request's scope. */
export function inRequestScope<Req extends { log: object }, Rep, R>(handler: (request: Req, reply: Rep) => R): (request: Req, reply: Rep) => R {
  return (request, reply) => withRequestLogger(request.log as Logger, () => handler(request, reply));
}
