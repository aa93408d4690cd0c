import type { ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { maxAliasesRule } from './aliases.js';
import { maxDepthRule } from './depth.js';
import { maxIntrospectionRule } from './introspection.js';

export { RequestBudget } from './budget.js';
export { CostCalculator } from './cost.js';
export { costLimitPlugin } from './costPlugin.js';
export { ValidatedDocuments } from './documents.js';
export { graphqlRouteGuards } from './httpLimits.js';
export { requestLimits } from './requestLimits.js';

/** Depth, alias and introspection limits: checked with the other validation rules, without variables. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxIntrospectionRule()];
}
