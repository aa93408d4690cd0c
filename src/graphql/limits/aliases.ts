import type { ValidationRule } from 'graphql';
import { limitError } from './limitError.js';
import { operationShapes } from './shape.js';

/**
 * Rejects operations with more than `max` aliased fields, fragments expanded and introspection
 * included: aliases are how one request asks for the same expensive field, or the same schema
 * dump, many times.
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const aliases = operationShapes(context.getDocument()).get(node)?.aliases ?? 0;
      if (aliases > max) {
        context.reportError(
          limitError(
            'GRAPHQL_MAX_ALIASES',
            `The operation uses ${aliases} aliases; the limit is ${max} (GRAPHQL_MAX_ALIASES).`,
            { max, actual: aliases },
            [node],
          ),
        );
      }
    },
  });
}
