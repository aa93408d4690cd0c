import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a handler decided to answer. Handlers return replies instead of writing to the socket so
 * the pipeline can still drop the connection after processing (the "lost response" knob).
 */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  json?: unknown;
  /** Sent verbatim (HTML pages, deliberately malformed JSON). */
  text?: string;
  contentType?: string;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, json: body, headers };
}

export function empty(status: number, headers?: Record<string, string>): Reply {
  return { status, headers };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.headers ?? {})) headers[k.toLowerCase()] = v;
  let body = '';
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] ??= reply.contentType ?? JSON_TYPE;
  } else if (reply.text !== undefined) {
    body = reply.text;
    headers['content-type'] ??= reply.contentType ?? JSON_TYPE;
  }
  if (reply.status !== 204 && reply.status !== 304) {
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 ? undefined : body);
}

const MAX_BODY = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Last value wins, like most servers read repeated query parameters. */
export function parseQuery(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
  return out;
}

export function splitUrl(url: string): { path: string; rawQuery: string } {
  const q = url.indexOf('?');
  return q === -1 ? { path: url, rawQuery: '' } : { path: url.slice(0, q), rawQuery: url.slice(q + 1) };
}
