import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import type { PersistedQueryCache } from '../store/persistedQueryCache.js';
import { PERSISTED_QUERY_TTL_SECONDS } from '../store/persistedQueryCache.js';
import { compiledExecution, type Within } from './compiledExecutor.js';
import type { GraphQLContext } from './context.js';
import { createFormatError, errorLogPlugin } from './errors.js';
import { costLimitPlugin, type CostCalculator, type ValidatedDocuments } from './limits/index.js';
import { subscriptionsOverHttpPlugin } from './subscriptionsOverHttp.js';

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

/** What Apollo is assembled from: the parts the composition root built once. */
export interface ApolloServerParts {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  /** One list for Apollo, the request limits (which validate for it) and subscriptions alike. */
  readonly validationRules: ValidationRule[];
  readonly costs: CostCalculator;
  readonly documents: ValidatedDocuments;
  /** Automatic persisted queries, shared by replicas through the store. */
  readonly persistedQueries: PersistedQueryCache;
  /** Counts operations and error codes (observability/graphqlMetricsPlugin.ts). */
  readonly metricsPlugin: ApolloServerPlugin<BaseContext>;
  /** The operation's span, when tracing is on. */
  readonly tracingPlugin?: ApolloServerPlugin<BaseContext> | undefined;
  /** Runs each operation inside its span, when tracing is on. */
  readonly withinOperation?: Within | undefined;
}

/**
 * Apollo over the gateway's schema, started: its plugins, the compiled executor, the caches and
 * the CSRF settings. It serves no transport of its own: the HTTP layer hands it requests
 * (http/server.ts), and closes Fastify before the composition root stops it, so no drain plugin
 * is needed (Apollo's Fastify drain plugin would only close an already closed Fastify again).
 */
export async function startApolloServer(parts: ApolloServerParts): Promise<ApolloServer<GraphQLContext>> {
  const { config, schema, validationRules, costs, documents } = parts;
  const execution = compiledExecution(schema, parts.withinOperation);
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
    persistedQueries: { cache: parts.persistedQueries, ttl: PERSISTED_QUERY_TTL_SECONDS },
    // main.ts owns the signals: Apollo's own handler would re-raise SIGTERM and kill the drain.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsOverHttpPlugin(),
      // A subgraph's inline traces (ftv1) would time every field and show a router unmasked errors.
      ApolloServerPluginInlineTraceDisabled(),
      costLimitPlugin(costs, config.limits.maxCost),
      parts.metricsPlugin,
      errorLogPlugin(),
      ...(parts.tracingPlugin ? [parts.tracingPlugin] : []),
      // Last: it executes the operations no plugin above answered in its place.
      execution.plugin,
    ],
  });
  await apollo.start();
  return apollo;
}
