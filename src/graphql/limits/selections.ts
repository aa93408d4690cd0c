import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Fields `__schema`, `__type`, `__typename`: answered from the schema, never from Zoom. */
export const isIntrospection = (name: string): boolean => name.startsWith('__');

/**
 * Visits every field of a selection set with its nesting depth (top-level fields are 1),
 * following fragments. A fragment already on the current path is not entered again, so a
 * cyclic document (rejected by NoFragmentCycles in the same pass) cannot loop here.
 */
export function forEachField(
  set: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  visit: (field: { name: string; alias: string | undefined; depth: number }) => void,
  depth = 1,
  path: ReadonlySet<string> = new Set(),
): void {
  for (const sel of set.selections) {
    switch (sel.kind) {
      case Kind.FIELD:
        if (isIntrospection(sel.name.value)) continue;
        visit({ name: sel.name.value, alias: sel.alias?.value, depth });
        if (sel.selectionSet) forEachField(sel.selectionSet, fragment, visit, depth + 1, path);
        break;
      case Kind.INLINE_FRAGMENT:
        forEachField(sel.selectionSet, fragment, visit, depth, path);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = sel.name.value;
        const def = fragment(name);
        if (def && !path.has(name)) forEachField(def.selectionSet, fragment, visit, depth, new Set([...path, name]));
        break;
      }
    }
  }
}
