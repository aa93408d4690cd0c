import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator } from './auth/authenticator.js';
import { createAuthenticator } from './auth/createAuthenticator.js';
import type { Principal } from './auth/principal.js';
import { ConfigError, type Config } from './config.js';
import type { GraphQLContext } from './graphql/context.js';
import { createFormatError, errorLogPlugin, logGraphQLError, toHttpError } from './graphql/errors.js';
import { compiledExecution } from './graphql/compiledExecutor.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { createUserLoader } from './graphql/users/user.loader.js';
import { registerGraphiql } from './http/graphiql.js';
import { Admission, admissionHook } from './http/admission.js';
import { Callers } from './http/callers.js';
import { registerHealthRoutes } from './http/health.js';
import { OAuthEndpoints } from './http/oauthEndpoints.js';
import { registerOAuthRoutes } from './http/oauthRoutes.js';
import { OAuthStates } from './http/oauthState.js';
import { createLogger, hardenLogger } from './logger.js';
import cors from '@fastify/cors';
import { CostCalculator, costLimitPlugin, graphqlRouteGuards, limitValidationRules, RequestBudget, requestLimits, ValidatedDocuments } from './graphql/limits/index.js';
import { CursorCodec } from './graphql/cursor.js';
import { MAX_FIRST } from './graphql/pagination.js';
import { registerMetricsRoute } from './http/metrics.js';
import { WebhookReceiver } from './http/webhookReceiver.js';
import { registerWebhookRoute } from './http/webhooks.js';
import { registerRequestHygiene, requestIdFor } from './http/requestHygiene.js';
import { capConnections, closeWithin, httpServerOptions } from './http/serverOptions.js';
import { graphqlMetricsPlugin } from './observability/graphqlMetricsPlugin.js';
import { GatewayMetrics } from './observability/metrics.js';
import type { FakeZoom } from './sandbox/index.js';
import type { Services } from './services.js';
import { systemClock, type Clock } from './clock.js';
import { SANDBOX_KEY } from './store/encryption.js';
import { ZoomOAuthClient } from './tokens/oauthClient.js';
import { LegacyJwtSource } from './tokens/legacyJwt.js';
import { TokenProvider } from './tokens/provider.js';
import { S2SSource } from './tokens/s2s.js';
import { SdkSigner } from './tokens/sdkSignature.js';
import type { TokenStore } from './store/store.js';
import { createTokenStore } from './store/storeFactory.js';
import { TokenCache } from './tokens/tokenCache.js';
import { UserOAuthSource } from './tokens/userOAuth.js';
import { ZakCache } from './tokens/zak.js';
import { ignoreChanges, type ZoomChangeSink } from './zoom/changes.js';
import { ZoomHttpClient } from './zoom/httpClient.js';
import { createPacer } from './zoom/pacerFactory.js';
import { ZoomReadCache } from './zoom/readCache.js';

/** The only test seam: parts a test wants to supply or share. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: TokenStore;
  /** A fake Zoom to use in sandbox mode instead of starting one. */
  fakeZoom?: FakeZoom;
  /** Also told of every change webhook events report (after the read cache). */
  changes?: ZoomChangeSink;
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
  const logger = overrides.logger ? hardenLogger(overrides.logger) : createLogger(input.logLevel);
  const metrics = new GatewayMetrics();
  const clock = overrides.clock ?? systemClock;
  const { config, fake, ownsFake } = await resolveSandbox(input, overrides, logger);
  const store =
    overrides.store ??
    (await createTokenStore(config.store, config.encryptionKeys ?? [SANDBOX_KEY], logger, {
      namespace: config.cacheNamespace,
      durable: Boolean(config.userOAuth),
      lock: { ttlMs: config.cacheLockTtlMs },
    }));
  const pacer = await createPacer({
    plan: config.zoom.rateLimitPlan,
    store: config.store,
    account: config.s2s?.accountId ?? 'default',
    namespace: config.cacheNamespace,
    logger,
  });
  const readCache =
    config.zoom.cacheTtlSeconds > 0
      ? new ZoomReadCache({ store, ttlSeconds: config.zoom.cacheTtlSeconds, clock, logger, observe: metrics.observeReadCache })
      : undefined;
  const changes: ZoomChangeSink = readCache ?? ignoreChanges;
  const client = new ZoomHttpClient({
    apiUrl: config.zoom.apiUrl,
    logger,
    clock,
    pacer,
    deadlineMs: config.zoom.requestDeadlineMs,
    observe: metrics.observeUpstream,
    ...(readCache ? { readCache } : {}),
    observeRead: metrics.observeRead,
  });
  const oauth = new ZoomOAuthClient(config.zoom.oauthUrl, client.dispatcher, clock);
  const cache = new TokenCache({
    store,
    clock,
    marginMs: config.tokenRefreshMarginSeconds * 1000,
    logger,
    observe: metrics.observeTokenCache,
    observeLockWait: metrics.observeLockWait,
  });
  const s2s = config.s2s ? new S2SSource(config.s2s, oauth, cache) : null;
  const legacy = config.legacyJwt ? new LegacyJwtSource(config.legacyJwt, clock) : null;
  // In sandbox mode the redirect URI is the gateway's own address, known once it listens.
  const endpoints = new OAuthEndpoints(config.userOAuth?.redirectUri ?? null);
  const installUrl = () => endpoints.installUrl();
  const userOAuth = config.userOAuth ? new UserOAuthSource({ app: config.userOAuth, oauth, cache, store, logger, installUrl }) : null;
  const tokens = new TokenProvider({ s2s, legacy, userOAuth, installUrl });
  const zaks = new ZakCache({ cache, clock, marginMs: config.tokenRefreshMarginSeconds * 1000, keyScope: oauth.keyScope });
  const sdk = config.sdk ? new SdkSigner(config.sdk, clock) : null;
  // Cursors are signed with a key derived from TOKEN_ENCRYPTION_KEY, so every replica accepts them.
  const cursors = new CursorCodec(config.encryptionKeys ?? [SANDBOX_KEY], MAX_FIRST);
  const services: Services = { config, client, tokens, cache, clock, zaks, sdk, cursors, changes };
  const authenticator: Authenticator = createAuthenticator(config.auth, { clock, logger });
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
  registerRequestHygiene(fastify as unknown as FastifyInstance);
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
  const admitCaller = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS' || !(await callers.settle(request))) return;
    return admit?.(request, reply);
  };

  // Browsers asking /graphql for HTML get the bundled IDE; every other request reaches Apollo.
  if (config.graphql.ide) registerGraphiql(fastify as unknown as FastifyInstance, { endpoint: '/graphql' });
  fastify.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    ...graphqlRouteGuards(config.limits, requestLimits(config.limits, costs, documents)),
    preHandler: admitCaller,
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
  });
  registerHealthRoutes(fastify as unknown as FastifyInstance, { config, store, ...(fake ? { fakeZoomUrl: fake.url } : {}) });
  registerMetricsRoute(fastify as unknown as FastifyInstance, metrics);
  const webhooks = config.webhookSecrets
    ? new WebhookReceiver({ store, changes: alsoTo(changes, overrides.changes), zaks, userOAuth, observe: metrics.observeWebhookEvent })
    : null;
  if (webhooks && config.webhookSecrets) {
    await registerWebhookRoute(fastify as unknown as FastifyInstance, {
      secrets: config.webhookSecrets,
      clock,
      receiver: webhooks,
      observe: metrics.observeWebhookRequest,
    });
  }
  registerOAuthRoutes(fastify as unknown as FastifyInstance, {
    userOAuth,
    authenticator,
    states: new OAuthStates((config.encryptionKeys ?? [SANDBOX_KEY])[0] ?? SANDBOX_KEY, store, clock),
    endpoints,
    oauthUrl: config.zoom.oauthUrl,
    client,
    logger,
  });

  let stopping: Promise<void> | undefined;
  return {
    config,
    services,
    fastify,
    fakeZoom: fake,
    async listen() {
      const address = await fastify.listen({ host: config.host, port: config.port }).catch((err: unknown) => {
        throw listenFailure(err, config);
      });
      endpoints.setListenUrl(address);
      logger.info({ address, sandbox: config.sandbox, store: config.store.kind }, 'gateway listening');
      return address;
    },
    stop() {
      stopping ??= (async () => {
        await closeWithin(fastify, config.zoom.requestDeadlineMs);
        // Events already answered are applied before the store closes.
        await webhooks?.drain();
        await apollo.stop();
        await client.close();
        await pacer?.close?.();
        if (!overrides.store) await store.close();
        if (ownsFake) await fake?.close();
      })();
      return stopping;
    },
  };
}

/** A taken or forbidden address is the operator's to fix: say which, without a stack. */
function listenFailure(err: unknown, config: Config): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const address = `${config.host}:${config.port}`;
  const problem =
    code === 'EADDRINUSE'
      ? `${address} is already in use by another process; stop it, or set PORT (and HOST) to a free address`
      : code === 'EACCES'
        ? `${address} may not be opened by this user (ports below 1024 need privileges); set PORT above 1023`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `${address}: HOST is not an address of this machine`
          : undefined;
  return problem ? new ConfigError([`HOST/PORT: ${problem}`], 'Cannot start') : err;
}

/** In sandbox mode the gateway starts (or is handed) a fake Zoom and points every Zoom URL at it. */
async function resolveSandbox(config: Config, overrides: AppOverrides, logger: Logger) {
  if (!config.sandbox) return { config, fake: undefined, ownsFake: false };
  // Loaded only in sandbox mode: a production process never holds the fake Zoom in memory.
  const { SANDBOX_CREDENTIALS, startFakeZoom } = await import('./sandbox/index.js');
  const fake = overrides.fakeZoom ?? (await startFakeZoom());
  logger.warn({ fakeZoom: fake.url }, 'SANDBOX MODE: no Zoom credentials configured; serving a built-in fake Zoom. Never use this in production.');
  const sandboxed: Config = {
    ...config,
    zoom: { ...config.zoom, apiUrl: `${fake.url}/v2`, oauthUrl: fake.url },
    s2s: config.s2s ?? { ...SANDBOX_CREDENTIALS.s2s },
    userOAuth: config.userOAuth ?? { ...SANDBOX_CREDENTIALS.oauth, redirectUri: null },
    // A public, fake Meeting SDK app so startMeetingToken returns a signature in the sandbox too.
    sdk: config.sdk ?? { key: 'sandbox-sdk-key', secret: 'sandbox-sdk-secret-not-for-production' },
  };
  return { config: sandboxed, fake, ownsFake: !overrides.fakeZoom };
}

/** A sink that reports each change to `first`, then to `second` when there is one. */
function alsoTo(first: ZoomChangeSink, second: ZoomChangeSink | undefined): ZoomChangeSink {
  if (!second) return first;
  return {
    async changed(change) {
      await first.changed(change);
      await second.changed(change);
    },
  };
}
