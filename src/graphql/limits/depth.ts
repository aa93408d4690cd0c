import type { ValidationRule } from 'graphql';
import { limitError } from './limitError.js';
import { operationShapes } from './shape.js';

/**
 * Rejects operations nested deeper than `max` fields (`users { nodes { id } }` is 3).
 * Introspection fields are not counted: IDEs' introspection query nests `ofType` deeply, and
 * graphql's MaxIntrospectionDepthRule already bounds the nesting that multiplies its answer.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const deepest = operationShapes(context.getDocument()).get(node)?.depth ?? 0;
      if (deepest > max) {
        context.reportError(
          limitError(
            'GRAPHQL_MAX_DEPTH',
            `The operation nests ${deepest} levels deep; the limit is ${max} (GRAPHQL_MAX_DEPTH).`,
            { max, actual: deepest },
            [node],
          ),
        );
      }
    },
  });
}
