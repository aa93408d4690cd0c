import { composeServices, type AppOverrides } from './compose.js';
import { ConfigError, type Config } from './config.js';
import type { GatewayFastify } from './http/gatewayFastify.js';
import { createHttpServer } from './http/server.js';
import type { FakeZoom } from './sandbox/index.js';
import type { Services } from './services.js';

export type { AppOverrides } from './compose.js';

export interface App {
  readonly config: Config;
  readonly services: Services;
  readonly fastify: GatewayFastify;
  readonly fakeZoom: FakeZoom | undefined;
  /** Listens on config.host:config.port; returns the base URL, e.g. http://127.0.0.1:4000 */
  listen(): Promise<string>;
  /** Drains in-flight requests and releases everything; idempotent. */
  stop(): Promise<void>;
}

/** The composition root: builds every long-lived part (compose.ts), registers HTTP over them, and owns their lifetime. */
export async function createApp(input: Config, overrides: AppOverrides = {}): Promise<App> {
  const parts = await composeServices(input, overrides);
  const { config, logger, endpoints } = parts;
  const server = await createHttpServer(parts);
  const { fastify } = server;

  let stopping: Promise<void> | undefined;
  return {
    config,
    services: parts.services,
    fastify,
    fakeZoom: parts.fake,
    async listen() {
      const address = await fastify.listen({ host: config.host, port: config.port }).catch((err: unknown) => {
        throw listenFailure(err, config);
      });
      endpoints.setListenUrl(address);
      // What to open in a browser (an unspecified address is not one).
      const graphiql = config.graphql.ide ? `${address.replace('://[::]:', '://localhost:')}/graphiql` : undefined;
      logger.info({ address, graphiql, sandbox: config.sandbox, store: config.store.kind }, 'gateway listening');
      if (parts.fake) {
        const webhooks = await subscribeToFake(parts.fake, config, address);
        logger.warn(
          { fakeZoom: parts.fake.url, fakeZoomControl: `${parts.fake.url}/__fake`, webhooks, graphiql, auth: config.auth.mode },
          'SANDBOX MODE: no Zoom credentials configured; serving a built-in fake Zoom. Never use this in production.',
        );
      }
      return address;
    },
    stop() {
      stopping ??= (async () => {
        // HTTP first (requests, then subscription sockets): they still use the parts; then the
        // answered webhook events, Apollo and the services (compose.ts).
        await server.close();
        await parts.close();
      })();
      return stopping;
    },
  };
}

/**
 * In sandbox mode the fake delivers its webhooks to this gateway, as a Zoom app's event
 * subscription would: a change made through the gateway or the fake's control API reaches
 * subscribers with no setup. The subscription is the first user OAuth app's (the fake's default),
 * signed with the gateway's current webhook secret token. Returns where events go, or why not.
 */
async function subscribeToFake(fake: FakeZoom, config: Config, address: string): Promise<string> {
  const secret = config.webhookSecrets?.[0];
  const clientId = config.userOAuth?.clientId;
  if (!secret || !clientId) return 'not subscribed';
  const target = `${address.replace('://[::]:', '://localhost:').replace('://0.0.0.0:', '://127.0.0.1:')}/zoom/webhooks`;
  const sub = await fake.webhooks.subscribe(clientId, target, secret);
  return sub.validated ? target : `not subscribed: ${target} did not validate`;
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
