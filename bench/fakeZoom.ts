import { startFakeZoom } from '../src/sandbox/index.js';
import type { FakeInfo } from './processes.js';

/**
 * The fake Zoom of the benchmark as its own process, so that neither it nor the load generator
 * takes CPU from the gateway's event loop. Seeds enough active users for a full `users(first: 30)`
 * page and 300 scheduled meetings across 7 hosts, prints one JSON line (`FakeInfo`), and is
 * controlled over its `/__fake/*` admin routes. Stops on SIGTERM/SIGINT.
 */

const MEETING_HOSTS = 7;
const MEETINGS = 300;

const fake = await startFakeZoom({ rateLimits: false, seed: { users: 100, seed: 7 } });
const members = fake.state.users.filter((u) => u.status === 'active' && u.role_id === '2').slice(0, MEETING_HOSTS);
if (members.length < MEETING_HOSTS) throw new Error(`the seeded account has only ${members.length} active members`);
const hosts = members.map((u, i) => {
  // 300 = 6 × 43 + 42: as even a split as 7 hosts allow.
  const n = Math.floor(MEETINGS / MEETING_HOSTS) + (i < MEETINGS % MEETING_HOSTS ? 1 : 0);
  fake.state.seedMeetings(u.id, n);
  return { id: u.id, email: u.email, meetings: n };
});
// NOTE: the fake keeps every next_page_token for 15 minutes and, once it holds 10,000, scans them
// all on each new one (src/sandbox/rest/paging.ts `prune`), so a run of tens of thousands of list
// calls would slow it down as it goes and skew later measurements. The bench never follows a
// page token, so dropping them keeps the fake equally fast from start to end.
setInterval(() => fake.state.pageTokens.clear(), 250).unref();

const info: FakeInfo = { url: fake.url, accountId: fake.accountId, hosts };
process.stdout.write(`${JSON.stringify(info)}\n`);

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
