import type { ValidationRule } from 'graphql';
import { limitError } from './limitError.js';
import { forEachField } from './selections.js';

/**
 * Rejects operations nested deeper than `max` fields (`users { nodes { id } }` is 3).
 * Introspection fields are not counted: IDEs' introspection query nests `ofType` deeply.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      let deepest = 0;
      forEachField(node.selectionSet, (n) => context.getFragment(n), ({ depth }) => {
        deepest = Math.max(deepest, depth);
      });
      if (deepest > max) {
        context.reportError(
          limitError('GRAPHQL_MAX_DEPTH', `The operation nests ${deepest} levels deep; the limit is ${max} (GRAPHQL_MAX_DEPTH).`, { max, actual: deepest }, [node]),
        );
      }
    },
  });
}
