import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The file descriptors this process may open (Node raises the soft limit to the hard one at
 * start; a child shell inherits it). Each slow client costs two: its socket and the server's.
 */
export function openFileLimit(): number {
  const out = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
}

export interface RawClient {
  socket: Socket;
  /** Everything the server wrote, as text. */
  received(): string;
  /** Resolves when the server closed (or reset) the connection. */
  closed: Promise<void>;
}

/** A TCP connection to the gateway that writes `head` and then whatever the test writes. */
export async function rawClient(url: string, head: string): Promise<RawClient> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  // A reset from the server is a close like any other here.
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  if (head) socket.write(head);
  return { socket, received: () => text, closed };
}

/** Request head of a `POST /graphql` announcing `contentLength` bytes of JSON body. */
export function postHead(host: string, contentLength: number, headers: Record<string, string> = {}): string {
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n${extra}\r\n`;
}

/**
 * `n` connections that each send a `POST /graphql` head announcing a 1,000-byte body and then
 * one byte of it, and nothing more: the slow-body client of the attack. Opened in batches so
 * the listen backlog never overflows.
 */
export async function openSlowBodies(url: string, n: number, headers: Record<string, string> = {}): Promise<RawClient[]> {
  const head = postHead(new URL(url).host, 1000, headers) + '{';
  const clients: RawClient[] = [];
  for (let i = 0; i < n; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => rawClient(url, head)));
    clients.push(...batch);
  }
  return clients;
}

/** Counts the requests the HTTP server has parsed the head of and handed to the app, by path. */
export function countRequests(server: Server, path: string): () => number {
  let seen = 0;
  server.on('request', (req: { url?: string }) => {
    if (req.url === path) seen++;
  });
  return () => seen;
}

/** Polls `condition` every 10 ms; fails naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
