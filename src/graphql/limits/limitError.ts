import { GraphQLError, type ASTNode } from 'graphql';
import type { ErrorCode } from '../../errors.js';

const CODE: ErrorCode = 'BAD_USER_INPUT';

/**
 * Which environment variable a rejected operation ran into, so the message says what to change;
 * `INTROSPECTION` is the fixed bound on `__schema`/`__type` fields (see introspection.ts).
 */
export type LimitName =
  | 'GRAPHQL_MAX_DEPTH'
  | 'GRAPHQL_MAX_ALIASES'
  | 'GRAPHQL_MAX_COST'
  | 'GRAPHQL_MAX_BATCH'
  | 'GRAPHQL_MAX_BODY_BYTES'
  | 'HTTP_MAX_JSON_DEPTH'
  | 'GRAPHQL_MAX_DOCUMENT_LENGTH'
  | 'GRAPHQL_MAX_TOKENS'
  | 'GRAPHQL_MAX_NESTING'
  | 'GRAPHQL_MAX_OPERATIONS'
  | 'GRAPHQL_MAX_SELECTIONS'
  | 'GRAPHQL_MAX_DIRECTIVES'
  | 'INTROSPECTION';

/** A client-caused rejection before execution; formatError turns it into BAD_USER_INPUT. */
export function limitError(limit: LimitName, message: string, details: { max: number; actual: number }, nodes?: ASTNode[]): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes ? { nodes } : {}),
    extensions: { code: CODE, limit, ...details, http: { status: 400 } },
  });
}
