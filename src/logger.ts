import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * Paths never logged. Tokens, secrets, codes and ZAKs are also kept out of log calls by
 * construction; this is the net under that.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.authorization',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.refresh_token',
  '*.token',
  '*.zak',
  '*.code_verifier',
  '*.clientSecret',
  '*.client_secret',
  '*.secret',
  '*.password',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'zoom-graphql-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
