// First: V8 settings apply before any other module allocates.
import './v8Flags.js';
import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** Time left after the connection deadline to release the store and the upstream pool. */
const SHUTDOWN_GRACE_MS = 500;

try {
  const app = await createApp(loadConfig());
  await app.listen();
  const shutdown = (signal: string) => {
    app.fastify.log.info({ signal }, 'draining and shutting down');
    // stop() closes every connection at the Zoom deadline; should releasing the store or the
    // upstream pool then hang, the process still ends shortly after.
    setTimeout(() => {
      app.fastify.log.error({ signal }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, app.config.zoom.requestDeadlineMs + SHUTDOWN_GRACE_MS).unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.fastify.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78);
  }
  throw err;
}
