import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** A position in Zoom's cursor paging (`next_page_token`): what a connection cursor carries. */
export interface Position {
  /** Zoom's `next_page_token` that yields this page; '' for the first page. */
  t: string;
  /** page_size the token was minted with. */
  s: number;
  /** index in that page of the last item already returned; -1 for none. */
  i: number;
  /** fingerprint of the query, so a cursor is not replayed against another list. */
  q: string;
}

const INFO = 'zoom-graphql-gateway cursor v1';
const MAC_BYTES = 16;

/**
 * Connection cursors, signed: a cursor decides the Zoom page size and page token a connection
 * fetches with, and so how many Zoom calls it makes, so a client may hand back only cursors the
 * gateway issued. The key is derived from TOKEN_ENCRYPTION_KEY (the sandbox key in sandbox
 * mode), so every replica verifies every other replica's cursors; cursors signed with a key in
 * TOKEN_ENCRYPTION_OLD_KEYS stay valid through a rotation.
 */
export class CursorCodec {
  private readonly keys: Buffer[];

  /** @param rootKeys the current key first, then older ones still accepted. */
  constructor(
    rootKeys: readonly Uint8Array[],
    private readonly maxPageSize: number,
  ) {
    if (rootKeys.length === 0) throw new Error('CursorCodec needs a key');
    this.keys = rootKeys.map((k) => Buffer.from(hkdfSync('sha256', k, new Uint8Array(), INFO, 32)));
  }

  encode(p: Position): string {
    const body = Buffer.from(JSON.stringify([p.t, p.s, p.i, p.q])).toString('base64url');
    return `${body}.${mac(this.keys[0]!, body).toString('base64url')}`;
  }

  /** The position a cursor carries, or undefined when it is malformed, forged or out of range. */
  decode(cursor: string): Position | undefined {
    // A real cursor is a few hundred bytes; a long one is not worth a MAC.
    if (cursor.length > 4096) return undefined;
    const dot = cursor.indexOf('.');
    if (dot < 1) return undefined;
    const body = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
    if (given.length !== MAC_BYTES || !this.keys.some((k) => timingSafeEqual(mac(k, body), given))) return undefined;
    try {
      const [t, s, i, q] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
      const ok =
        typeof t === 'string' &&
        typeof q === 'string' &&
        Number.isInteger(s) &&
        (s as number) >= 1 &&
        (s as number) <= this.maxPageSize &&
        Number.isInteger(i) &&
        (i as number) >= -1 &&
        (i as number) < (s as number);
      return ok ? { t, s: s as number, i: i as number, q } : undefined;
    } catch {
      return undefined;
    }
  }
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
