import type { Target } from './loadgen.js';

/** The throughput query with the page size as a variable, so each worker can ask its own. */
export const USERS_PAGE_QUERY = `query BenchUsers($first: Int) {
  users(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id email firstName lastName displayName type status createdAt }
  }
}`;

/** Worker `w` asks for a page of `30 + w` users. */
const pageSize = (worker: number) => 30 + worker;

/**
 * The throughput arms with a Zoom URL of its own per worker (page_size 30, 31, …). The gateway
 * sends identical Zoom reads in flight once; with every worker asking the same page most of its
 * requests would never reach Zoom, and the comparison with the direct call and the bare hop,
 * which always make the call, would measure that sharing instead of the uncached path.
 */
export function distinctPerWorker<A extends { direct: Target } & Record<string, Target>>(arms: A, concurrency: number): A {
  const workers = Array.from({ length: concurrency }, (_, w) => pageSize(w));
  const graphql = (target: Target): Target => ({
    ...target,
    variants: workers.map((first) => ({ body: JSON.stringify({ query: USERS_PAGE_QUERY, variables: { first } }) })),
  });
  const direct: Target = {
    ...arms.direct,
    variants: workers.map((first) => {
      const url = new URL(arms.direct.path, 'http://direct');
      url.searchParams.set('page_size', String(first));
      return { path: `${url.pathname}${url.search}` };
    }),
  };
  const out: Record<string, Target> = { direct };
  for (const [name, target] of Object.entries(arms)) if (name !== 'direct') out[name] = graphql(target);
  return out as A;
}
