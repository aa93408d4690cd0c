import { badUserInput } from '../errors.js';
import type { ConnectionShape, Edge } from './connection.js';

/** Zoom's cursor paging (`next_page_token`) from one position: a page token, its size, items consumed. */
interface Position {
  /** Zoom's `next_page_token` that yields this page; '' for the first page. */
  t: string;
  /** page_size the token was minted with. */
  s: number;
  /** index in that page of the last item already returned; -1 for none. */
  i: number;
  /** fingerprint of the query, so a cursor is not replayed against another list. */
  q: string;
}

export interface ZoomPageResult<T> {
  items: T[];
  /** '' when Zoom says there is no next page. */
  next: string;
  total: number;
}

export const MAX_FIRST = 300;

/**
 * A cursor minted with a small `first` keeps its page size (Zoom's page tokens belong to
 * their query), so a large `first` after it would fan out into many Zoom calls. Past this
 * many pages a connection returns what it has, with `hasNextPage`, as Relay allows.
 */
export const MAX_PAGES_PER_CALL = 5;

/** `first` 1–300 and a well-formed `after`, checked before any Zoom call. */
export function checkPageArgs(first: number, after: string | null | undefined, query: string): Position {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badUserInput(`first must be between 1 and ${MAX_FIRST}, got ${first}.`, 'first');
  }
  if (after === null || after === undefined) return { t: '', s: first, i: -1, q: query };
  const pos = decodeCursor(after);
  if (!pos || pos.q !== query) throw badUserInput('after is not a cursor of this list.', 'after');
  return pos;
}

/** Fills `first` items from Zoom pages, starting after the cursor's position. */
export async function paginate<T, N>(
  first: number,
  start: Position,
  fetchPage: (token: string | undefined, pageSize: number) => Promise<ZoomPageResult<T>>,
  toNode: (item: T) => N,
): Promise<ConnectionShape<N>> {
  const edges: Edge<N>[] = [];
  let pos = start;
  let total = 0;
  let hasNextPage = false;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(pos.t || undefined, pos.s);
    total = page.total;
    const rest = page.items.slice(pos.i + 1);
    const take = rest.slice(0, first - edges.length);
    take.forEach((item, j) => {
      const index = pos.i + 1 + j;
      const lastOfPage = index === page.items.length - 1;
      // The last item of a page points at the next page, so resuming costs no extra call.
      const cursor = lastOfPage && page.next ? { ...pos, t: page.next, i: -1 } : { ...pos, i: index };
      // Encoded only when a client selects `cursor` (most ask for `nodes` or `endCursor`).
      edges.push({ get cursor() { return encodeCursor(cursor); }, node: toNode(item) });
    });
    if (edges.length >= first) {
      hasNextPage = rest.length > take.length || page.next !== '';
      break;
    }
    if (!page.next || page.items.length === 0) break;
    if (pages >= MAX_PAGES_PER_CALL) {
      hasNextPage = true;
      break;
    }
    pos = { ...pos, t: page.next, i: -1 };
  }
  const last = edges.at(-1);
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage, endCursor: last?.cursor ?? null },
    totalCount: total,
  };
}

const encodeCursor = (p: Position) => Buffer.from(JSON.stringify(p)).toString('base64url');

function decodeCursor(cursor: string): Position | undefined {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position>;
    const ok =
      typeof p.t === 'string' &&
      typeof p.q === 'string' &&
      Number.isInteger(p.s) &&
      (p.s as number) >= 1 &&
      (p.s as number) <= MAX_FIRST &&
      Number.isInteger(p.i) &&
      (p.i as number) >= -1 &&
      (p.i as number) < (p.s as number);
    return ok ? (p as Position) : undefined;
  } catch {
    return undefined;
  }
}
