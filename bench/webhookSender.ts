import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'undici';

/**
 * Sends a burst of signed webhooks, all at once, from a process of its own: the bench process
 * holding 1,000 WebSocket subscribers reads a 200 late while messages flood it, which would move
 * the start of every latency it measures. Reads `[{ url, body }]` from stdin; prints one line of
 * `[{ sent, answered }]` (epoch ms with fractions, this machine's clock, in input order).
 *
 * Env: BENCH_WEBHOOK_SECRET.
 */

const secret = process.env.BENCH_WEBHOOK_SECRET;
if (!secret) throw new Error('BENCH_WEBHOOK_SECRET is required');

const now = () => performance.timeOrigin + performance.now();

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const deliveries = JSON.parse(input) as Array<{ url: string; body: string }>;

// Signatures first, so that the burst itself is only the sending.
const signed = deliveries.map(({ url, body }) => {
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    url: `${url}/zoom/webhooks`,
    body,
    headers: {
      'content-type': 'application/json',
      'x-zm-request-id': randomUUID(),
      'x-zm-request-timestamp': ts,
      'x-zm-signature': signature,
    },
  };
});
const times = await Promise.all(
  signed.map(async ({ url, body, headers }) => {
    const sent = now();
    const res = await request(url, { method: 'POST', headers, body });
    const answered = now();
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
    return { sent, answered };
  }),
);
process.stdout.write(`${JSON.stringify(times)}\n`);
