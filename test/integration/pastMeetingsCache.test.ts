import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

const PAST = 'query ($id: ID!) { meeting(id: $id) { pastInstances { uuid participants { totalCount } } recordings { uuid } } }';
const UPDATE = 'mutation ($id: ID!) { updateMeeting(id: $id, input: { topic: "held again" }) { id } }';
type Past = { meeting: { pastInstances: Array<{ uuid: string }>; recordings: { uuid: string } | null } };

const { track } = stopAfterEach();

describe('past meetings and recordings in the read cache', () => {
  it('are cached under their meeting, and a change reported for the meeting makes them stale', async () => {
    const h = track(await startHarness({ env: { ZOOM_CACHE_TTL_SECONDS: '60' } }));
    const meeting = h.fake.state.meetings[0]!;
    const id = String(meeting.id);
    const first = await h.gql<Past>(PAST, { id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.meeting.pastInstances).toHaveLength(2);
    await h.gql<Past>(PAST, { id });
    expect([h.fake.hits('past.instances'), h.fake.hits('past.participants'), h.fake.hits('recordings.get')]).toEqual([1, 2, 1]);

    // Held once more in Zoom: unseen while cached, seen once a change names the meeting.
    const again = h.fake.state.addPastInstance(meeting.id, { startTime: new Date(h.fake.clock.now() - 3_600_000).toISOString(), recording: true });
    expect((await h.gql<Past>(PAST, { id })).data!.meeting.pastInstances).toHaveLength(2);
    expect((await h.gql(UPDATE, { id })).errors).toBeUndefined();
    const after = await h.gql<Past>(PAST, { id });
    expect(after.data!.meeting.pastInstances[0]!.uuid).toBe(again.uuid);
    expect(after.data!.meeting.recordings!.uuid).toBe(again.uuid);
    expect(h.fake.hits('past.instances')).toBe(2);
  });
});
