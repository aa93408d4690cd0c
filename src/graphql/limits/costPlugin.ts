import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { errorBody } from '../../errors.js';
import type { RequestBudget } from './budget.js';
import type { CostCalculator } from './cost.js';
import { sameListener } from '../sameListener.js';
import { introspectionExcess } from './introspection.js';
import { operationShapes } from './shape.js';

const rejection = (message: string, extensions: Record<string, unknown>): GraphQLResponse => ({
  http: { status: 400, headers: new HeaderMap() },
  body: { kind: 'single', singleResult: errorBody('BAD_USER_INPUT', message, extensions) },
});

/**
 * Rejects an operation whose cost exceeds `max` once its variables are known (validation
 * rules run without them), in place of execution: no resolver runs, no Zoom call leaves. The
 * operations of one HTTP request share `max` (and the introspection bound) through the
 * context's budget, so a batch cannot multiply it: requests are checked whole before Apollo
 * runs them (requestLimits.ts), and this is what holds where that check cannot see a query
 * (an automatic persisted query sent by its hash).
 *
 * NOTE: the rejection is a ready-made response, not a thrown GraphQLError: Apollo recognises
 * thrown errors with `instanceof`, which fails when graphql is loaded twice (ESM and CJS, as
 * under vitest), and would turn the rejection into an internal error.
 */
export function costLimitPlugin<C extends { budget?: RequestBudget }>(costs: CostCalculator, max: number): ApolloServerPlugin<C> {
  return sameListener<C>({
    async responseForOperation({ document, request, operation, operationName, contextValue }) {
      const result = costs.cost(document, operationName ?? request.operationName, request.variables);
      // Invalid variables: the same error execution would raise, raised before it.
      if ('invalidVariables' in result) return rejection(result.invalidVariables, { reason: 'INVALID_VARIABLES' });
      const { cost } = result;
      if (cost > max) {
        return rejection(
          `The operation could cause up to ${cost} Zoom calls; the limit is ${max} (GRAPHQL_MAX_COST). Ask for fewer items (first) or fewer fields that call Zoom per item.`,
          { limit: 'GRAPHQL_MAX_COST', max, actual: cost },
        );
      }
      const budget = contextValue.budget;
      if (!budget) return null;
      if (budget.cost + cost > max) {
        const actual = budget.cost + cost;
        return rejection(
          `The request's operations could cause up to ${actual} Zoom calls together; the limit is ${max} per request (GRAPHQL_MAX_COST).`,
          {
            limit: 'GRAPHQL_MAX_COST',
            max,
            actual,
          },
        );
      }
      const shape = operationShapes(document).get(operation);
      const together = { schemas: budget.schemas + (shape?.schemas ?? 0), types: budget.types + (shape?.types ?? 0) };
      const excess = introspectionExcess(together, 'request');
      if (excess) return rejection(excess.message, { limit: 'INTROSPECTION', max: excess.max, actual: excess.actual });
      budget.cost += cost;
      budget.schemas = together.schemas;
      budget.types = together.types;
      return null;
    },
  });
}
