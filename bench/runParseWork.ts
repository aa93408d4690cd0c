import type { BenchContext } from './context.js';
import { FakeAdmin } from './fakeAdmin.js';
import { startFake, startGateway, type ChildHandle } from './processes.js';
import { RssSampler } from './procStats.js';
import { reportParseWork } from './report.js';
import { parseWork } from './scenarios/parseWork.js';
import { loadSettings } from './settings.js';
import { fmt } from './table.js';

/** `npm run bench:parse-work`: scenario 8 of `npm run bench` alone, against its own fake Zoom and gateway. */
const children: ChildHandle[] = [];
try {
  const fakeProcess = await startFake();
  children.push(fakeProcess.handle);
  const fake = new FakeAdmin(fakeProcess.info.url);
  // GRAPHQL_CALLER_PARSE_MS_PER_SECOND from this command's environment (0 = pacing off), for before/after.
  const budget = process.env.GRAPHQL_CALLER_PARSE_MS_PER_SECOND;
  const gatewayProcess = await startGateway(
    fakeProcess.info,
    '',
    budget === undefined ? {} : { GRAPHQL_CALLER_PARSE_MS_PER_SECOND: budget },
  );
  children.push(gatewayProcess.handle);
  const ctx: BenchContext = {
    settings: loadSettings(process.env),
    fake,
    fakeInfo: fakeProcess.info,
    gatewayUrl: gatewayProcess.url,
    gatewayHeaders: gatewayProcess.headers,
    gatewayUserHeaders: gatewayProcess.userHeaders,
    gatewayPid: gatewayProcess.handle.pid,
    rss: new RssSampler(gatewayProcess.handle.pid),
  };
  const result = await parseWork(ctx);
  process.stdout.write(`${reportParseWork(result)}\n`);
  for (const c of result.checks) process.stdout.write(`${c.pass ? 'PASS' : 'MISS'} ${c.what}: ${fmt(c.actual)} (${c.target})\n`);
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await Promise.all(children.map((c) => c.stop()));
}
