import { createHmac, randomUUID } from 'node:crypto';
import type { ZoomChange, ZoomChangeSink } from '../../src/zoom/changes.js';

export const WEBHOOK_SECRET = 'whSecretToken-current-0123';
export const OLD_WEBHOOK_SECRET = 'whSecretToken-previous-4567';

/** Zoom's `v0` signature, computed here independently of the gateway's code. */
export function zoomSignature(secret: string, timestamp: string, body: string | Buffer): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

export interface DeliveryOptions {
  secret?: string;
  /** Epoch ms the delivery claims; default `now`. */
  at?: number;
  /** Omit the signature headers. */
  unsigned?: boolean;
  requestId?: string;
  headers?: Record<string, string>;
}

/** POSTs `body` (sent byte for byte) to the gateway's webhook route as Zoom would. */
export async function deliver(
  url: string,
  now: number,
  body: string | Buffer,
  o: DeliveryOptions = {},
): Promise<{ status: number; text: string; json?: unknown }> {
  const timestamp = String(Math.floor((o.at ?? now) / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Zoom Marketplace/1.0a',
    'x-zm-request-id': o.requestId ?? randomUUID(),
    ...(o.unsigned
      ? {}
      : { 'x-zm-request-timestamp': timestamp, 'x-zm-signature': zoomSignature(o.secret ?? WEBHOOK_SECRET, timestamp, body) }),
    ...o.headers,
  };
  const res = await fetch(`${url}/zoom/webhooks`, { method: 'POST', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export function meetingEvent(
  event: string,
  meetingId: number,
  hostId: string | undefined,
  eventTs: number,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    event,
    event_ts: eventTs,
    payload: {
      account_id: 'fakeAccount1',
      operator: 'admin@example.com',
      operator_id: 'op1',
      object: { id: meetingId, ...(hostId ? { host_id: hostId } : {}), ...extra },
    },
  });
}

export function userEvent(event: string, user: { id: string; email: string }, eventTs: number): string {
  return JSON.stringify({
    event,
    event_ts: eventTs,
    payload: {
      account_id: 'fakeAccount1',
      operator: 'admin@example.com',
      operator_id: 'op1',
      object: { id: user.id, email: user.email, first_name: 'A', last_name: 'B', type: 1 },
    },
  });
}

/** Records what the gateway reports. */
export function recordingSink(): ZoomChangeSink & { changes: ZoomChange[] } {
  const changes: ZoomChange[] = [];
  return { changes, changed: async (c) => void changes.push(c) };
}

/** The value of one labelled sample of a Prometheus text exposition; 0 when absent. */
export async function metric(url: string, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}
