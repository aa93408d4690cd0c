import type { ValidationRule } from 'graphql';
import { limitError } from './limitError.js';
import { forEachField } from './selections.js';

/**
 * Rejects operations with more than `max` aliased fields, fragments expanded: aliases are how
 * one request asks for the same expensive field many times.
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      let aliases = 0;
      forEachField(node.selectionSet, (n) => context.getFragment(n), ({ alias }) => {
        if (alias !== undefined) aliases++;
      });
      if (aliases > max) {
        context.reportError(
          limitError('GRAPHQL_MAX_ALIASES', `The operation uses ${aliases} aliases; the limit is ${max} (GRAPHQL_MAX_ALIASES).`, { max, actual: aliases }, [node]),
        );
      }
    },
  });
}
