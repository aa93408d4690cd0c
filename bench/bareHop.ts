import Fastify from 'fastify';
import { Agent, request } from 'undici';
import { usersConnection, type ZoomUserPage } from './usersPage.js';

/**
 * The bench's "bare hop": the least any HTTP service between a client and Zoom can do for
 * `users(first: 30)` — Fastify receives the POST, undici makes the same REST call over a
 * keep-alive pool (as the gateway does), the body is parsed, reshaped to the gateway's JSON
 * and sent back. No GraphQL, no auth, no token cache, no logging. The gateway is compared with
 * it to tell what GraphQL costs from what any extra hop costs on the machine at hand.
 *
 * Env: BARE_UPSTREAM (origin), BARE_PATH (path and query), BARE_TOKEN. Prints {"url"} once listening.
 */

const upstream = process.env.BARE_UPSTREAM;
const path = process.env.BARE_PATH;
const token = process.env.BARE_TOKEN;
if (!upstream || !path || !token) throw new Error('BARE_UPSTREAM, BARE_PATH and BARE_TOKEN are required');

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
const app = Fastify();
app.post('/graphql', async (req, reply) => {
  // A `first` variable becomes Zoom's page_size, as the gateway does, so the bench can give every
  // worker its own Zoom URL (see bench/distinct.ts).
  const first = (req.body as { variables?: { first?: unknown } } | null)?.variables?.first;
  const url = new URL(`${upstream}${path}`);
  if (typeof first === 'number') url.searchParams.set('page_size', String(first));
  const res = await request(url, { dispatcher: agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const text = await res.body.text();
  if (res.statusCode !== 200) return reply.code(502).send({ errors: [{ message: `upstream answered ${res.statusCode}` }] });
  const page = JSON.parse(text) as ZoomUserPage;
  return { data: { users: usersConnection(page) } };
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
