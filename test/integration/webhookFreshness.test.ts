import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_CREDENTIALS, startFakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { member } from '../helpers/userOAuth.js';
import { WEBHOOK_SECRET, metric } from '../helpers/webhooks.js';

// Changes made outside the gateway (Zoom's web portal) reach the read cache of every replica
// through one signed webhook delivery: with a 10-minute TTL, nothing but the webhook can make
// the replicas read Zoom again.
const redisUp = await redisReachable();
const { track, fakes } = stopAfterEach();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sqliteUrl = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zgg-freshness-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'shared.sqlite')}`;
};

const MEETING = 'query ($id: ID!) { meeting(id: $id) { id topic } }';
const LIST = 'query ($userId: ID) { meetings(userId: $userId) { nodes { id topic } } }';
const USERS = '{ users(status: ACTIVE, first: 300) { nodes { id } } }';
type Topic = { meeting: { topic: string } | null };
type List = { meetings: { nodes: Array<{ id: string; topic: string }> } };
type Users = { users: { nodes: Array<{ id: string }> } };

const backends = [
  { name: 'a SQLite file', url: sqliteUrl, reachable: true },
  { name: 'Redis', url: () => REDIS_URL, reachable: redisUp },
];

describe.each(backends)('three replicas sharing $name, read cache on, webhooks subscribed', ({ name, url, reachable }) => {
  it.skipIf(!reachable)(
    'an out-of-band change is read by every replica right after the webhook is applied: meeting, list, user',
    { timeout: 60_000 },
    async () => {
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);
      const env = {
        CACHE_URL: url(),
        CACHE_NAMESPACE: uniqueNamespace(`fresh-${name.replace(/\W+/g, '')}`),
        ZOOM_CACHE_TTL_SECONDS: '600',
        ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
      };
      const replicas: Harness[] = [];
      for (let i = 0; i < 3; i++) replicas.push(track(await startHarness({ fake, env })));
      const [a] = replicas as [Harness];
      await fake.webhooks.subscribe(SANDBOX_CREDENTIALS.oauth.clientId, `${a.url}/zoom/webhooks`, WEBHOOK_SECRET);

      const host = member(fake);
      const meeting = fake.state.addMeeting(host.id);
      const id = String(meeting.id);
      const readAll = async () => {
        const out = [];
        for (const r of replicas) {
          const one = await r.gql<Topic>(MEETING, { id });
          const list = await r.gql<List>(LIST, { userId: host.id });
          const users = await r.gql<Users>(USERS);
          out.push({
            topic: one.data?.meeting?.topic,
            listed: list.data?.meetings.nodes.find((n) => n.id === id)?.topic,
            active: users.data?.users.nodes.some((u) => u.id === host.id),
          });
        }
        return out;
      };

      const before = await readAll();
      expect(before.every((r) => r.topic === meeting.topic && r.listed === meeting.topic && r.active)).toBe(true);
      // Cached: reading again on any replica does not reach Zoom.
      fake.resetCounters();
      expect(await readAll()).toEqual(before);
      expect(fake.hits()).toBe(0);

      fake.portal.updateMeeting(meeting.id, { topic: 'Renamed in the web portal' });
      fake.portal.setUserStatus(host.id, 'inactive');
      await fake.webhooks.idle();
      expect(fake.webhooks.deliveries.map((d) => [d.event, d.state])).toEqual([
        ['meeting.updated', 'delivered'],
        ['user.deactivated', 'delivered'],
      ]);
      const applied = (event: string) => metric(a.url, 'zgg_webhook_events_total', { event, outcome: 'applied' });
      await vi.waitFor(
        async () => {
          expect(await applied('meeting.updated')).toBe(1);
          expect(await applied('user.deactivated')).toBe(1);
        },
        { timeout: 10_000 },
      );

      // The clock has not moved: every entry is within its TTL, so only the webhook can explain a fresh read.
      const after = await readAll();
      expect(after).toEqual(
        replicas.map(() => ({ topic: 'Renamed in the web portal', listed: 'Renamed in the web portal', active: false })),
      );
    },
  );
});
