import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { errorBody } from '../../errors.js';
import { operationCost } from './cost.js';

const rejection = (message: string, extensions: Record<string, unknown>): GraphQLResponse => ({
  http: { status: 400, headers: new HeaderMap() },
  body: { kind: 'single', singleResult: errorBody('BAD_USER_INPUT', message, extensions) },
});

/**
 * Rejects an operation whose cost exceeds `max` once its variables are known (validation
 * rules run without them), in place of execution: no resolver runs, no Zoom call leaves.
 *
 * NOTE: the rejection is a ready-made response, not a thrown GraphQLError: Apollo recognises
 * thrown errors with `instanceof`, which fails when graphql is loaded twice (ESM and CJS, as
 * under vitest), and would turn the rejection into an internal error.
 */
export function costLimitPlugin<C extends object>(max: number): ApolloServerPlugin<C> {
  // Apollo reuses one parsed DocumentNode per query text, so the cost of a (document, variables)
  // pair is computed once instead of re-walking the document on every request.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (...args: Parameters<typeof operationCost>): number => {
    const [, document, variables, operationName] = args;
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let byVariables = costs.get(document);
    if (!byVariables) costs.set(document, (byVariables = new Map()));
    const known = byVariables.get(key);
    if (known !== undefined) return known;
    const cost = operationCost(...args);
    if (byVariables.size < 256) byVariables.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = costOf(schema, document, request.variables, operationName ?? undefined);
          } catch (err) {
            // Invalid variables: the same error execution would raise, raised before it.
            return rejection(err instanceof Error ? err.message : String(err), { reason: 'INVALID_VARIABLES' });
          }
          if (cost <= max) return null;
          return rejection(
            `The operation could cause up to ${cost} Zoom calls; the limit is ${max} (GRAPHQL_MAX_COST). Ask for fewer items (first) or fewer fields that call Zoom per item.`,
            { limit: 'GRAPHQL_MAX_COST', max, actual: cost },
          );
        },
      };
    },
  };
}
