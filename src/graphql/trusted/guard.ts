import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAdmin, type Principal } from '../../auth/principal.js';
import { errorBody } from '../../errors.js';
import type { TrustedDocuments } from './manifest.js';

type Piece = Record<string, unknown>;
const isRecord = (v: unknown): v is Piece => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Apollo reads a repeated GET parameter's first value (URLSearchParams.get); so does this. */
const first = (v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : v);
const shown = (id: string) => JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);

/**
 * GRAPHQL_TRUSTED_DOCUMENTS: each operation of a request must name a listed document by its id
 * (`documentId`, as the GraphQL-over-HTTP persisted documents appendix sends it, or
 * `extensions.persistedQuery.sha256Hash`, as Apollo Client and urql do) or be the exact text of one.
 * A listed id is replaced by its text here, before the query limits and Apollo see the request.
 * Anything else is refused whole with UNTRUSTED_DOCUMENT (HTTP 400), unless the caller is an admin
 * and GRAPHQL_TRUSTED_DOCUMENTS_ALLOW_ADMIN is on (GraphiQL, operators' scripts).
 *
 * For every other caller the request leaves with no persisted-query extension and no document id,
 * so Apollo's automatic persisted queries (a store any admin could have filled) never run for it.
 */
export function trustedDocumentsGuard(documents: TrustedDocuments, allowAdmin: boolean) {
  const refuse = (reply: FastifyReply, reason: string, message: string) =>
    reply.code(400).send(errorBody('UNTRUSTED_DOCUMENT', message, { reason }));

  return (request: FastifyRequest, reply: FastifyReply, principal: Principal): FastifyReply | undefined => {
    const free = allowAdmin && isAdmin(principal);
    const get = request.method === 'GET';
    const pieces: unknown[] = get ? [request.query] : Array.isArray(request.body) ? request.body : [request.body];
    for (const piece of pieces) {
      if (!isRecord(piece)) continue;
      if (get) for (const key of Object.keys(piece)) piece[key] = first(piece[key]);
      const extensions = get ? parseJson(piece.extensions) : piece.extensions;
      const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
      const id =
        typeof piece.documentId === 'string'
          ? piece.documentId
          : isRecord(persisted) && typeof persisted.sha256Hash === 'string'
            ? persisted.sha256Hash
            : undefined;
      const query = typeof piece.query === 'string' ? piece.query : undefined;
      if (id !== undefined) {
        const text = documents.text(id);
        if (text === undefined) {
          if (free) continue;
          return refuse(
            reply,
            'UNKNOWN_DOCUMENT_ID',
            `The document id ${shown(id)} is not one of this gateway's trusted documents (GRAPHQL_TRUSTED_DOCUMENTS).`,
          );
        }
        if (query !== undefined && query !== text) {
          return refuse(
            reply,
            'DOCUMENT_MISMATCH',
            `The query sent with the document id ${shown(id)} is not the trusted document listed under it; send the id alone.`,
          );
        }
        piece.query = text;
      } else if (!free && query !== undefined && !documents.lists(query)) {
        return refuse(
          reply,
          'NOT_LISTED',
          'Only trusted documents run on this gateway: send a listed document by its id (documentId, or extensions.persistedQuery.sha256Hash) instead of a query text.',
        );
      }
      if (!free || id !== undefined) withoutPersistedId(piece, extensions, get);
    }
    if (get)
      request.raw.url = `${request.raw.url?.split('?')[0] ?? '/graphql'}?${new URLSearchParams(stringParams(request.query as Piece))}`;
    return undefined;
  };
}

/**
 * The same rule for a subscribe message over WebSocket: the listed text to run, or why the
 * message is refused. A listed id in `extensions.persistedQuery.sha256Hash` stands for its text.
 */
export function trustedSubscriptionText(documents: TrustedDocuments, allowAdmin: boolean) {
  return (
    payload: { query: string; extensions?: unknown },
    principal: Principal,
  ): { query: string } | { reason: string; message: string } => {
    const free = allowAdmin && isAdmin(principal);
    const persisted = isRecord(payload.extensions) ? payload.extensions.persistedQuery : undefined;
    const id = isRecord(persisted) && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
    if (id !== undefined) {
      const text = documents.text(id);
      if (text === undefined) {
        return free
          ? { query: payload.query }
          : {
              reason: 'UNKNOWN_DOCUMENT_ID',
              message: `The document id ${shown(id)} is not one of this gateway's trusted documents (GRAPHQL_TRUSTED_DOCUMENTS).`,
            };
      }
      if (payload.query !== '' && payload.query !== text) {
        return {
          reason: 'DOCUMENT_MISMATCH',
          message: `The query sent with the document id ${shown(id)} is not the trusted document listed under it; send the id alone.`,
        };
      }
      return { query: text };
    }
    if (free || documents.lists(payload.query)) return { query: payload.query };
    return {
      reason: 'NOT_LISTED',
      message:
        'Only trusted documents run on this gateway: subscribe with a listed document (its exact text, or its id in extensions.persistedQuery.sha256Hash).',
    };
  };
}

/** Drops the document id and the persisted-query extension, so Apollo runs the query text and nothing else. */
function withoutPersistedId(piece: Piece, extensions: unknown, get: boolean): void {
  delete piece.documentId;
  if (!isRecord(extensions) || !('persistedQuery' in extensions)) {
    // Unreadable extensions cannot name a persisted query for Apollo either way; drop them.
    if (get && piece.extensions !== undefined && !isRecord(extensions)) delete piece.extensions;
    return;
  }
  const rest = { ...extensions };
  delete rest.persistedQuery;
  if (Object.keys(rest).length === 0) delete piece.extensions;
  else piece.extensions = get ? JSON.stringify(rest) : rest;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function stringParams(query: Piece): Record<string, string> {
  return Object.fromEntries(Object.entries(query).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
}
