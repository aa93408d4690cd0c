import { createRequire } from 'node:module';
import { pino, type Logger, type DestinationStream, type LoggerOptions } from 'pino';

/** Field names whose values are never logged, wherever they appear (top level or one level down). */
const SECRET_FIELDS = [
  'authorization',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'token',
  'zak',
  'code_verifier',
  'clientSecret',
  'client_secret',
  'apiSecret',
  'sdkSecret',
  'secret',
  'password',
  'signature',
  'variables',
];

/**
 * Paths never logged. Tokens, secrets, codes and ZAKs are also kept out of log calls by
 * construction; this is the net under that.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
];

/**
 * The request as Fastify logs it, minus query values: `/oauth/callback?code=…&state=…` must
 * not put an OAuth code in a log line, and GraphQL GET requests carry whole operations there.
 */
export function safeRequest(req: { method?: string; url?: string; ip?: string; id?: unknown }) {
  return { method: req.method, url: withoutQueryValues(req.url ?? ''), remoteAddress: req.ip };
}

export function withoutQueryValues(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return names.length === 0 ? url.slice(0, q) : `${url.slice(0, q)}?${names.map((n) => `${encodeURIComponent(n)}=[redacted]`).join('&')}`;
}

/**
 * Words after which Zoom's error texts repeat what the request carried ("Invalid authorization
 * code …"), also as the end of a parameter name (`refresh_token`, `client_secret`).
 */
const ECHO_AFTER = /(?<![A-Za-z0-9])(code|token|secret|verifier|password|assertion)\b(\s*[:=]\s*|\s+)([^\s,;]+)/gi;
/** Words kept after those ("Token cannot be empty", "code is expired"); any other is redacted. */
const PLAIN_WORD =
  /^(?:is|was|has|have|had|does|did|not|cannot|can|could|must|should|may|will|be|been|and|or|of|for|in|to|the|a|an|already|expired|invalid|missing|required|empty|mismatch|type|used|revoked|format|value|length|grant|parameter)[.!:]?$/i;
/** Long enough to be a credential: base64 and base64url words, hex, JWTs. */
const TOKEN_RUN = /[A-Za-z0-9_\-+/=.~]{20,}/g;

/**
 * Zoom's text with anything it echoed from a request replaced by `[redacted]`: the word after
 * "code", "token", "secret" and the like, and every long run of token characters that holds a
 * digit or mixes cases. Used for texts Zoom writes about a request that carried a secret (the
 * token endpoint's `reason`), which would otherwise reach logs and error causes verbatim.
 */
export function redactEchoes(text: string): string {
  return text
    .replace(ECHO_AFTER, (match, word: string, separator: string, value: string) =>
      PLAIN_WORD.test(value) ? match : `${word}${separator}[redacted]`,
    )
    .replace(TOKEN_RUN, (run) => (/\d/.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run)) ? '[redacted]' : run));
}

const HARDENING = {
  redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  serializers: { req: safeRequest },
} satisfies Pick<LoggerOptions, 'redact' | 'serializers'>;

/** `trace_id` and `span_id` of the active span while tracing is on (observability/tracing.ts). */
export type TraceFields = () => Record<string, string> | undefined;

export interface LoggerExtras {
  traceFields?: TraceFields;
  /**
   * Readable lines instead of JSON: asked for when stdout is a terminal outside production, and
   * given when pino-pretty (a dev dependency, absent from the image) can be loaded.
   */
  pretty?: boolean;
}

export function createLogger(level: string, destination?: DestinationStream, extras: LoggerExtras = {}): Logger {
  const { traceFields } = extras;
  return pino(
    {
      level,
      ...HARDENING,
      base: { service: 'zoom-graphql-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      ...(traceFields ? { mixin: () => traceFields() ?? {} } : {}),
    },
    destination ?? (extras.pretty ? prettyStream() : undefined),
  );
}

/** A logger handed in from outside (tests, embedding) gets the same redaction and serializers. */
export function hardenLogger(logger: Logger, traceFields?: TraceFields): Logger {
  // A child cannot take a mixin; its log formatter adds the same fields.
  return logger.child({}, traceFields ? { ...HARDENING, formatters: { log: (o) => ({ ...traceFields(), ...o }) } } : HARDENING);
}

/**
 * pino-pretty writing to stdout (or `destination`), or undefined (JSON) when it cannot be loaded:
 * it is a dev dependency, absent from the image, and loaded only when asked for.
 */
export function prettyStream(
  opts: { load?: (name: string) => unknown; destination?: NodeJS.WritableStream; colorize?: boolean } = {},
): DestinationStream | undefined {
  const load = opts.load ?? createRequire(import.meta.url);
  let pretty: (options: Record<string, unknown>) => DestinationStream;
  try {
    pretty = load('pino-pretty') as typeof pretty;
  } catch {
    return undefined;
  }
  return pretty({
    colorize: opts.colorize ?? true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    ...(opts.destination ? { destination: opts.destination } : {}),
  });
}
