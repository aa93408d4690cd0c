/** The enum member for a value Zoom sent, or null for one this schema does not know. */
export function known<E extends Record<string, string | number>>(e: E, v: unknown): E[keyof E] | null {
  // Numeric enums also map numbers back to names; only the named members count.
  const members = Object.keys(e).filter((k) => !/^\d+$/.test(k)).map((k) => e[k]);
  return members.includes(v as E[keyof E]) ? (v as E[keyof E]) : null;
}
