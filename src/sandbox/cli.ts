import { cliOptionsFromEnv } from './cliOptions.js';
import { startFakeZoom } from './index.js';

/**
 * Runs a fake Zoom as its own process: prints one JSON line `{"url", "accountId"}` on stdout,
 * logs requests to stderr when FAKE_ZOOM_LOG=1, and closes on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const options = cliOptionsFromEnv(process.env);
  if (process.env.FAKE_ZOOM_LOG === '1') options.logger = (line) => process.stderr.write(`${line}\n`);
  const fake = await startFakeZoom(options);
  process.stdout.write(`${JSON.stringify({ url: fake.url, accountId: fake.accountId })}\n`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
