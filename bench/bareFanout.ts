import websocket from '@fastify/websocket';
import { createClient } from '@keyv/redis';
import Fastify from 'fastify';
import type { WebSocket } from 'ws';

/**
 * The bench's "bare fan-out": the least any service between Zoom's webhooks and WebSocket
 * subscribers can do with the gateway's stack (Fastify, @fastify/websocket, Redis pub/sub).
 * POST /zoom/webhooks answers 200, then numbers the event per meeting and publishes it in one
 * Redis script (as the gateway does); every replica sends each event it hears to its
 * subscribers of that meeting as a graphql-transport-ws `next` message serialised once per
 * event. No GraphQL, no authentication, no signature check, no de-duplication, no metrics. The
 * gateway is compared with it to tell what the gateway costs from what the machine costs.
 *
 * Env: BARE_REDIS_URL, BARE_CHANNEL. Prints {"url"} once listening and subscribed.
 */

const redisUrl = process.env.BARE_REDIS_URL;
const channel = process.env.BARE_CHANNEL;
if (!redisUrl || !channel) throw new Error('BARE_REDIS_URL and BARE_CHANNEL are required');

const PUBLISH_NEXT = `local s = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], s .. ' ' .. ARGV[2])
return s`;

interface Event {
  meetingId: string;
  kind: string;
  occurredAt: number;
}

const KINDS: Record<string, string> = {
  'meeting.started': 'STARTED',
  'meeting.ended': 'ENDED',
  'meeting.participant_joined': 'PARTICIPANT_JOINED',
  'meeting.participant_left': 'PARTICIPANT_LEFT',
};

/** Meeting number → (socket, subscription id) of this replica's subscribers. */
const subscribers = new Map<string, Array<{ socket: WebSocket; id: string }>>();

const commands = createClient({ url: redisUrl });
const listener = commands.duplicate();
await Promise.all([commands.connect(), listener.connect()]);
await listener.subscribe(channel, (message) => {
  const space = message.indexOf(' ');
  const sequence = Number(message.slice(0, space));
  const e = JSON.parse(message.slice(space + 1)) as Event;
  const payload = JSON.stringify({
    data: { meetingEvents: { meetingId: e.meetingId, kind: e.kind, sequence, occurredAt: new Date(e.occurredAt).toISOString() } },
  });
  for (const s of subscribers.get(e.meetingId) ?? []) s.socket.send(`{"id":${JSON.stringify(s.id)},"type":"next","payload":${payload}}`);
});

const app = Fastify();
await app.register(websocket);
app.get('/graphql', { websocket: true }, (socket) => {
  socket.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as { type: string; id?: string; payload?: { variables?: { id?: string } } };
    if (m.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    else if (m.type === 'subscribe' && m.id && m.payload?.variables?.id) {
      const list = subscribers.get(m.payload.variables.id) ?? [];
      list.push({ socket, id: m.id });
      subscribers.set(m.payload.variables.id, list);
    }
  });
});
app.post('/zoom/webhooks', async (req, reply) => {
  await reply.code(200).send();
  const body = req.body as { event: string; event_ts: number; payload: { object: { id: number } } };
  const event: Event = { meetingId: String(body.payload.object.id), kind: KINDS[body.event] ?? 'UPDATED', occurredAt: body.event_ts };
  await commands.eval(PUBLISH_NEXT, { keys: [`${channel}:seq:${event.meetingId}`], arguments: [channel, JSON.stringify(event)] });
  return reply;
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
const stop = () =>
  void app.close().then(async () => {
    await Promise.allSettled([commands.quit(), listener.quit()]);
    process.exit(0);
  });
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
