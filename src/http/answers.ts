import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Principal } from '../auth/principal.js';
import type { AnswerCache } from '../graphql/answers/answerCache.js';
import { isCacheable } from '../graphql/answers/cacheable.js';
import type { ValidatedDocuments } from '../graphql/limits/index.js';
import { ReadLog } from '../zoom/readLog.js';
import type { GatewayFastify } from './gatewayFastify.js';

const PENDING = Symbol('answerPending');
type WithPending = FastifyRequest & { [PENDING]: { key: string; reads: ReadLog } | null };

/**
 * The answer cache on `/graphql` (graphql/answers/answerCache.ts): a POSTed query it admits is
 * answered from it once the caller is authenticated and the request limits have passed, before
 * a GRAPHQL_MAX_INFLIGHT slot or Apollo; otherwise the request runs as usual while its Zoom
 * reads are noted, and its answer is kept if it has no errors and read nothing outside the
 * read cache's versions.
 */
export class Answers {
  /** Per document, per operation name: whether `isCacheable` admits it (documents live as long as Apollo keeps them). */
  private readonly admitted = new WeakMap<DocumentNode, Map<string, boolean>>();

  constructor(
    fastify: GatewayFastify,
    private readonly cache: AnswerCache,
    private readonly schema: GraphQLSchema,
    private readonly documents: ValidatedDocuments,
  ) {
    // A property of the request, declared for every request (see http/callers.ts on WeakMaps).
    fastify.decorateRequest(PENDING, null);
  }

  /** Sends the kept answer and returns the reply, or returns undefined and lets the request run. */
  async answer(request: FastifyRequest, reply: FastifyReply, principal: Principal): Promise<FastifyReply | undefined> {
    if (request.method !== 'POST') return undefined;
    const body = request.body as Record<string, unknown> | null;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const { query, operationName, variables } = body;
    // Extensions (a persisted query's hash) are Apollo's to check.
    if (typeof query !== 'string' || body.extensions !== undefined) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    const document = this.documents.forQuery(query);
    if (!document || !this.admits(document, operationName ?? undefined)) return undefined;
    const key = this.cache.keyOf({
      principal,
      query,
      operationName: operationName ?? undefined,
      variables,
      accept: request.headers.accept,
    });
    const kept = await this.cache.get(key);
    if (kept) {
      // As Apollo's answers: per caller, never stored by anything in between.
      return reply.code(200).header('cache-control', 'no-store').header('content-type', kept.contentType).send(kept.body);
    }
    (request as WithPending)[PENDING] = { key, reads: new ReadLog() };
    return undefined;
  }

  /** Where the request's Zoom calls note their reads; undefined when its answer is not to be kept. */
  reads(request: FastifyRequest): ReadLog | undefined {
    return (request as WithPending)[PENDING]?.reads;
  }

  /** onSend: keeps a successful answer of a request `answer` let run. */
  readonly onSend = (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: HookHandlerDoneFunction & ((err: null, p: unknown) => void),
  ) => {
    const pending = (request as WithPending)[PENDING];
    // `"errors"` can appear only as the errors key or inside a string value: either way the answer is not kept.
    if (pending && reply.statusCode === 200 && typeof payload === 'string' && !payload.includes('"errors"')) {
      const type = reply.getHeader('content-type');
      if (typeof type === 'string') this.cache.set(pending.key, pending.reads, payload, type);
    }
    done(null, payload);
  };

  private admits(document: DocumentNode, operationName: string | undefined): boolean {
    let byName = this.admitted.get(document);
    if (!byName) this.admitted.set(document, (byName = new Map()));
    const name = operationName ?? '';
    let ok = byName.get(name);
    if (ok === undefined) byName.set(name, (ok = isCacheable(this.schema, document, operationName)));
    return ok;
  }
}
