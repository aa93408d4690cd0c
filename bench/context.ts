import type { FakeAdmin } from './fakeAdmin.js';
import type { FakeInfo } from './processes.js';
import type { RssSampler } from './procStats.js';
import type { BenchSettings } from './settings.js';

/** What every scenario gets: the two processes under test and the run's settings. */
export interface BenchContext {
  settings: BenchSettings;
  fake: FakeAdmin;
  fakeInfo: FakeInfo;
  gatewayUrl: string;
  /** Authentication headers for the gateway. */
  gatewayHeaders: Record<string, string>;
  /** Another caller's: a `user`-role key. */
  gatewayUserHeaders: Record<string, string>;
  gatewayPid: number;
  rss: RssSampler;
}
