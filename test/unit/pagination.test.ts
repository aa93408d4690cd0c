import { describe, expect, it } from 'vitest';
import type { ConnectionShape } from '../../src/graphql/connection.js';
import { CursorCodec, type Position } from '../../src/graphql/cursor.js';
import {
  MAX_FIRST,
  MAX_PAGES_PER_CALL,
  checkPageArgs as checkWith,
  pagesToFill,
  paginate as paginateWith,
  type ZoomPageResult,
} from '../../src/graphql/pagination.js';

const KEY = new Uint8Array(32).fill(1);
const cursors = new CursorCodec([KEY], MAX_FIRST);
const checkPageArgs = (first: number, after: string | null, query: string) => checkWith(cursors, first, after, query);
const paginate = <T, N>(
  first: number,
  start: Position,
  fetchPage: (t: string | undefined, size: number) => Promise<ZoomPageResult<T>>,
  toNode: (t: T) => N,
) => paginateWith(cursors, first, start, fetchPage, toNode);

/** A Zoom-like list: page tokens are offsets, bound to the page size they were minted with. */
function source(n: number) {
  const calls: Array<{ token: string | undefined; size: number }> = [];
  const fetchPage = async (token: string | undefined, size: number): Promise<ZoomPageResult<number>> => {
    calls.push({ token, size });
    const [offset, mintedSize] = token ? token.split('/').map(Number) : [0, size];
    if (mintedSize !== size) throw new Error('token used with another page size');
    const items = Array.from({ length: Math.max(0, Math.min(size, n - offset!)) }, (_, i) => offset! + i);
    const next = offset! + size < n ? `${offset! + size}/${size}` : '';
    return { items, next, total: n };
  };
  return { fetchPage, calls };
}

const id = (x: number) => x;

describe('paginate over Zoom next_page_token', () => {
  it('walks a list with endCursor, one Zoom call per page, each item once', async () => {
    const { fetchPage, calls } = source(1000);
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const conn: ConnectionShape<number> = await paginate(100, checkPageArgs(100, after, 'q'), fetchPage, id);
      seen.push(...conn.nodes);
      expect(conn.totalCount).toBe(1000);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(calls).toHaveLength(10);
  });

  it('resumes from a cursor in the middle of a page', async () => {
    const { fetchPage } = source(10);
    const first = await paginate(4, checkPageArgs(4, null, 'q'), fetchPage, id);
    const fromSecond = await paginate(4, checkPageArgs(4, first.edges[1]!.cursor, 'q'), fetchPage, id);
    expect(fromSecond.nodes).toEqual([2, 3, 4, 5]);
    const tail = await paginate(4, checkPageArgs(4, fromSecond.pageInfo.endCursor, 'q'), fetchPage, id);
    expect(tail.nodes).toEqual([6, 7, 8, 9]);
    expect(tail.pageInfo.hasNextPage).toBe(false);
  });

  it('reports no next page on an exactly full last page', async () => {
    const { fetchPage } = source(6);
    const page1 = await paginate(3, checkPageArgs(3, null, 'q'), fetchPage, id);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const conn = await paginate(3, checkPageArgs(3, page1.pageInfo.endCursor, 'q'), fetchPage, id);
    expect(conn.nodes).toEqual([3, 4, 5]);
    expect(conn.pageInfo.hasNextPage).toBe(false);
  });

  it('pageInfo is Relay-complete: startCursor and endCursor are the first and last edge cursors, hasPreviousPage only after a cursor', async () => {
    const { fetchPage } = source(10);
    const page1 = await paginate(4, checkPageArgs(4, null, 'q'), fetchPage, id);
    expect(page1.pageInfo.hasPreviousPage).toBe(false);
    expect(page1.pageInfo.startCursor).toBe(page1.edges[0]!.cursor);
    expect(page1.pageInfo.endCursor).toBe(page1.edges.at(-1)!.cursor);
    // Resuming after the start cursor skips exactly the first item.
    expect((await paginate(2, checkPageArgs(2, page1.pageInfo.startCursor, 'q'), fetchPage, id)).nodes).toEqual([1, 2]);
    const page2 = await paginate(4, checkPageArgs(4, page1.pageInfo.endCursor, 'q'), fetchPage, id);
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
    expect(page2.pageInfo.startCursor).toBe(page2.edges[0]!.cursor);
    // An empty page has neither cursor (the last page's endCursor when the list has ended).
    const tail = await paginate(
      4,
      checkPageArgs(4, (await paginate(4, checkPageArgs(4, page2.pageInfo.endCursor, 'q'), fetchPage, id)).pageInfo.endCursor, 'q'),
      fetchPage,
      id,
    );
    expect(tail.nodes).toEqual([]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('rejects first outside 1–300 and foreign or forged cursors before any call', () => {
    for (const first of [0, -1, 301, 1.5]) expect(() => checkPageArgs(first, null, 'q')).toThrow(/first must be between 1 and 300/);
    expect(() => checkPageArgs(10, 'not-a-cursor', 'q')).toThrow(/not a cursor of this list/);
    const foreign = cursors.encode({ t: '', s: 10, i: 2, q: 'other' });
    expect(() => checkPageArgs(10, foreign, 'q')).toThrow(/not a cursor of this list/);
    const unsigned = Buffer.from(JSON.stringify({ t: '', s: 300, i: 2, q: 'q' })).toString('base64url');
    expect(() => checkPageArgs(10, unsigned, 'q')).toThrow(/not a cursor/);
  });

  it('cursors are signed: a changed page size, token or index, or another key, is refused', () => {
    const real = cursors.encode({ t: 'tok', s: 10, i: 2, q: 'q' });
    expect(checkPageArgs(10, real, 'q')).toEqual({ t: 'tok', s: 10, i: 2, q: 'q' });
    const [body, mac] = real.split('.') as [string, string];
    const fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    for (const [index, value] of [
      [0, 'other'],
      [1, 300],
      [2, -1],
      [3, 'p'],
    ] as const) {
      const changed = [...fields];
      changed[index] = value;
      const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac}`;
      expect(() => checkPageArgs(10, forged, 'q')).toThrow(/not a cursor/);
    }
    const otherKey = new CursorCodec([new Uint8Array(32).fill(2)], MAX_FIRST).encode({ t: 'tok', s: 10, i: 2, q: 'q' });
    expect(() => checkPageArgs(10, otherKey, 'q')).toThrow(/not a cursor/);
    for (const junk of ['.', `${body}.`, `.${mac}`, `${body}.${mac}x`, `${body}.${mac}.${mac}`])
      expect(() => checkPageArgs(10, junk, 'q')).toThrow(/not a cursor/);
    // An older key (TOKEN_ENCRYPTION_OLD_KEYS) still verifies during a rotation.
    const rotated = new CursorCodec([new Uint8Array(32).fill(3), KEY], MAX_FIRST);
    expect(rotated.decode(real)).toEqual({ t: 'tok', s: 10, i: 2, q: 'q' });
  });
});

describe('paginate fan-out', () => {
  it('pagesToFill: one page without a cursor, more after a smaller page size, at most MAX_PAGES_PER_CALL', () => {
    expect(pagesToFill(300, { s: 300, i: -1 })).toBe(1);
    expect(pagesToFill(10, { s: 10, i: 4 })).toBe(2);
    expect(pagesToFill(5, { s: 10, i: 4 })).toBe(1);
    expect(pagesToFill(3, { s: 1, i: -1 })).toBe(3);
    expect(pagesToFill(300, { s: 1, i: -1 })).toBe(MAX_PAGES_PER_CALL);
  });

  it('without a cursor makes one Zoom call, even when Zoom answers a short page', async () => {
    const calls: number[] = [];
    const short = async (token: string | undefined, size: number): Promise<ZoomPageResult<number>> => {
      calls.push(size);
      return { items: [1, 2], next: 'more', total: 100 };
    };
    const conn = await paginate(50, checkPageArgs(50, null, 'q'), short, id);
    expect(calls).toEqual([50]);
    expect(conn.nodes).toEqual([1, 2]);
    expect(conn.pageInfo.hasNextPage).toBe(true);
  });

  it('stops after MAX_PAGES_PER_CALL Zoom pages and resumes from its endCursor', async () => {
    const { fetchPage, calls } = source(100);
    const small = await paginate(1, checkPageArgs(1, null, 'q'), fetchPage, id);
    calls.length = 0;
    const big = await paginate(300, checkPageArgs(300, small.pageInfo.endCursor, 'q'), fetchPage, id);
    expect(calls).toHaveLength(MAX_PAGES_PER_CALL);
    expect(big.nodes).toEqual([1, 2, 3, 4, 5]);
    expect(big.pageInfo.hasNextPage).toBe(true);
    const next = await paginate(300, checkPageArgs(300, big.pageInfo.endCursor, 'q'), fetchPage, id);
    expect(next.nodes[0]).toBe(6);
  });
});
