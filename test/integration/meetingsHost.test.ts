import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

let harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.stop()));
  harnesses = [];
});

describe('Meeting.host through the per-request user DataLoader', () => {
  it('300 meetings from 7 hosts with host { email } → 7 user look-ups, not 300', async () => {
    const h = await startHarness();
    harnesses.push(h);
    const hosts = h.fake.state.users.filter((u) => u.status === 'active').slice(0, 7);
    expect(hosts).toHaveLength(7);
    // Zoom lists meetings per user, so one request asks for every host's meetings (300 in all).
    const counts = hosts.map((_, i) => (i < 6 ? 43 : 42));
    hosts.forEach((u, i) => h.fake.state.seedMeetings(u.id, counts[i]!));
    // `first` = each host's count keeps the operation under the default GRAPHQL_MAX_COST (1000).
    const fields = hosts.map((u, i) => `h${i}: meetings(userId: "${u.id}", first: ${counts[i]}) { nodes { id hostId host { id email } } }`);
    h.fake.resetCounters();

    const r = await h.gql<Record<string, { nodes: Array<{ id: string; hostId: string; host: { id: string; email: string } }> }>>(
      `{ ${fields.join('\n')} }`,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const nodes = Object.values(r.data!).flatMap((c) => c.nodes);
    expect(nodes).toHaveLength(300);
    for (const n of nodes) {
      const host = hosts.find((u) => u.id === n.hostId)!;
      expect(n.host).toEqual({ id: host.id, email: host.email });
    }
    expect(h.fake.hits('meetings.list')).toBe(7);
    expect(h.fake.hits('users.get')).toBe(7);

    // A second request has a loader of its own: the look-ups happen again, still once per host.
    const again = await h.gql(`{ ${fields.slice(0, 2).join('\n')} }`);
    expect(again.errors).toBeUndefined();
    expect(h.fake.hits('users.get')).toBe(9);
  });

  it('a host Zoom no longer knows resolves to null without failing the page', async () => {
    const h = await startHarness();
    harnesses.push(h);
    const owner = h.fake.state.owner;
    const [m] = h.fake.state.seedMeetings(owner.id, 1);
    m!.host_id = 'deletedUserId000000000';
    h.fake.state.addMeeting(owner.id, { topic: 'kept' });
    // The list filters by host, so ask for the orphan by id.
    const r = await h.gql<{ meeting: { hostId: string; host: null } }>(`query ($id: ID!) { meeting(id: $id) { hostId host { email } } }`, {
      id: String(m!.id),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.meeting).toEqual({ hostId: 'deletedUserId000000000', host: null });
  });
});
