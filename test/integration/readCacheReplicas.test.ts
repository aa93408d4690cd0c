import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { REDIS_URL, redisReachable, uniqueNamespace } from '../helpers/backends.js';
import { s2sEnv } from '../helpers/gateway.js';
import { gqlAt, startReplicas, type Replicas } from '../helpers/replicas.js';
import { member } from '../helpers/userOAuth.js';

const redisUp = await redisReachable();

const LIST = 'query ($userId: ID) { meetings(userId: $userId) { nodes { id topic } } }';
const MEETING = 'query ($id: ID!) { meeting(id: $id) { id topic } }';
const CREATE = 'mutation ($userId: ID) { createMeeting(userId: $userId, input: { topic: "from A" }) { id } }';
const UPDATE = 'mutation ($id: ID!) { updateMeeting(id: $id, input: { topic: "renamed on A" }) { id } }';
const DELETE = 'mutation ($id: ID!) { deleteMeeting(id: $id) }';

let running: Replicas[] = [];
let fakes: FakeZoom[] = [];
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.stopAll()));
  await Promise.all(fakes.map((f) => f.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  running = [];
  fakes = [];
  dirs = [];
});

const sqliteFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zgg-readcache-'));
  dirs.push(dir);
  return `sqlite://${join(dir, 'gateway.sqlite')}`;
};

const backends = [
  { name: 'a SQLite file', url: sqliteFile, reachable: true },
  { name: 'Redis', url: () => REDIS_URL, reachable: redisUp },
];

type Nodes = { meetings: { nodes: Array<{ id: string; topic: string }> } };

describe.each(backends)('two gateway processes sharing $name, with the read cache on', ({ name, url, reachable }) => {
  it.skipIf(!reachable)('a write on A is seen by reads on B at once: create, update, delete', { timeout: 90_000 }, async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    fakes.push(fake);
    const env = {
      ...s2sEnv(fake),
      CACHE_URL: url(),
      CACHE_NAMESPACE: uniqueNamespace(`readcache-${name.replace(/\W+/g, '')}`),
      ZOOM_CACHE_TTL_SECONDS: '600',
      LOG_LEVEL: 'info',
    };
    const group = await startReplicas(2, env);
    running.push(group);
    const [a, b] = group.replicas.map((r) => r.url) as [string, string];
    const host = member(fake);
    const list = () => gqlAt<Nodes>(b, LIST, { userId: host.id });
    const ids = (r: { data?: Nodes }) => r.data?.meetings.nodes.map((n) => n.id) ?? [];

    await list();
    fake.resetCounters();
    expect((await list()).errors).toBeUndefined();
    expect(fake.hits('meetings.list')).toBe(0); // B answers from the shared cache

    const created = await gqlAt<{ createMeeting: { id: string } }>(a, CREATE, { userId: host.id });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createMeeting.id;
    expect(ids(await list())).toContain(id);

    expect((await gqlAt(b, MEETING, { id })).data).toEqual({ meeting: { id, topic: 'from A' } });
    expect((await gqlAt(b, MEETING, { id })).data).toEqual({ meeting: { id, topic: 'from A' } });
    expect(fake.hits('meetings.get')).toBe(1); // cached on B
    expect((await gqlAt(a, UPDATE, { id })).errors).toBeUndefined();
    expect((await gqlAt(b, MEETING, { id })).data).toEqual({ meeting: { id, topic: 'renamed on A' } });
    expect((await list()).data?.meetings.nodes.find((n) => n.id === id)?.topic).toBe('renamed on A');

    expect((await gqlAt(a, DELETE, { id })).data).toEqual({ deleteMeeting: true });
    expect((await gqlAt(b, MEETING, { id })).data).toEqual({ meeting: null });
    expect(ids(await list())).not.toContain(id);
  });
});
