import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Reads Zoom's OpenAPI 3.0 specs (copies in test/fixtures/zoom-openapi, see its README) and turns
// their schemas into JSON Schema (draft-07) that ajv can compile.

type Json = unknown;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const SPEC_DIR = new URL('../fixtures/zoom-openapi/', import.meta.url);
export const SPEC_FILES = { meetings2023: 'meeting-api-2023.json', users2026: 'users-api-2026.json' } as const;

export function specPath(name: keyof typeof SPEC_FILES): string {
  return fileURLToPath(new URL(SPEC_FILES[name], SPEC_DIR));
}

export function specAvailable(name: keyof typeof SPEC_FILES): boolean {
  return existsSync(specPath(name));
}

export class OpenApi {
  private readonly doc: Obj;

  constructor(name: keyof typeof SPEC_FILES) {
    this.doc = JSON.parse(readFileSync(specPath(name), 'utf8')) as Obj;
  }

  /** Resolves every local `$ref` (`#/components/...`), guarding against cycles. */
  deref(value: Json, seen: readonly string[] = []): Json {
    if (Array.isArray(value)) return value.map((v) => this.deref(v, seen));
    if (!isObj(value)) return value;
    const ref = value.$ref;
    if (typeof ref === 'string') {
      if (seen.includes(ref)) return {};
      return this.deref(this.pointer(ref), [...seen, ref]);
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.deref(v, seen);
    return out;
  }

  operation(path: string, method: string): Obj {
    const op = (this.doc.paths as Obj)[path];
    const found = isObj(op) ? op[method] : undefined;
    if (!isObj(found)) throw new Error(`no operation ${method.toUpperCase()} ${path}`);
    return this.deref(found) as Obj;
  }

  response(path: string, method: string, status: string): Obj {
    const res = (this.operation(path, method).responses as Obj)[status];
    if (!isObj(res)) throw new Error(`no ${status} response for ${method.toUpperCase()} ${path}`);
    return res;
  }

  /** The JSON body schema of a response, or undefined when the spec declares none. */
  responseSchema(path: string, method: string, status: string): Obj | undefined {
    const content = this.response(path, method, status).content;
    const json = isObj(content) ? content['application/json'] : undefined;
    return isObj(json) && isObj(json.schema) ? json.schema : undefined;
  }

  requestSchema(path: string, method: string): Obj {
    const body = this.operation(path, method).requestBody as Obj;
    return ((body.content as Obj)['application/json'] as Obj).schema as Obj;
  }

  parameters(path: string, method: string): Array<{ name: string; in: string; schema: Obj }> {
    return (this.operation(path, method).parameters ?? []) as Array<{ name: string; in: string; schema: Obj }>;
  }

  private pointer(ref: string): Json {
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
    let node: Json = this.doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObj(node) ? node[key] : undefined;
    }
    return node;
  }
}

const DROP = new Set(['example', 'examples', 'xml', 'externalDocs', 'discriminator', 'deprecated']);

/** Merges `allOf` parts that are plain object schemas, so `closed` can apply to the whole. */
function mergeAllOf(schema: Obj): Obj {
  const parts = schema.allOf;
  if (!Array.isArray(parts) || !parts.every((p) => isObj(p) && (p.type === 'object' || p.properties))) return schema;
  const properties: Obj = {};
  const required = new Set<string>();
  for (const p of parts as Obj[]) {
    Object.assign(properties, p.properties ?? {});
    for (const r of (p.required ?? []) as string[]) required.add(r);
  }
  const rest: Obj = { ...schema };
  delete rest.allOf;
  return { ...rest, type: 'object', properties, ...(required.size ? { required: [...required] } : {}) };
}

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a `null` type, documentation-only
 * keywords and `x-*` go. With `closed`, objects that list properties reject any other property
 * (`allow` names extra properties by JSON path, e.g. `/` or `/settings`), which catches fields
 * the fake invents.
 */
export function toJsonSchema(schema: Json, closed = false, allow: Record<string, string[]> = {}, at = ''): Json {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, closed, allow, at));
  if (!isObj(schema)) return schema;
  const merged = mergeAllOf(schema);
  const out: Obj = {};
  for (const [k, v] of Object.entries(merged)) {
    if (DROP.has(k) || k.startsWith('x-') || k === 'nullable') continue;
    if (k === 'properties' && isObj(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s, closed, allow, `${at}/${name}`)]));
    } else if (k === 'items') {
      out.items = toJsonSchema(v, closed, allow, at);
    } else {
      out[k] = toJsonSchema(v, closed, allow, at);
    }
  }
  if (merged.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (closed && isObj(out.properties) && out.additionalProperties === undefined) {
    const extra = allow[at || '/'] ?? [];
    for (const name of extra) (out.properties as Obj)[name] ??= {};
    out.additionalProperties = false;
  }
  return out;
}

/** Sentences of an error response's description, as regexes with `$userId`/`{x}` as wildcards. */
export function documentedMessages(description: string): RegExp[] {
  return (
    description
      .split(/<br>|\n|\*\*Error Code:?\*\*:?|(?<!\*)\* /)
      // Bold labels ("**HTTP Status Code:**", "**Error Code**:") go; other bold text stays, unbolded.
      .map((s) =>
        s
          .replace(/\*\*[^*]*:\*\*:?|\*\*[^*]*\*\*:/g, '')
          .replace(/\*\*([^*]*)\*\*/g, '$1')
          .replace(/`\d+`/g, '')
          .replace(/^\*/, '')
          .trim(),
      )
      .filter((s) => s.length > 3)
      // A sentence may lack its final period in the spec ("…: {meetingId}") and carry it on the wire.
      .map(
        (s) =>
          new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\w+|\\\{\w+\\\}/g, '.+')}${s.endsWith('.') ? '' : '\\.?'}$`),
      )
  );
}
