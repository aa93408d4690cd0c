import { getNamedType, getOperationAST, isObjectType, Kind, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';

/**
 * Fields an answer may be kept for whole (graphql/answers/answerCache.ts): each one's value is
 * a function of the caller, its arguments and Zoom reads that carry read-cache tags, and of
 * nothing else (no clock, no token, no store entry outside the versions, no per-request state).
 * A field missing here makes the operation's answer uncacheable, so a new field is never kept
 * by accident; adding one is a review of its resolver against that rule.
 */
export const CACHEABLE_FIELDS: ReadonlySet<string> = new Set([
  'Query.me',
  'Query.user',
  'Query.users',
  'UserConnection.edges',
  'UserConnection.nodes',
  'UserConnection.pageInfo',
  'UserConnection.totalCount',
  'UserEdge.cursor',
  'UserEdge.node',
  'PageInfo.endCursor',
  'PageInfo.hasNextPage',
  'PageInfo.hasPreviousPage',
  'PageInfo.startCursor',
  ...[
    'id',
    'zoomId',
    'email',
    'firstName',
    'lastName',
    'displayName',
    'dept',
    'language',
    'picUrl',
    'pmi',
    'roleId',
    'status',
    'timezone',
    'type',
    'verified',
    'createdAt',
    'lastLoginTime',
  ].map((f) => `User.${f}`),
]);

/** Directives that only choose fields by the variables (part of the answer's key). */
const PLAIN_DIRECTIVES = new Set(['include', 'skip']);

/**
 * True when the operation is a query whose every selected field, in every fragment it spreads,
 * is one of `CACHEABLE_FIELDS` (or `__typename`).
 */
export function isCacheable(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  const fragments = new Map<string, { type: string; set: SelectionSetNode }>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, { type: def.typeCondition.name.value, set: def.selectionSet });
  }
  const walked = new Set<string>();
  const walk = (typeName: string, set: SelectionSetNode): boolean => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return false;
    for (const sel of set.selections) {
      if (sel.directives?.some((d) => !PLAIN_DIRECTIVES.has(d.name.value))) return false;
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === '__typename') continue;
        const field = type.getFields()[name];
        if (!field || !CACHEABLE_FIELDS.has(`${typeName}.${name}`)) return false;
        if (sel.selectionSet && !walk(getNamedType(field.type).name, sel.selectionSet)) return false;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (sel.typeCondition && sel.typeCondition.name.value !== typeName) return false;
        if (!walk(typeName, sel.selectionSet)) return false;
      } else {
        const fragment = fragments.get(sel.name.value);
        if (!fragment || fragment.type !== typeName) return false;
        // A fragment already walked on this type passed (a failure returns at once).
        const mark = `${typeName}:${sel.name.value}`;
        if (walked.has(mark)) continue;
        walked.add(mark);
        if (!walk(typeName, fragment.set)) return false;
      }
    }
    return true;
  };
  const root = schema.getQueryType();
  return root !== null && root !== undefined && walk(root.name, operation.selectionSet);
}
