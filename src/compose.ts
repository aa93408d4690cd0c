import type { Logger } from 'pino';
import type { Authenticator } from './auth/authenticator.js';
import { createAuthenticator } from './auth/createAuthenticator.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { startApolloServer } from './graphql/apolloServer.js';
import { CursorCodec } from './graphql/cursor.js';
import { buildGatewaySubgraphSchema } from './graphql/federation.js';
import { CostCalculator, limitValidationRules, ValidatedDocuments } from './graphql/limits/index.js';
import { TrustedDocuments } from './graphql/trusted/manifest.js';
import { trustedSubscriptionText } from './graphql/trusted/guard.js';
import { MAX_FIRST } from './graphql/pagination.js';
import { requestContexts } from './graphql/requestContext.js';
import { AnswerCache } from './graphql/answers/answerCache.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { OAuthEndpoints } from './http/oauthEndpoints.js';
import { OAuthStates } from './http/oauthState.js';
import type { HttpServerDeps } from './http/server.js';
import { ParsePacing } from './http/parsePacing.js';
import { SubscriptionServer } from './http/subscriptions.js';
import { createLogger, hardenLogger } from './logger.js';
import { graphqlMetricsPlugin } from './observability/graphqlMetricsPlugin.js';
import { GatewayMetrics } from './observability/metrics.js';
import { startTracing, type Tracing } from './observability/tracing.js';
import type { FakeZoom } from './sandbox/index.js';
import type { Services } from './services.js';
import type { SharedStore } from './store/store.js';
import { OutageAwareStore } from './store/outage.js';
import { PersistedQueryCache } from './store/persistedQueryCache.js';
import { createSharedStore } from './store/storeFactory.js';
import { LegacyJwtSource } from './tokens/legacyJwt.js';
import { ZoomOAuthClient } from './tokens/oauthClient.js';
import { TokenProvider } from './tokens/provider.js';
import { S2SSource } from './tokens/s2s.js';
import { SdkSigner } from './tokens/sdkSignature.js';
import { TokenCache } from './tokens/tokenCache.js';
import { userForgetter } from './tokens/forgetUser.js';
import { UserOAuthSource } from './tokens/userOAuth.js';
import { VideoSdkSigner } from './tokens/videoSdkToken.js';
import { ZakCache } from './tokens/zak.js';
import { WebhookReceiver } from './webhooks/receiver.js';
import { ignoreChanges, type ZoomChangeSink } from './zoom/changes.js';
import { createLiveBus } from './live/busFactory.js';
import { LiveHub } from './live/hub.js';
import { ZoomHttpClient } from './zoom/httpClient.js';
import { createPacer } from './zoom/pacerFactory.js';
import { ZoomReadCache } from './zoom/readCache.js';

/** The only test seam: parts a test wants to supply or share. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: SharedStore;
  /** A fake Zoom to use in sandbox mode instead of starting one. */
  fakeZoom?: FakeZoom;
  /** Also told of every change webhook events report (after the read cache). */
  changes?: ZoomChangeSink;
}

/**
 * Everything the gateway runs on, built once: the services, Apollo, the subscription server, the
 * webhook receiver (its recovery running) and the OAuth states; the HTTP server registers its routes
 * over them. `config` is the configuration in force (in sandbox mode, pointed at the fake Zoom).
 */
export interface Composition extends HttpServerDeps {
  readonly fake: FakeZoom | undefined;
  /**
   * After the HTTP server has closed: applies the webhook events already answered, stops Apollo,
   * then releases the Zoom client, the pacer, the store (unless a test supplied it) and an owned fake.
   */
  close(): Promise<void>;
}

export async function composeServices(input: Config, overrides: AppOverrides = {}): Promise<Composition> {
  let tracing: Tracing | null = null;
  const traceFields = input.tracing ? () => tracing?.logFields() : undefined;
  const logger = overrides.logger
    ? hardenLogger(overrides.logger, traceFields)
    : createLogger(input.logLevel, undefined, { traceFields, pretty: !input.production && process.stdout.isTTY });
  // Read first: a bad manifest stops the start before anything is opened.
  const trustedDocuments = input.trustedDocuments ? await TrustedDocuments.load(input.trustedDocuments.path) : null;
  if (trustedDocuments)
    logger.info(
      { documents: trustedDocuments.size, allowAdmin: input.trustedDocuments?.allowAdmin },
      'only trusted documents run (GRAPHQL_TRUSTED_DOCUMENTS)',
    );
  tracing = input.tracing ? await startTracing(input.tracing, logger) : null;
  const metrics = new GatewayMetrics();
  const clock = overrides.clock ?? systemClock;
  const { config, fake, ownsFake } = await resolveSandbox(input, overrides);
  const backend =
    overrides.store ??
    (await createSharedStore(config.store, config.encryptionKeys, logger, {
      namespace: config.cacheNamespace,
      durable: Boolean(config.userOAuth),
      lock: { ttlMs: config.cacheLockTtlMs },
    }));
  // Every user of the store sees an outage at once, and the reads that can do without it go on.
  const store = new OutageAwareStore(backend, { logger });
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
  const tracedReads = readCache && tracing ? tracing.readCache(readCache) : readCache;
  const changes: ZoomChangeSink = readCache ?? ignoreChanges;
  const client = new ZoomHttpClient({
    apiUrl: config.zoom.apiUrl,
    logger,
    clock,
    pacer,
    deadlineMs: config.zoom.requestDeadlineMs,
    observe: tracing ? tracing.observeUpstream(metrics.observeUpstream) : metrics.observeUpstream,
    ...(tracedReads ? { readCache: tracedReads } : {}),
    observeRead: tracing ? tracing.observeRead(metrics.observeRead) : metrics.observeRead,
    ...(tracing ? { tracing } : {}),
    storeDown: () => store.down,
  });
  const oauth = new ZoomOAuthClient(config.zoom.oauthUrl, client.dispatcher, clock);
  const cache = new TokenCache({
    store,
    clock,
    marginMs: config.tokenRefreshMarginSeconds * 1000,
    logger,
    observe: tracing ? tracing.observeTokenCache(metrics.observeTokenCache) : metrics.observeTokenCache,
    observeLockWait: metrics.observeLockWait,
    ...(tracing ? { tracing } : {}),
  });
  const s2s = config.s2s ? new S2SSource(config.s2s, oauth, cache) : null;
  const legacy = config.legacyJwt ? new LegacyJwtSource(config.legacyJwt, clock) : null;
  // In sandbox mode the redirect URI is the gateway's own address, known once it listens.
  const endpoints = new OAuthEndpoints(config.userOAuth?.redirectUri ?? null);
  const installUrl = () => endpoints.installUrl();
  const userOAuth = config.userOAuth ? new UserOAuthSource({ app: config.userOAuth, oauth, cache, store, logger, installUrl }) : null;
  const tokens = new TokenProvider({ s2s, legacy, userOAuth, installUrl });
  const zaks = new ZakCache({ cache, clock, marginMs: config.tokenRefreshMarginSeconds * 1000, keyScope: oauth.keyScope });
  const forgetUser = userForgetter(zaks, userOAuth);
  const sdk = config.sdk ? new SdkSigner(config.sdk, clock) : null;
  const videoSdk = config.videoSdk ? new VideoSdkSigner(config.videoSdk, clock) : null;
  // Cursors are signed with a key derived from TOKEN_ENCRYPTION_KEY, so every replica accepts them.
  const cursors = new CursorCodec(config.encryptionKeys, MAX_FIRST);
  const services: Services = { config, client, tokens, cache, clock, zaks, sdk, videoSdk, changes };
  const authenticator = createAuthenticator(config.auth, { clock, logger });
  /** The caller of an HTTP request or a subscription: its credential, with the Zoom user it linked through user OAuth. */
  const authenticate: Authenticator['authenticate'] = async (headers) => {
    const principal = await authenticator.authenticate(headers);
    return userOAuth ? userOAuth.withLinkedZoomUser(principal) : principal;
  };
  const live = new LiveHub(
    await createLiveBus(config.store, config.cacheNamespace, logger, clock),
    { dropped: metrics.live.dropped },
    logger,
  );

  const schema = config.graphql.federation ? await buildGatewaySubgraphSchema() : await buildGatewaySchema();
  // One list for Apollo, the request limits (which validate for it) and subscriptions alike.
  const validationRules = limitValidationRules(config.limits, config.graphql.introspection);
  const costs = new CostCalculator(schema, cursors);
  const documents = new ValidatedDocuments();
  const apollo = await startApolloServer({
    config,
    schema,
    validationRules,
    costs,
    documents,
    persistedQueries: new PersistedQueryCache(store, logger),
    metricsPlugin: graphqlMetricsPlugin(metrics),
    tracingPlugin: tracing?.apolloPlugin(),
    withinOperation: tracing?.withinOperation,
  });
  const answers =
    readCache && config.graphql.answerCacheBytes > 0
      ? new AnswerCache({
          maxBytes: config.graphql.answerCacheBytes,
          ttlSeconds: config.zoom.cacheTtlSeconds,
          clock,
          versions: (tags) => readCache.versions(tags),
          observe: metrics.observeAnswerCache,
        })
      : undefined;
  if (answers) metrics.watchAnswerCache(answers);
  const context = requestContexts({ config, client, tokens, tokenCache: cache, clock, zaks, forgetUser, sdk, videoSdk, cursors, changes });
  const parsePacing =
    config.limits.callerParseMsPerSecond > 0
      ? new ParsePacing(config.limits.callerParseMsPerSecond, clock, config.zoom.requestDeadlineMs, {
          work: metrics.observeParseWork,
          paced: metrics.observePaced,
        })
      : null;
  if (parsePacing) metrics.watchPacing(parsePacing);
  const subscriptions = new SubscriptionServer(schema, {
    limits: config.subscriptions,
    queryLimits: config.limits,
    validationRules,
    hub: live,
    clock,
    logger,
    observe: metrics.live,
    authenticate: (headers) => authenticate(headers),
    context,
    ...(trustedDocuments ? { trusted: trustedSubscriptionText(trustedDocuments, config.trustedDocuments?.allowAdmin ?? false) } : {}),
  });
  // Webhook events report changes to the read cache, then to the test's sink if any.
  const webhookChanges = alsoTo(changes, overrides.changes);
  const webhooks = config.webhookSecrets
    ? new WebhookReceiver({ store, changes: webhookChanges, forgetUser, userOAuth, observe: metrics.observeWebhookEvent, live, clock })
    : null;
  webhooks?.startRecovery(logger);
  const oauthStates = new OAuthStates(config.encryptionKeys[0], store, clock);

  return {
    config,
    logger,
    metrics,
    store,
    services,
    authenticator,
    authenticate,
    userOAuth,
    endpoints,
    oauthStates,
    graphql: { apollo, schema, validationRules, costs, documents, context, answers },
    subscriptions,
    webhooks,
    trustedDocuments,
    fake,
    tracing,
    parsePacing,
    async close() {
      // Events already answered are applied before the store closes.
      await webhooks?.drain();
      await apollo.stop();
      await live.close();
      await client.close();
      await pacer?.close?.();
      if (!overrides.store) await store.close();
      else store.release();
      if (ownsFake) await fake?.close();
      // Last: the spans of everything above are exported before the process ends.
      await tracing?.shutdown();
    },
  };
}

/** In sandbox mode the gateway starts (or is handed) a fake Zoom and points every Zoom URL at it. */
async function resolveSandbox(config: Config, overrides: AppOverrides) {
  if (!config.sandbox) return { config, fake: undefined, ownsFake: false };
  // Loaded only in sandbox mode: a production process never holds the fake Zoom in memory.
  const { SANDBOX_CREDENTIALS, SANDBOX_WEBHOOK_SECRET, startFakeZoom } = await import('./sandbox/index.js');
  const fake = overrides.fakeZoom ?? (await startFakeZoom({ port: config.browser.sandboxPort }));
  const sandboxed: Config = {
    ...config,
    zoom: { ...config.zoom, apiUrl: `${fake.url}/v2`, oauthUrl: fake.url },
    s2s: config.s2s ?? { ...SANDBOX_CREDENTIALS.s2s },
    userOAuth: config.userOAuth ?? { ...SANDBOX_CREDENTIALS.oauth, redirectUri: null },
    // A public, fake Meeting SDK app so startMeetingToken returns a signature in the sandbox too.
    sdk: config.sdk ?? { key: 'sandbox-sdk-key', secret: 'sandbox-sdk-secret-not-for-production' },
    videoSdk: config.videoSdk ?? { key: 'sandbox-video-sdk-key', secret: 'sandbox-video-sdk-secret-not-for-production' },
    // The fake signs its webhooks with this public token; app.ts subscribes the gateway to them.
    webhookSecrets: config.webhookSecrets ?? [SANDBOX_WEBHOOK_SECRET],
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
