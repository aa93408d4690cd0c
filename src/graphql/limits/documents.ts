import { hash } from 'node:crypto';
import type { ApolloServerOptions } from '@apollo/server';
import type { DocumentNode } from 'graphql';

type DocumentStore = NonNullable<ApolloServerOptions<object>['documentStore']>;

/**
 * Apollo's store of parsed and validated documents (`documentStore`), kept where the batch
 * limits can read it: a batch whose queries Apollo has seen is checked without parsing them
 * again. Least recently used documents go first once their query texts pass `maxChars`.
 */
export class ValidatedDocuments implements DocumentStore {
  private readonly byHash = new Map<string, DocumentNode>();
  private chars = 0;

  // Apollo's own store holds 30 MiB of documents as JSON, about 8 times their query text.
  constructor(private readonly maxChars = 4 * 1024 * 1024) {}

  /** The validated document for this query text, if Apollo still holds it. */
  forQuery(query: string): DocumentNode | undefined {
    // One-shot hash: a third of createHash's cost for a query text.
    return this.byHash.get(hash('sha256', query));
  }

  /** A document validated outside Apollo, with Apollo's rules, for Apollo to find by its query text. */
  remember(query: string, doc: DocumentNode): void {
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
    this.chars += size(doc);
    for (const [old, oldDoc] of this.byHash) {
      if (this.chars <= this.maxChars) break;
      this.byHash.delete(old);
      this.chars -= size(oldDoc);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.forget(queryHash(key));
  }

  private forget(hash: string): boolean {
    const doc = this.byHash.get(hash);
    if (!doc) return false;
    this.byHash.delete(hash);
    this.chars -= size(doc);
    return true;
  }
}

// Apollo's keys are `<schema hash>:<sha256 of the query text>`; one schema per server.
const queryHash = (key: string) => key.slice(key.lastIndexOf(':') + 1);
const size = (doc: DocumentNode) => doc.loc?.end ?? 1024;
