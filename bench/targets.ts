import type { RecordedRequest } from '../src/sandbox/index.js';
import type { Target } from './loadgen.js';

/** The throughput query: one Zoom `GET /users` page behind it. */
export const USERS_QUERY = `query BenchUsers {
  users(first: 30) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id email firstName lastName displayName type status createdAt }
  }
}`;

/** A GraphQL POST to the gateway; a success is HTTP 200 with `data` and no `errors`. */
export function gatewayTarget(origin: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Target {
  return {
    name: 'gateway',
    origin,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    check: (status, body) => status === 200 && body.startsWith('{"data":') && !body.includes('"errors":'),
  };
}

/**
 * The REST call the gateway made, repeated directly with the same token type: path and query
 * are copied from the fake's request log, so both arms ask Zoom for exactly the same page.
 */
export function directTarget(origin: string, recorded: RecordedRequest, accessToken: string): Target {
  const query = new URLSearchParams(recorded.query).toString();
  return {
    name: 'direct',
    origin,
    method: 'GET',
    path: query ? `${recorded.path}?${query}` : recorded.path,
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    check: (status, body) => status === 200 && body.startsWith('{'),
  };
}
