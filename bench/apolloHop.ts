import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { buildSchema } from 'graphql';
import { Agent, request } from 'undici';
import { usersConnection, type ZoomUserPage } from './usersPage.js';
import { compiledExecution } from '../src/graphql/compiledExecutor.js';

/**
 * The bench's "Apollo hop": the bare hop's REST call and reshaping behind the gateway's GraphQL
 * stack at its leanest — Apollo Server 5 on Fastify, the same graphql-jit executor, cache
 * control and landing page off — and nothing of the gateway's own: no authentication,
 * admission, limits, cost, metrics, logging, token cache, cursors or policy. Between the bare
 * hop and the gateway, it tells what the GraphQL server costs from what the gateway adds.
 *
 * Env: BARE_UPSTREAM (origin), BARE_PATH (path and query), BARE_TOKEN. Prints {"url"} once listening.
 */

const upstream = process.env.BARE_UPSTREAM;
const path = process.env.BARE_PATH;
const token = process.env.BARE_TOKEN;
if (!upstream || !path || !token) throw new Error('BARE_UPSTREAM, BARE_PATH and BARE_TOKEN are required');

const typeDefs = `
type PageInfo { hasNextPage: Boolean! endCursor: String }
type User { id: ID! email: String! firstName: String lastName: String displayName: String type: Int! status: String createdAt: String }
type UserConnection { totalCount: Int! pageInfo: PageInfo! nodes: [User!]! }
type Query { users(first: Int): UserConnection }
`;

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
const schema = buildSchema(typeDefs);
schema.getQueryType()!.getFields().users!.resolve = async (_: unknown, args: { first?: number | null }) => {
  const url = new URL(`${upstream}${path}`);
  if (typeof args.first === 'number') url.searchParams.set('page_size', String(args.first));
  const res = await request(url, { dispatcher: agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`upstream answered ${res.statusCode}`);
  const page = JSON.parse(text) as ZoomUserPage;
  return usersConnection(page);
};

const app = Fastify();
const execution = compiledExecution(schema);
const apollo = new ApolloServer({
  gateway: execution.gateway,
  plugins: [
    fastifyApolloDrainPlugin(app),
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginLandingPageDisabled(),
    execution.plugin,
  ],
});
await apollo.start();
app.post('/graphql', fastifyApolloHandler(apollo));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
