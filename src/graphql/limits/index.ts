import type { ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { maxAliasesRule } from './aliases.js';
import { maxDepthRule } from './depth.js';

export { costLimitPlugin } from './costPlugin.js';
export { graphqlRouteGuards } from './httpLimits.js';

/** Depth and alias limits: checked with the other validation rules, without variables. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)];
}
