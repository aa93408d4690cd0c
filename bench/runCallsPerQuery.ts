import type { BenchContext } from './context.js';
import { FakeAdmin } from './fakeAdmin.js';
import { startFake, startGateway, type ChildHandle } from './processes.js';
import { RssSampler } from './procStats.js';
import { meetingsWithHosts } from './scenarios/meetings.js';
import { reportWebinarDashboard, webinarDashboard } from './scenarios/webinars.js';
import { loadSettings } from './settings.js';
import { fmt } from './table.js';

/** `npm run bench:calls-per-query`: scenario 3 of `npm run bench` (meetings with hosts, webinar dashboard) alone. */
const children: ChildHandle[] = [];
try {
  const fakeProcess = await startFake();
  children.push(fakeProcess.handle);
  const gatewayProcess = await startGateway(fakeProcess.info);
  children.push(gatewayProcess.handle);
  const ctx: BenchContext = {
    settings: loadSettings(process.env),
    fake: new FakeAdmin(fakeProcess.info.url),
    fakeInfo: fakeProcess.info,
    gatewayUrl: gatewayProcess.url,
    gatewayHeaders: gatewayProcess.headers,
    gatewayUserHeaders: gatewayProcess.userHeaders,
    gatewayPid: gatewayProcess.handle.pid,
    rss: new RssSampler(gatewayProcess.handle.pid),
  };
  // `npm run bench` counts tokens first; here one read fetches the account token before counting starts.
  await fetch(`${ctx.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctx.gatewayHeaders },
    body: JSON.stringify({ query: '{ webinars(first: 1) { totalCount } }' }),
  });
  const meetings = await meetingsWithHosts(ctx);
  const webinars = await webinarDashboard(ctx);
  if (!('skipped' in meetings)) process.stdout.write(`3) meetings with hosts: ${fmt(meetings.callsPerQuery)} Zoom calls per query\n`);
  process.stdout.write(`${reportWebinarDashboard(webinars)}\n`);
  for (const c of [...meetings.checks, ...webinars.checks])
    process.stdout.write(`${c.pass ? 'PASS' : 'MISS'} ${c.what}: ${fmt(c.actual)} (${c.target})\n`);
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await Promise.all(children.map((c) => c.stop()));
}
