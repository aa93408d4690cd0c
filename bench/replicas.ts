import { FakeAdmin } from './fakeAdmin.js';
import { startFake } from './processes.js';
import { reportFreshness, reportSubscriptions } from './report.js';
import { freshnessAcrossReplicas } from './scenarios/freshness.js';
import { subscriptionsAcrossReplicas } from './scenarios/subscriptions.js';

/**
 * `npx tsx bench/replicas.ts [subscriptions|freshness]`: the scenarios of `npm run bench` that
 * run three gateways on one Redis, alone (both when none is named).
 */
const SCENARIOS = ['subscriptions', 'freshness'] as const;
const named = process.argv.slice(2);
const unknown = named.filter((n) => !(SCENARIOS as readonly string[]).includes(n));
if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
const wanted = named.length > 0 ? named : SCENARIOS;

const fake = await startFake();
try {
  if (wanted.includes('subscriptions')) process.stdout.write(`${reportSubscriptions(await subscriptionsAcrossReplicas(fake.info))}\n`);
  if (wanted.includes('freshness'))
    process.stdout.write(`${reportFreshness(await freshnessAcrossReplicas(fake.info, new FakeAdmin(fake.info.url)))}\n`);
} finally {
  await fake.handle.stop();
}
