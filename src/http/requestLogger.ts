import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * A request's logger, made (as `logger.child(bindings, opts)`, what Fastify makes by default) on
 * its first line at a level that is logged. pino runs a child's bindings through every redaction
 * path (logger.ts), about 10 µs per request, and at LOG_LEVEL=warn most requests log nothing.
 * Lines at levels below the request's level (the route's `logLevel`, else the logger's) are
 * dropped as pino drops them.
 */
class RequestLogger implements FastifyBaseLogger {
  private real: FastifyBaseLogger | undefined;
  private readonly threshold: number;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly values: Logger['levels']['values'],
    private readonly bindings: Bindings,
    private readonly opts: ChildLoggerOptions,
  ) {
    this.threshold = values[opts.level ?? parent.level] ?? 0;
  }

  trace(...args: unknown[]): void {
    this.log('trace', args);
  }

  debug(...args: unknown[]): void {
    this.log('debug', args);
  }

  info(...args: unknown[]): void {
    this.log('info', args);
  }

  warn(...args: unknown[]): void {
    this.log('warn', args);
  }

  error(...args: unknown[]): void {
    this.log('error', args);
  }

  fatal(...args: unknown[]): void {
    this.log('fatal', args);
  }

  silent(): void {}

  get level(): string {
    return this.real?.level ?? this.opts.level ?? this.parent.level;
  }

  set level(level: string) {
    this.made().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.made().child(bindings, options);
  }

  private log(level: Level, args: unknown[]): void {
    if (!this.real && (this.values[level] ?? 0) < this.threshold) return;
    (this.made()[level] as (...a: unknown[]) => void)(...args);
  }

  private made(): FastifyBaseLogger {
    // NOTE: no options at all when the route sets none: pino's child takes a faster path then.
    this.real ??= Object.keys(this.opts).length > 0 ? this.parent.child(this.bindings, this.opts) : this.parent.child(this.bindings);
    return this.real;
  }
}

/** Fastify's `childLoggerFactory`: request loggers made lazily, with the levels of `logger` (the root). */
export function requestLoggers(logger: Logger) {
  const values = logger.levels.values;
  return (parent: FastifyBaseLogger, bindings: Bindings, opts: ChildLoggerOptions): FastifyBaseLogger =>
    new RequestLogger(parent, values, bindings, opts);
}
