/** Each enum's named members' values, worked out once: `known` runs for every user and meeting of a page. */
const membersOf = new WeakMap<object, ReadonlySet<unknown>>();

/** The enum member for a value Zoom sent, or null for one this schema does not know. */
export function known<E extends Record<string, string | number>>(e: E, v: unknown): E[keyof E] | null {
  let members = membersOf.get(e);
  if (!members) {
    // Numeric enums also map numbers back to names; only the named members count.
    members = new Set(
      Object.keys(e)
        .filter((k) => !/^\d+$/.test(k))
        .map((k) => e[k]),
    );
    membersOf.set(e, members);
  }
  return members.has(v) ? (v as E[keyof E]) : null;
}
