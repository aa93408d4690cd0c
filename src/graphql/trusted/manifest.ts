import { readFile, stat } from 'node:fs/promises';
import { parse } from 'graphql';
import { ConfigError } from '../../config.js';

/** A manifest larger than this is a mistake (a wrong file), not a list of a frontend's operations. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** A document id as clients send it: a hex hash, optionally prefixed (`sha256:…`). */
const DOCUMENT_ID = /^[A-Za-z0-9_.:-]{1,256}$/;

/**
 * The operations GRAPHQL_TRUSTED_DOCUMENTS lists: GraphQL Code Generator's client preset with
 * `persistedDocuments` writes `persisted-documents.json`, one JSON object of document id (the
 * hash of the text, sha1 or sha256 as configured) → document text. Ids are looked up as they
 * are, whatever the hash algorithm was.
 */
export class TrustedDocuments {
  private readonly texts: Set<string>;

  constructor(private readonly byId: ReadonlyMap<string, string>) {
    this.texts = new Set(byId.values());
  }

  get size(): number {
    return this.byId.size;
  }

  /** The text listed under `id`, also when the client prefixes it with its algorithm (`sha256:<hash>`). */
  text(id: string): string | undefined {
    const listed = this.byId.get(id);
    if (listed !== undefined) return listed;
    const colon = id.indexOf(':');
    return colon > 0 ? this.byId.get(id.slice(colon + 1)) : undefined;
  }

  /** Whether this exact text is one the manifest lists. */
  lists(text: string): boolean {
    return this.texts.has(text);
  }

  /** Reads and checks the manifest; every problem stops the start with a message naming the variable and the file. */
  static async load(path: string): Promise<TrustedDocuments> {
    const fail = (problem: string) => new ConfigError([`GRAPHQL_TRUSTED_DOCUMENTS: ${path}: ${problem}`], 'Cannot start');
    let raw: string;
    try {
      const { size } = await stat(path);
      if (size > MAX_MANIFEST_BYTES)
        throw fail(`${size} bytes; a manifest may hold at most ${MAX_MANIFEST_BYTES} bytes (${MAX_MANIFEST_BYTES / 1024 / 1024} MiB)`);
      raw = await readFile(path, 'utf8');
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      throw fail(`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(raw);
    } catch (err) {
      throw fail(
        `not JSON (${(err as Error).message}); expected the persisted-documents.json GraphQL Code Generator writes: { "<hash>": "<document>" }`,
      );
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
      throw fail('expected a JSON object of document id → document text, as GraphQL Code Generator writes with persistedDocuments');
    }
    const entries = Object.entries(manifest as Record<string, unknown>);
    if (entries.length === 0) throw fail('lists no documents, so no operation could run');
    const byId = new Map<string, string>();
    for (const [id, text] of entries) {
      const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id;
      if (!DOCUMENT_ID.test(id)) throw fail(`"${shown}" is not a document id (1 to 256 of A-Z a-z 0-9 _ . : -)`);
      if (typeof text !== 'string') throw fail(`the entry "${shown}" is not a document text`);
      try {
        parse(text, { noLocation: true });
      } catch (err) {
        throw fail(`the document "${shown}" does not parse: ${(err as Error).message}`);
      }
      byId.set(id, text);
    }
    return new TrustedDocuments(byId);
  }
}
