import { startFake } from './processes.js';
import { reportSubscriptions } from './report.js';
import { subscriptionsAcrossReplicas } from './scenarios/subscriptions.js';

/** `npx tsx bench/subscriptionsOnly.ts`: the subscriptions scenario of `npm run bench` alone. */
const fake = await startFake();
try {
  process.stdout.write(`${reportSubscriptions(await subscriptionsAcrossReplicas(fake.info))}\n`);
} finally {
  await fake.handle.stop();
}
