import type { GraphQLCompositeType, GraphQLField, GraphQLSchema, GraphQLType } from 'graphql';
// NOTE: the CJS build on purpose: the ESM build imports graphql/index.mjs while everything else
// loads graphql's CJS entry, and graphql refuses schemas from the other module instance.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { isIntrospection } from './selections.js';

/**
 * Fields whose Zoom calls differ from the rule below; a field's own `complexity` option
 * (`@FieldResolver(() => User, { complexity: 1 })`) takes precedence over this table.
 */
const KNOWN_CALLS: Record<string, number> = {
  'Query.credentials': 0,
  'Mutation.meetingSdkSignature': 0,
  // The meeting (to find its host), then the host's ZAK.
  'Mutation.startMeetingToken': 2,
  // One user look-up per meeting at most (the loader dedupes hosts within a request).
  'Meeting.host': 1,
};

// NOTE: no isObjectType/getNamedType here: graphql's instanceof checks throw when the schema
// comes from its other module instance (ESM vs CJS); plain property reads work with both.
const isRoot = (type: GraphQLCompositeType, schema: GraphQLSchema) => type === schema.getQueryType() || type === schema.getMutationType();

function namedTypeName(type: GraphQLType): string {
  let t: GraphQLType = type;
  while ('ofType' in t) t = t.ofType;
  return t.name;
}

/** A Relay connection field: returns `…Connection` and takes `first`. */
const isConnection = (field: GraphQLField<unknown, unknown>) =>
  namedTypeName(field.type).endsWith('Connection') && field.args.some((a) => a.name === 'first');

/**
 * Cost = the Zoom calls an operation can cause. Every root field is one call (`user`,
 * `meeting`, each mutation); a connection is one call plus `first` times what each node's
 * fields cost; a field that calls Zoom once per parent (a meeting's `host`) costs that per
 * parent; everything else is free.
 */
export function zoomCallEstimator(schema: GraphQLSchema): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (isIntrospection(field.name)) return 0;
    const declared = field.extensions?.complexity;
    const own = typeof declared === 'number' ? declared : (KNOWN_CALLS[`${type.name}.${field.name}`] ?? (isRoot(type, schema) ? 1 : 0));
    if (!isConnection(field)) return own + childComplexity;
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : 1;
    return own + first * childComplexity;
  };
}

/** The operation's cost with its variables; throws the variables' coercion error when they are invalid. */
export function operationCost(
  schema: GraphQLSchema,
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({ schema, query, estimators: [zoomCallEstimator(schema)], ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) });
}
