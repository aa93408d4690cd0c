import type { ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { maxAliasesRule } from './aliases.js';
import { maxDepthRule } from './depth.js';
import { maxIntrospectionRule, noIntrospectionRule } from './introspection.js';

export { RequestBudget } from './budget.js';
export { CostCalculator } from './cost.js';
export { costLimitPlugin } from './costPlugin.js';
export { ValidatedDocuments } from './documents.js';
export { requestLimits } from './requestLimits.js';
export { parseWithinLimits, tokenRefusal } from './documentLimits.js';

/**
 * Depth, alias and introspection limits: checked with the other validation rules, without
 * variables. With `introspection` off, `__schema` and `__type` are refused too.
 */
export function limitValidationRules(limits: QueryLimits, introspection = true): ValidationRule[] {
  return [
    ...(introspection ? [] : [noIntrospectionRule]),
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    maxIntrospectionRule(),
  ];
}
