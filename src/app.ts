import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import { OpenAuthenticator, type Authenticator } from './auth/authenticator.js';
import type { Config } from './config.js';
import type { GraphQLContext } from './graphql/context.js';
import { createFormatError } from './graphql/errors.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { createUserLoader } from './graphql/users/user.loader.js';
import { createLogger } from './logger.js';
import { SANDBOX_CREDENTIALS, startFakeZoom, type FakeZoom } from './sandbox/index.js';
import type { Services } from './services.js';
import { systemClock, type Clock } from './tokens/clock.js';
import { SANDBOX_KEY } from './tokens/encryption.js';
import { ZoomOAuthClient } from './tokens/oauthClient.js';
import { TokenProvider } from './tokens/provider.js';
import { S2SSource } from './tokens/s2s.js';
import type { TokenStore } from './tokens/store.js';
import { createTokenStore } from './tokens/storeFactory.js';
import { TokenCache } from './tokens/tokenCache.js';
import { ZoomHttpClient } from './zoom/httpClient.js';

/** The only test seam: parts a test wants to supply or share. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: TokenStore;
  /** A fake Zoom to use in sandbox mode instead of starting one. */
  fakeZoom?: FakeZoom;
}

export interface App {
  readonly config: Config;
  readonly services: Services;
  readonly fastify: FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;
  readonly fakeZoom: FakeZoom | undefined;
  /** Listens on config.host:config.port; returns the base URL, e.g. http://127.0.0.1:4000 */
  listen(): Promise<string>;
  /** Drains in-flight requests and releases everything; idempotent. */
  stop(): Promise<void>;
}

export async function createApp(input: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(input.logLevel);
  const clock = overrides.clock ?? systemClock;
  const { config, fake, ownsFake } = await resolveSandbox(input, overrides, logger);
  const store = overrides.store ?? (await createTokenStore(config.store, config.encryptionKeys ?? [SANDBOX_KEY], logger));
  const client = new ZoomHttpClient({ apiUrl: config.zoom.apiUrl, logger, clock });
  const oauth = new ZoomOAuthClient(config.zoom.oauthUrl, client.dispatcher, clock);
  const cache = new TokenCache({ store, clock, marginMs: config.tokenRefreshMarginSeconds * 1000, logger });
  const s2s = config.s2s ? new S2SSource(config.s2s, oauth, cache) : null;
  const tokens = new TokenProvider({ s2s });
  const services: Services = { config, client, tokens, cache, clock };
  const authenticator: Authenticator = new OpenAuthenticator();

  const fastify = Fastify({
    loggerInstance: logger,
    genReqId: (req) => String(req.headers['x-request-id'] ?? randomUUID()),
    disableRequestLogging: false,
    bodyLimit: 1024 * 1024,
  });
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGatewaySchema(),
    introspection: config.graphql.introspection,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    plugins: [fastifyApolloDrainPlugin(fastify), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  fastify.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, {
      context: async (request): Promise<GraphQLContext> => {
        const principal = await authenticator.authenticate(request.headers);
        const zoom = { client, tokens, principal };
        return { principal, zoom, loaders: { user: createUserLoader(zoom) }, logger: logger.child({ reqId: request.id }), services };
      },
    }),
  });
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_req, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'token store unreachable' });
    }
  });

  let stopping: Promise<void> | undefined;
  return {
    config,
    services,
    fastify,
    fakeZoom: fake,
    async listen() {
      const address = await fastify.listen({ host: config.host, port: config.port });
      logger.info({ address, sandbox: config.sandbox, store: config.store.kind }, 'gateway listening');
      return address;
    },
    stop() {
      stopping ??= (async () => {
        await fastify.close();
        await apollo.stop();
        await client.close();
        if (!overrides.store) await store.close();
        if (ownsFake) await fake?.close();
      })();
      return stopping;
    },
  };
}

/** In sandbox mode the gateway starts (or is handed) a fake Zoom and points every Zoom URL at it. */
async function resolveSandbox(config: Config, overrides: AppOverrides, logger: Logger) {
  if (!config.sandbox) return { config, fake: undefined, ownsFake: false };
  const fake = overrides.fakeZoom ?? (await startFakeZoom());
  logger.warn({ fakeZoom: fake.url }, 'SANDBOX MODE: no Zoom credentials configured; serving a built-in fake Zoom. Never use this in production.');
  const sandboxed: Config = {
    ...config,
    zoom: { ...config.zoom, apiUrl: `${fake.url}/v2`, oauthUrl: fake.url },
    s2s: config.s2s ?? { ...SANDBOX_CREDENTIALS.s2s },
    userOAuth: config.userOAuth ?? { ...SANDBOX_CREDENTIALS.oauth, redirectUri: null },
  };
  return { config: sandboxed, fake, ownsFake: !overrides.fakeZoom };
}
