import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { compiledExecution } from '../graphql/compiledExecutor.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createFormatError, errorLogPlugin, logGraphQLError, toHttpError } from '../graphql/errors.js';
import { CostCalculator, costLimitPlugin, graphqlRouteGuards, limitValidationRules, RequestBudget, requestLimits, ValidatedDocuments } from '../graphql/limits/index.js';
import { buildGatewaySchema } from '../graphql/schema.js';
import { createUserLoader } from '../graphql/users/user.loader.js';
import type { Config } from '../config.js';
import { graphqlMetricsPlugin } from '../observability/graphqlMetricsPlugin.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Services } from '../services.js';
import { SANDBOX_KEY } from '../store/encryption.js';
import type { TokenStore } from '../store/store.js';
import type { UserOAuthSource } from '../tokens/userOAuth.js';
import type { ZoomChangeSink } from '../zoom/changes.js';
import type { LiveHub } from '../live/hub.js';
import { SubscriptionServer } from '../live/wsServer.js';
import { Admission, admissionHook } from './admission.js';
import { Callers } from './callers.js';
import type { GatewayFastify } from './gatewayFastify.js';
import { registerGraphiql } from './graphiql.js';
import { registerHealthRoutes } from './health.js';
import { registerMetricsRoute } from './metrics.js';
import { registerOAuthRoutes } from './oauthRoutes.js';
import type { OAuthEndpoints } from './oauthEndpoints.js';
import { OAuthStates } from './oauthState.js';
import { registerRequestHygiene, requestIdFor } from './requestHygiene.js';
import { capConnections, closeWithin, httpServerOptions } from './serverOptions.js';
import { WebhookReceiver } from './webhookReceiver.js';
import { registerWebhookRoute } from './webhooks.js';

/** What the HTTP server is wired onto: the composed services (compose.ts). */
export interface HttpServerDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly store: TokenStore;
  readonly services: Services;
  readonly authenticator: Authenticator;
  /** Null when user OAuth is not configured. */
  readonly userOAuth: UserOAuthSource | null;
  /** Where callers authorize the user OAuth app; learns the gateway's address once it listens. */
  readonly endpoints: OAuthEndpoints;
  /** Where webhook events report changes. */
  readonly webhookChanges: ZoomChangeSink;
  /** Meeting events for subscriptions: published by the webhook receiver, fanned out across replicas. */
  readonly live: LiveHub;
  /** The fake Zoom in sandbox mode, reported by /readyz. */
  readonly fake: { readonly url: string } | undefined;
}

export interface HttpServer {
  readonly fastify: GatewayFastify;
  /** Drains in-flight requests and webhook work, then stops Apollo; the services stay open. */
  close(): Promise<void>;
}

/** Fastify with Apollo on /graphql and the gateway's other routes, over the composed services. */
export async function createHttpServer(parts: HttpServerDeps): Promise<HttpServer> {
  const { config, logger, metrics, store, services, authenticator, userOAuth, endpoints } = parts;
  const { client, clock, cursors, changes, tokens, zaks } = services;
  const authenticate = async (headers: Parameters<Authenticator['authenticate']>[0], requestLogger: FastifyBaseLogger): Promise<Principal> => {
    try {
      const principal = await authenticator.authenticate(headers);
      return userOAuth ? await userOAuth.withLinkedZoomUser(principal) : principal;
    } catch (err) {
      // Apollo formats a failed context without running request plugins: log it here, with the reqId.
      logGraphQLError(requestLogger, err);
      throw toHttpError(err);
    }
  };

  const fastify = Fastify({
    loggerInstance: logger,
    genReqId: requestIdFor,
    bodyLimit: 1024 * 1024,
    ...httpServerOptions(config.httpServer),
  });
  capConnections(fastify.server, config.httpServer);
  const schema = await buildGatewaySchema();
  const subscriptions = new SubscriptionServer(schema, {
    limits: config.subscriptions,
    validationRules: limitValidationRules(config.limits),
    hub: parts.live,
    clock,
    logger,
    observe: metrics.live,
    async authenticate(headers) {
      const principal = await authenticator.authenticate(headers);
      return userOAuth ? userOAuth.withLinkedZoomUser(principal) : principal;
    },
    context(principal, log) {
      const zoom = { client, tokens, principal, changes };
      return { principal, zoom, loaders: { user: createUserLoader(zoom) }, logger: log, services, budget: new RequestBudget() };
    },
  });
  // Before any route: it decides, per route, what an upgrade request reaches.
  await subscriptions.plugin(fastify);
  const httpInflight = trackInflight(fastify);
  const costs = new CostCalculator(schema, cursors);
  const documents = new ValidatedDocuments();
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: compiledExecution(schema),
    documentStore: documents,
    introspection: config.graphql.introspection,
    formatError: createFormatError(),
    includeStacktraceInErrorResponses: false,
    validationRules: limitValidationRules(config.limits),
    allowBatchedHttpRequests: config.limits.maxBatch > 0,
    // main.ts owns the signals: Apollo's own handler would re-raise SIGTERM and kill the drain.
    stopOnTerminationSignals: false,
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(costs, config.limits.maxCost),
      graphqlMetricsPlugin(metrics),
      errorLogPlugin(),
    ],
  });
  await apollo.start();
  registerRequestHygiene(fastify);
  if (config.corsOrigins) {
    await fastify.register(cors, {
      origin: config.corsOrigins[0] === '*' ? '*' : config.corsOrigins,
      // A listed single-page app fetches /oauth/install with credentials so its browser keeps the
      // flow cookie; no route authenticates by cookie, so this grants no ambient authority.
      credentials: config.corsOrigins[0] !== '*',
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'apollo-require-preflight'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
  }

  const admission = config.limits.maxInflight > 0 ? new Admission(config.limits.maxInflight, config.zoom.requestDeadlineMs) : null;
  if (admission) metrics.watchAdmission(admission);
  const admit = admission ? admissionHook(admission, metrics.observeBusy) : null;
  const callers = new Callers((request) => authenticate(request.headers, request.log));
  // A slot is taken once the body has arrived and the caller is known: a slow or
  // unauthenticated client holds a socket (until HTTP_REQUEST_TIMEOUT_MS), never a slot.
  const checkLimits = requestLimits(config.limits, costs, documents);
  const admitCaller = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS' || !(await callers.settle(request))) return;
    // The query limits walk the documents: worked out for a known caller only, so an anonymous
    // client costs a parsed JSON body and nothing more.
    const refused = checkLimits(request, reply);
    if (refused) return refused;
    return admit?.(request, reply);
  };

  // Browsers asking /graphql for HTML get the bundled IDE; every other request reaches Apollo.
  if (config.graphql.ide) registerGraphiql(fastify, { endpoint: '/graphql' });
  const graphqlRoute = {
    url: '/graphql',
    ...graphqlRouteGuards(config.limits),
    // A WebSocket upgrade authenticates in its connection_init message, not in its headers.
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => (request.ws ? undefined : admitCaller(request, reply)),
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply): Promise<GraphQLContext> => {
        // Responses are per caller; the cache-control plugin is off (it hooks every field).
        void reply.header('cache-control', 'no-store');
        const principal = await callers.principal(request);
        const zoom = { client, tokens, principal, changes };
        // Fastify's request logger already carries the reqId.
        return { principal, zoom, loaders: { user: createUserLoader(zoom) }, logger: request.log, services, budget: new RequestBudget() };
      },
    }),
  };
  fastify.route({ ...graphqlRoute, method: ['POST', 'OPTIONS'] });
  // GET serves queries over HTTP and, upgraded, subscriptions over graphql-transport-ws.
  fastify.route({ ...graphqlRoute, method: 'GET', wsHandler: subscriptions.handler });
  registerHealthRoutes(fastify, { config, store, ...(parts.fake ? { fakeZoomUrl: parts.fake.url } : {}) });
  registerMetricsRoute(fastify, metrics);
  const webhooks = config.webhookSecrets
    ? new WebhookReceiver({ store, changes: parts.webhookChanges, zaks, userOAuth, observe: metrics.observeWebhookEvent, live: parts.live, clock })
    : null;
  if (webhooks && config.webhookSecrets) {
    await registerWebhookRoute(fastify, {
      secrets: config.webhookSecrets,
      clock,
      receiver: webhooks,
      observe: metrics.observeWebhookRequest,
    });
  }
  registerOAuthRoutes(fastify, {
    userOAuth,
    authenticator,
    states: new OAuthStates((config.encryptionKeys ?? [SANDBOX_KEY])[0] ?? SANDBOX_KEY, store, clock),
    endpoints,
    oauthUrl: config.zoom.oauthUrl,
    client,
    logger,
  });

  return {
    fastify,
    async close() {
      // Subscription sockets stay open while HTTP requests drain, then close with 1001; the
      // server's close waits for them too.
      const sockets = httpInflight.drained(config.zoom.requestDeadlineMs).then(() => subscriptions.shutdown());
      await closeWithin(fastify, config.zoom.requestDeadlineMs);
      await sockets;
      // Events already answered are applied before the store closes.
      await webhooks?.drain();
      await apollo.stop();
    },
  };
}

/** HTTP requests (not WebSocket upgrades) whose response has not finished. */
function trackInflight(fastify: GatewayFastify) {
  const open = new Set<unknown>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.ws) return;
    open.add(request.raw);
    reply.raw.once('close', () => open.delete(request.raw));
  });
  return {
    /** Resolves once none is left, or at `deadlineMs` (when closeWithin cuts them off). */
    async drained(deadlineMs: number): Promise<void> {
      const until = Date.now() + deadlineMs;
      while (open.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
