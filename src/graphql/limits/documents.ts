import { hash } from 'node:crypto';
import type { ApolloServerOptions } from '@apollo/server';
import type { DocumentNode } from 'graphql';

type DocumentStore = NonNullable<ApolloServerOptions<object>['documentStore']>;

/**
 * Apollo's store of parsed and validated documents (`documentStore`), kept where the request
 * limits can read it: a request whose query Apollo has seen is checked without parsing it again.
 * Least recently used documents go first once their query texts pass `maxChars`.
 *
 * Apollo finds a document by the SHA-256 of its query text; the limits find it by the text
 * itself (the string the document was parsed from, so no copy of it is kept), which costs a
 * string hash instead of a SHA-256 on every request.
 */
export class ValidatedDocuments implements DocumentStore {
  private readonly byHash = new Map<string, DocumentNode>();
  private readonly byText = new Map<string, DocumentNode>();
  private chars = 0;

  // Apollo's own store holds 30 MiB of documents as JSON, about 8 times their query text.
  constructor(private readonly maxChars = 4 * 1024 * 1024) {}

  /** The validated document for this query text, if Apollo still holds it. */
  forQuery(query: string): DocumentNode | undefined {
    return this.byText.get(query);
  }

  /** A document validated outside Apollo, with Apollo's rules, for Apollo to find by its query text. */
  remember(query: string, doc: DocumentNode): void {
    // One-shot hash: a third of createHash's cost for a query text.
    this.store(hash('sha256', query), doc);
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    const hash = queryHash(key);
    const doc = this.byHash.get(hash);
    if (doc) {
      this.byHash.delete(hash);
      this.byHash.set(hash, doc);
    }
    return doc;
  }

  async set(key: string, doc: DocumentNode): Promise<void> {
    this.store(queryHash(key), doc);
  }

  private store(hash: string, doc: DocumentNode): void {
    this.forget(hash);
    this.byHash.set(hash, doc);
    const text = textOf(doc);
    if (text !== undefined) this.byText.set(text, doc);
    this.chars += size(doc);
    for (const [old, oldDoc] of this.byHash) {
      if (this.chars <= this.maxChars) break;
      this.drop(old, oldDoc);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.forget(queryHash(key));
  }

  private forget(hash: string): boolean {
    const doc = this.byHash.get(hash);
    if (!doc) return false;
    this.drop(hash, doc);
    return true;
  }

  private drop(hash: string, doc: DocumentNode): void {
    this.byHash.delete(hash);
    const text = textOf(doc);
    if (text !== undefined && this.byText.get(text) === doc) this.byText.delete(text);
    this.chars -= size(doc);
  }
}

// Apollo's keys are `<schema hash>:<sha256 of the query text>`; one schema per server.
const queryHash = (key: string) => key.slice(key.lastIndexOf(':') + 1);
const size = (doc: DocumentNode) => doc.loc?.end ?? 1024;
/** The query text a document was parsed from (graphql keeps it unless parsed with `noLocation`). */
const textOf = (doc: DocumentNode) => doc.loc?.source.body;
