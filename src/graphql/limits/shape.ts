import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Fields `__schema`, `__type`, `__typename`: answered from the schema, never from Zoom. */
export const isIntrospection = (name: string): boolean => name.startsWith('__');

/**
 * Counts grow exponentially with fragment chains (`F0 { ...F1 ...F1 }`, `F1 { ...F2 ...F2 }`,
 * …); past this they stop growing, far above any limit, and stay exact integers.
 */
export const SATURATED = Number.MAX_SAFE_INTEGER;
export const saturate = (n: number): number => (n > SATURATED ? SATURATED : n);

/** What the limits look at in an operation, fragments expanded. */
export interface Shape {
  /** Aliased fields, introspection included; a fragment spread twice counts twice. */
  aliases: number;
  /** Deepest field nesting (`users { nodes { id } }` is 3); introspection subtrees not counted. */
  depth: number;
  /** `__schema` fields. */
  schemas: number;
  /** `__type` fields. */
  types: number;
  /** Fields, fragments expanded: what a walker that follows every spread visits. */
  fields: number;
}

const EMPTY: Shape = { aliases: 0, depth: 0, schemas: 0, types: 0, fields: 0 };

const shapes = new WeakMap<DocumentNode, Map<OperationDefinitionNode, Shape>>();

/**
 * The shape of every operation of a document, remembered per document so the alias, depth and
 * introspection rules share one walk. Each fragment definition is walked once, however often
 * it is spread: the walk is linear in the document's size.
 */
export function operationShapes(document: DocumentNode): Map<OperationDefinitionNode, Shape> {
  let known = shapes.get(document);
  if (known) return known;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(d.name.value)) fragments.set(d.name.value, d);
  // null while a fragment is being walked: a cycle (refused by NoFragmentCycles) counts as empty.
  const memo = new Map<string, Shape | null>();
  const fragment = (name: string): Shape => {
    const seen = memo.get(name);
    if (seen !== undefined) return seen ?? EMPTY;
    const def = fragments.get(name);
    if (!def) return EMPTY;
    memo.set(name, null);
    const shape = shapeOf(def.selectionSet, fragment);
    memo.set(name, shape);
    return shape;
  };
  known = new Map();
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) known.set(d, shapeOf(d.selectionSet, fragment));
  shapes.set(document, known);
  return known;
}

function shapeOf(set: SelectionSetNode, fragment: (name: string) => Shape): Shape {
  let { aliases, depth, schemas, types, fields } = EMPTY;
  const add = (s: Shape) => {
    aliases += s.aliases;
    schemas += s.schemas;
    types += s.types;
    fields += s.fields;
  };
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const name = sel.name.value;
      const child = sel.selectionSet ? shapeOf(sel.selectionSet, fragment) : EMPTY;
      add(child);
      fields++;
      if (sel.alias) aliases++;
      if (name === '__schema') schemas++;
      if (name === '__type') types++;
      // Nesting inside introspection is bounded by graphql's own MaxIntrospectionDepthRule; the
      // IDEs' query nests `ofType` deeper than any sensible GRAPHQL_MAX_DEPTH.
      if (!isIntrospection(name)) depth = Math.max(depth, 1 + child.depth);
    } else {
      const inner = sel.kind === Kind.INLINE_FRAGMENT ? shapeOf(sel.selectionSet, fragment) : fragment(sel.name.value);
      add(inner);
      depth = Math.max(depth, inner.depth);
    }
  }
  return { aliases: saturate(aliases), depth, schemas: saturate(schemas), types: saturate(types), fields: saturate(fields) };
}
