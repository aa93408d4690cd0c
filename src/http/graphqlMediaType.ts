import type { FastifyReply, FastifyRequest } from 'fastify';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

interface Range {
  range: string;
  q: number;
  /** Position in the header: among equal qualities, the earlier one wins (as Apollo's negotiation has it). */
  order: number;
}

/** The media ranges of an Accept header, lower-cased, with their quality. */
export function acceptRanges(accept: string | undefined): Range[] {
  if (!accept) return [];
  return accept.split(',').map((part, order) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { range: range.trim(), q: Number.isFinite(quality) ? quality : 0, order };
  });
}

/**
 * True when the client names `application/graphql-response+json` and prefers it to
 * `application/json` (Apollo Client 4 and urql send it first). No Accept header, `*\/*` or a
 * JSON-first header keep `application/json`, as the GraphQL-over-HTTP spec asks for legacy clients.
 */
export function prefersGraphQLResponse(accept: string | undefined): boolean {
  const ranges = acceptRanges(accept);
  const own = ranges.find((r) => r.range === GRAPHQL_RESPONSE_JSON);
  if (!own || own.q <= 0) return false;
  const json =
    ranges.find((r) => r.range === 'application/json') ??
    ranges.find((r) => r.range === 'application/*') ??
    ranges.find((r) => r.range === '*/*');
  return !json || own.q > json.q || (own.q === json.q && own.order < json.order);
}

/**
 * An `onSend` hook for `/graphql`: every error answer the gateway sends itself there before or
 * instead of Apollo (limits, trusted documents, admission, rejected bodies, and any refusal added
 * later) leaves as `application/graphql-response+json` when the client prefers it, so Apollo
 * Client and urql read its `errors` and their codes instead of reporting a bare status. Apollo's
 * own answers already carry the negotiated type and are left alone.
 */
export function graphqlErrorMediaType(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: Error | null, value?: unknown) => void,
): void {
  if (reply.statusCode >= 400 && isPlainJson(reply.getHeader('content-type')) && prefersGraphQLResponse(request.headers.accept)) {
    void reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
  }
  done(null, payload);
}

const isPlainJson = (type: unknown) => typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type);
