/**
 * How deeply JSON read from a request nests (HTTP_MAX_JSON_DEPTH). Parsing deep JSON is cheap,
 * but graphql's variable coercion, the cost calculation and JSON.stringify all recurse into it,
 * and a few thousand levels overflow the stack. Both functions here loop, never recurse, and
 * cost one pass over what they are given.
 */

/** Arrays and objects nested in `value` (a scalar is 0, `[]` or `{}` is 1). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, above] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    const depth = above + 1;
    if (depth > deepest) deepest = depth;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth]);
    }
  }
  return deepest;
}

/** The same for JSON text, read without parsing it: brackets outside strings. */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export const jsonDepthMessage = (what: string, actual: number, max: number): string =>
  `${what} nests ${actual} levels deep; the limit is ${max} (HTTP_MAX_JSON_DEPTH).`;
