import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { compiledExecution } from '../graphql/compiledExecutor.js';
import { buildGatewaySubgraphSchema } from '../graphql/federation.js';
import type { GraphQLContext } from '../graphql/context.js';
import { trustedDocumentsGuard, trustedSubscriptionText } from '../graphql/trusted/guard.js';
import type { TrustedDocuments } from '../graphql/trusted/manifest.js';
import { createFormatError, errorLogPlugin, logGraphQLError, toHttpError } from '../graphql/errors.js';
import { CostCalculator, costLimitPlugin, graphqlRouteGuards, limitValidationRules, RequestBudget, requestLimits, ValidatedDocuments } from '../graphql/limits/index.js';
import { buildGatewaySchema } from '../graphql/schema.js';
import { subscriptionsOverHttpPlugin } from '../graphql/subscriptionsOverHttp.js';
import { RequestLoaders } from '../graphql/loaders.js';
import type { Config } from '../config.js';
import { graphqlMetricsPlugin } from '../observability/graphqlMetricsPlugin.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Tracing } from '../observability/tracing.js';
import type { Services } from '../services.js';
import { SANDBOX_KEY } from '../store/encryption.js';
import { PERSISTED_QUERY_TTL_SECONDS, PersistedQueryCache } from '../store/persistedQueryCache.js';
import type { TokenStore } from '../store/store.js';
import type { UserOAuthSource } from '../tokens/userOAuth.js';
import type { ZoomChangeSink } from '../zoom/changes.js';
import type { LiveHub } from '../live/hub.js';
import { SubscriptionServer } from './subscriptions.js';
import { Admission, admissionHook } from './admission.js';
import { Callers } from './callers.js';
import { corsOrigins } from './corsOrigins.js';
import type { GatewayFastify } from './gatewayFastify.js';
import { registerGraphiql, registerIdeOffNote } from './graphiql.js';
import { graphqlErrorMediaType } from './graphqlMediaType.js';
import { registerHealthRoutes } from './health.js';
import { registerMetricsRoute } from './metrics.js';
import { registerOAuthRoutes } from './oauthRoutes.js';
import type { OAuthEndpoints } from './oauthEndpoints.js';
import { OAuthStates } from './oauthState.js';
import { registerRequestHygiene, requestIdFor } from './requestHygiene.js';
import { requestLoggers } from './requestLogger.js';
import { capConnections, closeWithin, httpServerOptions } from './serverOptions.js';
import { WebhookReceiver } from '../webhooks/receiver.js';
import { registerWebhookRoute } from './webhooks.js';

/**
 * Headers whose presence shows that a request without a JSON content type (a GET query, as urql
 * sends short queries) cannot be a cross-site request forgery: Apollo's two, and the two that
 * carry a caller's credential. A browser sends `authorization` or `x-api-key` from a page of
 * another site only after a CORS preflight that the gateway answers for CORS_ORIGINS alone, and
 * never by itself, except HTTP Basic/Digest credentials it cached, which the gateway refuses
 * (Bearer only). No route authenticates by cookie (the OAuth flow cookie only binds
 * /oauth/callback to its browser), so nothing ambient can make such a request act for a caller.
 * Apollo runs GET requests as queries only (a mutation over GET is 405).
 */
const CSRF_SAFE_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization', 'x-api-key'];

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
  /** GRAPHQL_TRUSTED_DOCUMENTS, read at start; null = any document runs. */
  readonly trustedDocuments: TrustedDocuments | null;
  /** Meeting events for subscriptions: published by the webhook receiver, fanned out across replicas. */
  readonly live: LiveHub;
  /** The fake Zoom in sandbox mode, reported by /readyz. */
  readonly fake: { readonly url: string } | undefined;
  /** Null (or absent) when tracing is off. */
  readonly tracing?: Tracing | null;
}

export interface HttpServer {
  readonly fastify: GatewayFastify;
  /** Drains in-flight requests and webhook work, then stops Apollo; the services stay open. */
  close(): Promise<void>;
}

/** Fastify with Apollo on /graphql and the gateway's other routes, over the composed services. */
export async function createHttpServer(parts: HttpServerDeps): Promise<HttpServer> {
  const { config, logger, metrics, store, services, authenticator, userOAuth, endpoints, tracing } = parts;
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

  const fastify: GatewayFastify = Fastify<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger>({
    loggerInstance: logger,
    childLoggerFactory: requestLoggers(logger),
    genReqId: requestIdFor,
    bodyLimit: 1024 * 1024,
    ...httpServerOptions(config.httpServer),
  });
  capConnections(fastify.server, config.httpServer);
  tracing?.registerHttp(fastify);
  const schema = config.graphql.federation ? await buildGatewaySubgraphSchema() : await buildGatewaySchema();
  /** One HTTP request's or one subscription's context: its caller, Zoom access and per-request loaders. */
  const requestContext = (principal: Principal, log: GraphQLContext['logger']): GraphQLContext => {
    const zoom = { client, tokens, principal, changes };
    return { principal, zoom, loaders: new RequestLoaders(zoom), logger: log, services, budget: new RequestBudget() };
  };
  // One list for Apollo, the request limits (which validate for it) and subscriptions alike.
  const validationRules = limitValidationRules(config.limits, config.graphql.introspection);
  const subscriptions = new SubscriptionServer(schema, {
    limits: config.subscriptions,
    queryLimits: config.limits,
    validationRules,
    hub: parts.live,
    clock,
    logger,
    observe: metrics.live,
    async authenticate(headers) {
      const principal = await authenticator.authenticate(headers);
      return userOAuth ? userOAuth.withLinkedZoomUser(principal) : principal;
    },
    context: requestContext,
    ...(parts.trustedDocuments ? { trusted: trustedSubscriptionText(parts.trustedDocuments, config.trustedDocuments?.allowAdmin ?? false) } : {}),
  });
  // Before any route: it decides, per route, what an upgrade request reaches.
  await subscriptions.plugin(fastify);
  const httpInflight = trackInflight(fastify);
  const costs = new CostCalculator(schema, cursors);
  const documents = new ValidatedDocuments();
  const execution = compiledExecution(schema, tracing?.withinOperation);
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: execution.gateway,
    documentStore: documents,
    // GRAPHQL_INTROSPECTION is one of `validationRules`: Apollo's own rule would make its rules differ from the ones requestLimits validates with.
    introspection: true,
    // For texts the request limits never saw (an automatic persisted query sent by its hash).
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: createFormatError(),
    includeStacktraceInErrorResponses: false,
    validationRules,
    allowBatchedHttpRequests: config.limits.maxBatch > 0,
    // GRAPHQL_CSRF_PREVENTION: off by default in sandbox mode only (config.ts).
    csrfPrevention: config.browser.csrfPrevention ? { requestHeaders: CSRF_SAFE_HEADERS } : false,
    // Automatic persisted queries, shared by replicas through the store.
    persistedQueries: { cache: new PersistedQueryCache(store, logger), ttl: PERSISTED_QUERY_TTL_SECONDS },
    // main.ts owns the signals: Apollo's own handler would re-raise SIGTERM and kill the drain.
    stopOnTerminationSignals: false,
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsOverHttpPlugin(),
      // A subgraph's inline traces (ftv1) would time every field and show a router unmasked errors.
      ApolloServerPluginInlineTraceDisabled(),
      costLimitPlugin(costs, config.limits.maxCost),
      graphqlMetricsPlugin(metrics),
      errorLogPlugin(),
      ...(tracing ? [tracing.apolloPlugin()] : []),
      // Last: it executes the operations no plugin above answered in its place.
      execution.plugin,
    ],
  });
  await apollo.start();
  registerRequestHygiene(fastify);
  const origins = corsOrigins(config);
  if (origins) {
    await fastify.register(cors, {
      origin: origins,
      // A listed single-page app fetches /oauth/install with credentials so its browser keeps the
      // flow cookie; no route authenticates by cookie, so this grants no ambient authority.
      credentials: origins !== '*',
      methods: ['GET', 'POST'],
      // CORS_ALLOWED_HEADERS: by default what Apollo Client, urql and trace context add.
      allowedHeaders: config.browser.corsAllowedHeaders,
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
  }

  const admission = config.limits.maxInflight > 0 ? new Admission(config.limits.maxInflight, config.zoom.requestDeadlineMs) : null;
  if (admission) metrics.watchAdmission(admission);
  const admit = admission ? admissionHook(admission, metrics.observeBusy) : null;
  const callers = new Callers(fastify, (request) => authenticate(request.headers, request.log));
  // A slot is taken once the body has arrived and the caller is known: a slow or
  // unauthenticated client holds a socket (until HTTP_REQUEST_TIMEOUT_MS), never a slot.
  const checkLimits = requestLimits(config.limits, costs, documents, { schema, rules: validationRules });
  const trusted = parts.trustedDocuments ? trustedDocumentsGuard(parts.trustedDocuments, config.trustedDocuments?.allowAdmin ?? false) : null;
  const admitCaller = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS' || !(await callers.settle(request))) return;
    // Listed ids become their texts before the limits read the request.
    const untrusted = trusted?.(request, reply, await callers.principal(request));
    if (untrusted) return untrusted;
    // The query limits walk the documents: worked out for a known caller only, so an anonymous
    // client costs a parsed JSON body and nothing more.
    const refused = checkLimits(request, reply);
    if (refused) return refused;
    return admit?.(request, reply);
  };

  // Browsers asking /graphql for HTML get the bundled IDE; every other request reaches Apollo.
  if (config.graphql.ide) registerGraphiql(fastify, { endpoint: '/graphql', sandbox: config.sandbox });
  else registerIdeOffNote(fastify, { endpoint: '/graphql' });
  const graphqlRoute = {
    url: '/graphql',
    ...graphqlRouteGuards(config.limits),
    onSend: graphqlErrorMediaType,
    // A WebSocket upgrade authenticates in its connection_init message, not in its headers.
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => (request.ws ? undefined : admitCaller(request, reply)),
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply): Promise<GraphQLContext> => {
        // Responses are per caller; the cache-control plugin is off (it hooks every field).
        void reply.header('cache-control', 'no-store');
        // Fastify's request logger already carries the reqId.
        return requestContext(await callers.principal(request), request.log);
      },
    }),
  };
  fastify.route({ ...graphqlRoute, method: ['POST', 'OPTIONS'] });
  // GET serves queries over HTTP and, upgraded, subscriptions over graphql-transport-ws.
  fastify.route({ ...graphqlRoute, method: 'GET', wsHandler: subscriptions.handler });
  registerHealthRoutes(fastify, { config, store, accountToken: () => tokens.accountTokenSource(), ...(parts.fake ? { fakeZoomUrl: parts.fake.url } : {}) });
  registerMetricsRoute(fastify, metrics);
  const webhooks = config.webhookSecrets
    ? new WebhookReceiver({ store, changes: parts.webhookChanges, zaks, userOAuth, observe: metrics.observeWebhookEvent, live: parts.live, clock })
    : null;
  if (webhooks && config.webhookSecrets) {
    webhooks.startRecovery(logger);
    await registerWebhookRoute(fastify, {
      secrets: config.webhookSecrets,
      clock,
      maxJsonDepth: config.limits.maxJsonDepth,
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
  let open = 0;
  const closed = () => open--;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.ws) {
      open++;
      reply.raw.once('close', closed);
    }
    done();
  });
  return {
    /** Resolves once none is left, or at `deadlineMs` (when closeWithin cuts them off). */
    async drained(deadlineMs: number): Promise<void> {
      const until = Date.now() + deadlineMs;
      while (open > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
