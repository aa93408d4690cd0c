import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import type { GraphQLContext } from '../graphql/context.js';
import { trustedDocumentsGuard } from '../graphql/trusted/guard.js';
import type { TrustedDocuments } from '../graphql/trusted/manifest.js';
import { logGraphQLError, toHttpError } from '../graphql/errors.js';
import { requestLimits, type CostCalculator, type ValidatedDocuments } from '../graphql/limits/index.js';
import { graphqlRouteGuards } from './graphqlRouteGuards.js';
import type { RequestContexts } from '../graphql/requestContext.js';
import type { Config } from '../config.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Tracing } from '../observability/tracing.js';
import type { Services } from '../services.js';
import type { OutageAwareStore } from '../store/outage.js';
import type { UserOAuthSource } from '../tokens/userOAuth.js';
import type { WebhookReceiver } from '../webhooks/receiver.js';
import { Admission, admissionHook } from './admission.js';
import { CallerPacing } from './callerPacing.js';
import { Callers } from './callers.js';
import { corsOrigins } from './corsOrigins.js';
import type { GatewayFastify } from './gatewayFastify.js';
import { registerGraphiql, registerIdeOffNote } from './graphiql.js';
import { graphqlErrorMediaType } from './graphqlMediaType.js';
import { callerAccount, type ParsePacing } from './parsePacing.js';
import { registerHealthRoutes } from './health.js';
import { registerMetricsRoute } from './metrics.js';
import { registerOAuthRoutes } from './oauthRoutes.js';
import type { OAuthEndpoints } from './oauthEndpoints.js';
import type { OAuthStates } from './oauthState.js';
import { registerRequestHygiene, requestIdFor } from './requestHygiene.js';
import { requestLoggers } from './requestLogger.js';
import { capConnections, closeWithin, httpServerOptions } from './serverOptions.js';
import type { SubscriptionServer } from './subscriptions.js';
import { registerWebhookRoute } from './webhooks.js';
import { Answers } from './answers.js';
import type { AnswerCache } from '../graphql/answers/answerCache.js';

/** The GraphQL parts /graphql serves: built once by the composition root (compose.ts). */
export interface GraphQLParts {
  /** Started; the composition root stops it once HTTP has drained. */
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly schema: GraphQLSchema;
  readonly validationRules: ValidationRule[];
  readonly costs: CostCalculator;
  readonly documents: ValidatedDocuments;
  readonly context: RequestContexts;
  /** Whole answers of the queries that allow it; undefined when off (GRAPHQL_ANSWER_CACHE_BYTES=0 or no read cache). */
  readonly answers?: AnswerCache | undefined;
}

/** What the HTTP server registers its routes and hooks over: parts the composition root built (compose.ts). */
export interface HttpServerDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly store: OutageAwareStore;
  readonly services: Services;
  readonly authenticator: Authenticator;
  /** The caller of a request or a subscription: its credential, with the Zoom user it linked. */
  readonly authenticate: Authenticator['authenticate'];
  /** Null when user OAuth is not configured. */
  readonly userOAuth: UserOAuthSource | null;
  /** Where callers authorize the user OAuth app; learns the gateway's address once it listens. */
  readonly endpoints: OAuthEndpoints;
  readonly oauthStates: OAuthStates;
  readonly graphql: GraphQLParts;
  /** GraphQL over WebSocket on GET /graphql. */
  readonly subscriptions: SubscriptionServer;
  /** Null when no webhook secret is configured (no /zoom/webhooks route). */
  readonly webhooks: WebhookReceiver | null;
  /** GRAPHQL_TRUSTED_DOCUMENTS, read at start; null = any document runs. */
  readonly trustedDocuments: TrustedDocuments | null;
  /** The fake Zoom in sandbox mode, reported by /readyz. */
  readonly fake: { readonly url: string } | undefined;
  /** Null (or absent) when tracing is off. */
  readonly tracing?: Tracing | null;
  /** GRAPHQL_CALLER_PARSE_MS_PER_SECOND's accounts; null when off. */
  readonly parsePacing: ParsePacing | null;
}

export interface HttpServer {
  readonly fastify: GatewayFastify;
  /** Drains in-flight requests, then closes subscription sockets; the parts it was given stay open. */
  close(): Promise<void>;
}

/** Fastify with Apollo on /graphql and the gateway's other routes, over the composed parts. */
export async function createHttpServer(parts: HttpServerDeps): Promise<HttpServer> {
  const { config, logger, metrics, store, services, authenticator, userOAuth, endpoints, tracing, subscriptions } = parts;
  const { apollo, schema, validationRules, costs, documents, context } = parts.graphql;
  const { client, clock, tokens } = services;
  const authenticate = async (request: FastifyRequest): Promise<Principal> => {
    try {
      return await parts.authenticate(request.headers);
    } catch (err) {
      // Apollo formats a failed context without running request plugins: log it here, with the reqId.
      logGraphQLError(request.log, err);
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
  // Before any route: it decides, per route, what an upgrade request reaches.
  await subscriptions.plugin(fastify);
  const httpInflight = trackInflight(fastify);
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
  const callers = new Callers(fastify, authenticate);
  const pacing = new CallerPacing(
    fastify,
    parts.parsePacing,
    // Authenticated from the headers alone, before the body is read: a caller is its credential; a
    // request without a valid one is its client address.
    async (request) => {
      const principal = await callers.settle(request);
      return principal ? callerAccount(principal) : `address:${request.ip}`;
    },
  );
  const answers = parts.graphql.answers ? new Answers(fastify, parts.graphql.answers, schema, documents) : null;
  // A slot is taken once the body has arrived and the caller is known: a slow or
  // unauthenticated client holds a socket (until HTTP_REQUEST_TIMEOUT_MS), never a slot.
  const checkLimits = requestLimits(config.limits, costs, documents, { schema, rules: validationRules });
  const trusted = parts.trustedDocuments
    ? trustedDocumentsGuard(parts.trustedDocuments, config.trustedDocuments?.allowAdmin ?? false)
    : null;
  const admitCaller = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return;
    const principal = await callers.settle(request);
    if (!principal) return pacing.charge(request);
    // Listed ids become their texts before the limits read the request.
    const untrusted = pacing.measure(request, () => trusted?.(request, reply, principal));
    if (untrusted) return untrusted;
    // The query limits walk the documents: worked out for a known caller only, so an anonymous
    // client costs a parsed JSON body and nothing more.
    const refused = pacing.measure(request, () => checkLimits(request, reply));
    pacing.charge(request);
    if (refused) return refused;
    if (answers) {
      const kept = await answers.answer(request, reply, await callers.principal(request));
      if (kept) return kept;
    }
    return admit?.(request, reply);
  };

  // Browsers asking /graphql for HTML get the bundled IDE; every other request reaches Apollo.
  if (config.graphql.ide) registerGraphiql(fastify, { endpoint: '/graphql', sandbox: config.sandbox });
  else registerIdeOffNote(fastify, { endpoint: '/graphql' });
  const graphqlRoute = {
    url: '/graphql',
    ...graphqlRouteGuards(config.limits, (request, check) => pacing.measure(request, check)),
    preParsing: pacing.preParsing,
    onSend: answers ? [graphqlErrorMediaType, answers.onSend] : graphqlErrorMediaType,
    // A WebSocket upgrade authenticates in its connection_init message, not in its headers.
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => (request.ws ? undefined : admitCaller(request, reply)),
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply): Promise<GraphQLContext> => {
        // Responses are per caller; the cache-control plugin is off (it hooks every field).
        void reply.header('cache-control', 'no-store');
        // Fastify's request logger already carries the reqId.
        return context(await callers.principal(request), request.log, answers?.reads(request));
      },
    }),
  };
  fastify.route({ ...graphqlRoute, method: ['POST', 'OPTIONS'] });
  // GET serves queries over HTTP and, upgraded, subscriptions over graphql-transport-ws.
  fastify.route({ ...graphqlRoute, method: 'GET', wsHandler: subscriptions.handler });
  registerHealthRoutes(fastify, {
    config,
    store,
    accountToken: () => tokens.accountTokenSource(),
    ...(parts.fake ? { fakeZoomUrl: parts.fake.url } : {}),
  });
  registerMetricsRoute(fastify, metrics);
  if (parts.webhooks && config.webhookSecrets) {
    await registerWebhookRoute(fastify, {
      secrets: config.webhookSecrets,
      clock,
      maxJsonDepth: config.limits.maxJsonDepth,
      receiver: parts.webhooks,
      observe: metrics.observeWebhookRequest,
    });
  }
  registerOAuthRoutes(fastify, {
    userOAuth,
    authenticator,
    states: parts.oauthStates,
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
