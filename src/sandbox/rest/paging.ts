import { invalidField, zoomError } from '../errors.js';
import type { Reply } from '../http.js';
import { secureAlnum } from '../random.js';
import type { FakeZoomState } from '../state.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './params.js';

/** NOTE: "This token's expiration period is 15 minutes" (SPEC23 `next_page_token`). */
const PAGE_TOKEN_TTL_MS = 15 * 60_000;

export interface PageRequest {
  size: number;
  offset: number;
}

export interface PageMeta {
  next_page_token: string;
  page_count: number;
  page_number: number;
  page_size: number;
  total_records: number;
}

/**
 * Reads `page_size` / `next_page_token` / `page_number`. A page token is bound to `scope` (the
 * route, subject and filters of the query that produced it) and expires after 15 minutes.
 */
export function readPage(state: FakeZoomState, query: Record<string, string>, scope: string): PageRequest | Reply {
  const rawSize = query.page_size;
  let size = PAGE_SIZE_DEFAULT;
  if (rawSize !== undefined) {
    if (!/^\d+$/.test(rawSize) || Number(rawSize) < 1) return invalidField('page_size');
    // NOTE: values above the maximum are clamped, not rejected.
    size = Math.min(Number(rawSize), PAGE_SIZE_MAX);
  }
  const token = query.next_page_token;
  if (token) {
    const cursor = state.pageTokens.get(token);
    if (!cursor || cursor.scope !== scope || cursor.expiresAt <= state.clock.now()) {
      return zoomError(400, 300, 'The next page token is invalid or expired.');
    }
    return { size, offset: cursor.offset };
  }
  const rawNumber = query.page_number;
  if (rawNumber !== undefined) {
    if (!/^\d+$/.test(rawNumber) || Number(rawNumber) < 1) return invalidField('page_number');
    return { size, offset: (Number(rawNumber) - 1) * size };
  }
  return { size, offset: 0 };
}

/** NOTE: `next_page_token` is an empty string on the last page (DOCS26 pagination). */
export function pageOf<T>(state: FakeZoomState, items: readonly T[], page: PageRequest, scope: string): { items: T[]; meta: PageMeta } {
  const end = page.offset + page.size;
  let next = '';
  if (end < items.length) {
    next = secureAlnum(35);
    prune(state);
    state.pageTokens.set(next, { scope, offset: end, expiresAt: state.clock.now() + PAGE_TOKEN_TTL_MS });
  }
  return {
    items: items.slice(page.offset, end),
    meta: {
      next_page_token: next,
      page_count: Math.ceil(items.length / page.size),
      page_number: Math.floor(page.offset / page.size) + 1,
      page_size: page.size,
      total_records: items.length,
    },
  };
}

function prune(state: FakeZoomState): void {
  if (state.pageTokens.size < 10_000) return;
  const now = state.clock.now();
  // Tokens are inserted in expiry order, so the expired ones are at the front.
  for (const [token, cursor] of state.pageTokens) {
    if (cursor.expiresAt > now) break;
    state.pageTokens.delete(token);
  }
}
