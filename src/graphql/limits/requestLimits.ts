import type { FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { errorBody } from '../../errors.js';
import type { CostCalculator } from './cost.js';
import type { ValidatedDocuments } from './documents.js';
import { parseWithinLimits, type DocumentRefusal } from './documentLimits.js';
import { introspectionExcess } from './introspection.js';
import type { LimitName } from './limitError.js';
import { operationShapes, saturate } from './shape.js';

interface Operation {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The query limits, checked on the whole HTTP request before Apollo sees it.
 *
 * - Each query text is parsed here once, within the limits that bound parsing and validation
 *   (documentLimits.ts). A document that passes every limit is validated with Apollo's own
 *   rules and put in Apollo's document store, where Apollo finds it instead of parsing and
 *   validating the text again. An invalid one is left to Apollo, which answers its errors.
 * - GRAPHQL_MAX_COST and the introspection bound apply to the request, not to each operation:
 *   Apollo runs the operations of a batch concurrently, each through the plugins on its own,
 *   so a per-operation check would let one operation call Zoom before a later one finds the
 *   total too high. The batch is summed here and refused whole.
 * - An operation over GRAPHQL_MAX_ALIASES or GRAPHQL_MAX_DEPTH is refused after the parse and
 *   one linear walk, before graphql's own validation rules spend their time on it.
 *
 * Queries Apollo has validated before are taken from its document store. The same checks run
 * inside Apollo (its parse's token limit, validation rules, cost plugin) for what this cannot
 * see, such as an automatic persisted query sent by its hash.
 */
export function requestLimits(
  limits: QueryLimits,
  costs: CostCalculator,
  documents: ValidatedDocuments,
  validation: { schema: GraphQLSchema; rules: readonly ValidationRule[] },
) {
  const refuse = (reply: FastifyReply, limit: LimitName, message: string, max: number, actual?: number) =>
    reply.code(400).send(errorBody('BAD_USER_INPUT', message, { limit, max, ...(actual === undefined ? {} : { actual }) }));
  const rules = [...specifiedRules, ...validation.rules];

  return (request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined => {
    const operations = operationsOf(request);
    if (operations.length === 0) return undefined;
    const batched = operations.length > 1;
    const parsed = new Map<string, { document?: DocumentNode; fresh: boolean }>();
    let cost = 0;
    const introspection = { schemas: 0, types: 0 };
    for (const op of operations) {
      let entry = parsed.get(op.query);
      if (!entry) {
        // A text over the length limit is refused before it is even hashed to look it up.
        const known = op.query.length > limits.maxDocumentLength ? undefined : documents.forQuery(op.query);
        if (known) entry = { document: known, fresh: false };
        else {
          const result = parseWithinLimits(op.query, limits);
          if ('refusal' in result) return refuseWith(reply, result.refusal);
          entry = { ...('document' in result ? { document: result.document } : {}), fresh: true };
        }
        parsed.set(op.query, entry);
      }
      const document = entry.document;
      const operation = document && getOperationAST(document, op.operationName);
      if (!document || !operation) continue;
      const shape = operationShapes(document).get(operation)!;
      if (shape.aliases > limits.maxAliases) {
        const [max, actual] = [limits.maxAliases, shape.aliases];
        return refuse(
          reply,
          'GRAPHQL_MAX_ALIASES',
          `The operation uses ${actual} aliases; the limit is ${max} (GRAPHQL_MAX_ALIASES).`,
          max,
          actual,
        );
      }
      if (shape.depth > limits.maxDepth) {
        const [max, actual] = [limits.maxDepth, shape.depth];
        return refuse(
          reply,
          'GRAPHQL_MAX_DEPTH',
          `The operation nests ${actual} levels deep; the limit is ${max} (GRAPHQL_MAX_DEPTH).`,
          max,
          actual,
        );
      }
      introspection.schemas = saturate(introspection.schemas + shape.schemas);
      introspection.types = saturate(introspection.types + shape.types);
      const excess = introspectionExcess(introspection, batched ? 'request' : 'operation');
      if (excess) return refuse(reply, 'INTROSPECTION', excess.message, excess.max, excess.actual);
      const result = costs.cost(document, op.operationName, op.variables);
      // Invalid variables are answered by the cost plugin, with the coercion error.
      if ('cost' in result) cost = saturate(cost + result.cost);
      if (cost > limits.maxCost) {
        const max = limits.maxCost;
        // The check stops at the operation that crosses the limit: `actual` counts up to it.
        const message = batched
          ? `The request's operations could cause more than ${max} Zoom calls together (${cost} in its first ${operations.indexOf(op) + 1}); the limit is per request (GRAPHQL_MAX_COST).`
          : `The operation could cause up to ${cost} Zoom calls; the limit is ${max} (GRAPHQL_MAX_COST). Ask for fewer items (first) or fewer fields that call Zoom per item.`;
        return refuse(reply, 'GRAPHQL_MAX_COST', message, max, cost);
      }
    }
    // Within every limit: validated as Apollo would, and handed to it through its store.
    for (const [query, entry] of parsed) {
      if (entry.fresh && entry.document && validate(validation.schema, entry.document, rules).length === 0)
        documents.remember(query, entry.document);
    }
    return undefined;
  };

  function refuseWith(reply: FastifyReply, r: DocumentRefusal) {
    return refuse(reply, r.limit, r.message, r.max, r.actual);
  }
}

/** The operations of a POST body (one, or a batch) or of a GET query string, as Apollo reads them. */
function operationsOf(request: FastifyRequest): Operation[] {
  const pieces: unknown[] = request.method === 'GET' ? [request.query] : Array.isArray(request.body) ? request.body : [request.body];
  return pieces.flatMap((p) => {
    if (!isRecord(p) || typeof p.query !== 'string') return [];
    let variables = p.variables;
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables) as unknown;
      } catch {
        variables = undefined;
      }
    }
    return [
      {
        query: p.query,
        operationName: typeof p.operationName === 'string' ? p.operationName : undefined,
        variables: isRecord(variables) ? variables : undefined,
      },
    ];
  });
}
