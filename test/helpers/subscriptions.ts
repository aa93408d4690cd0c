import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The gateway's WebSocket endpoint for an `http://…` base URL. */
export const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

export interface Closed {
  code: number;
  reason: string;
}

export interface TestClient {
  client: Client;
  /** Resolves with the first close of the socket. */
  closed: Promise<Closed>;
  /** Resolves once the server acknowledged connection_init. */
  connected: Promise<void>;
}

/** A graphql-ws client over `ws`, connected at once, never retrying (a close is the answer). */
export function connect(httpUrl: string, connectionParams: Record<string, unknown> = {}): TestClient {
  let onClosed!: (c: Closed) => void;
  let onConnected!: () => void;
  const closed = new Promise<Closed>((r) => (onClosed = r));
  const connected = new Promise<void>((r) => (onConnected = r));
  const client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams,
    on: {
      connected: () => onConnected(),
      closed: (e) => {
        const ev = e as { code: number; reason: string | Buffer };
        onClosed({ code: ev.code, reason: String(ev.reason) });
      },
    },
    onNonLazyError: () => undefined,
  });
  return { client, closed, connected };
}

export interface Received<T> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  /** Stops the subscription. */
  stop(): void;
}

/** Subscribes and records every event (`data[field]`) and error. */
export function record<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const out: Received<T> = { events: [], errors: [], completed: false, stop: () => undefined };
  out.stop = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) out.errors.push(...result.errors);
        for (const v of Object.values(result.data ?? {})) out.events.push(v);
      },
      error: (err) => (Array.isArray(err) ? out.errors.push(...(err as unknown[])) : out.errors.push(err)),
      complete: () => (out.completed = true),
    },
  );
  return out;
}

/** A raw `graphql-transport-ws` socket, for messages a well-behaved client never sends. */
export async function rawSocket(httpUrl: string): Promise<{ ws: WebSocket; messages: unknown[]; closed: Promise<Closed> }> {
  const ws = new WebSocket(wsUrl(httpUrl), 'graphql-transport-ws');
  const messages: unknown[] = [];
  const closed = new Promise<Closed>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages, closed };
}

export const MEETING_EVENTS = `subscription ($id: ID!) {
  meetingEvents(meetingId: $id) { meetingId kind sequence occurredAt hostId topic participant { name userId participantId joinTime leaveTime } }
}`;

export const MY_MEETING_EVENTS = `subscription ($hostId: ID) {
  myMeetingEvents(hostId: $hostId) { meetingId kind sequence hostId participant { name } }
}`;

/** What a test drives on the fake, over its admin routes, as people do in Zoom. */
export async function fakeLive(
  fakeUrl: string,
  meetingId: number | string,
  action: 'start' | 'end' | 'join' | 'leave',
  arg?: string | Record<string, unknown>,
) {
  const base = `${fakeUrl}/__fake/live/meetings/${meetingId}`;
  const res =
    action === 'join'
      ? await fetch(`${base}/participants`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(arg ?? {}),
        })
      : action === 'leave'
        ? await fetch(`${base}/participants/${String(arg)}`, { method: 'DELETE' })
        : await fetch(`${base}/${action}`, { method: 'POST' });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`fake live ${action}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Points the fake's event subscription at the gateway (it validates the endpoint first). */
export async function subscribeFakeWebhooks(fakeUrl: string, gatewayUrl: string, secretToken: string): Promise<void> {
  const res = await fetch(`${fakeUrl}/__fake/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${gatewayUrl}/zoom/webhooks`, secretToken }),
  });
  const body = (await res.json()) as { subscriptions: Array<{ validated: boolean }> };
  if (!body.subscriptions.every((s) => s.validated))
    throw new Error(`the gateway did not validate its webhook endpoint: ${JSON.stringify(body)}`);
}
