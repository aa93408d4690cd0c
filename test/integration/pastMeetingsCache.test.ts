import { describe, expect, it, vi } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { WEBHOOK_SECRET, metric } from '../helpers/webhooks.js';

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
    const again = h.fake.state.addPastInstance(meeting.id, {
      startTime: new Date(h.fake.clock.now() - 3_600_000).toISOString(),
      recording: true,
    });
    expect((await h.gql<Past>(PAST, { id })).data!.meeting.pastInstances).toHaveLength(2);
    expect((await h.gql(UPDATE, { id })).errors).toBeUndefined();
    const after = await h.gql<Past>(PAST, { id });
    expect(after.data!.meeting.pastInstances[0]!.uuid).toBe(again.uuid);
    expect(after.data!.meeting.recordings!.uuid).toBe(again.uuid);
    expect(h.fake.hits('past.instances')).toBe(2);
  });

  it('a meeting recorded in Zoom is seen at once through recording.completed, the clock stopped inside the TTL', async () => {
    const h = track(await startHarness({ env: { ZOOM_CACHE_TTL_SECONDS: '600', ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    h.fake.clock.freeze();
    await h.fake.webhooks.subscribe(SANDBOX_CREDENTIALS.oauth.clientId, `${h.url}/zoom/webhooks`, WEBHOOK_SECRET);
    const meeting = h.fake.state.meetings[1]!;
    const id = String(meeting.id);
    expect((await h.gql<Past>(PAST, { id })).data!.meeting).toEqual({ pastInstances: [], recordings: null });

    // Held and recorded, as people would in Zoom: the fake sends recording.completed.
    const res = await fetch(`${h.fake.url}/__fake/past-meetings`, {
      method: 'POST',
      body: JSON.stringify({ meeting: meeting.id, participants: 1, recording: true }),
    });
    const held = (await res.json()) as { uuid: string };
    await h.fake.webhooks.idle();
    expect(h.fake.webhooks.deliveries.map((d) => [d.event, d.state])).toEqual([['recording.completed', 'delivered']]);
    await vi.waitFor(
      async () => expect(await metric(h.url, 'zgg_webhook_events_total', { event: 'recording.completed', outcome: 'applied' })).toBe(1),
      { timeout: 10_000 },
    );
    const after = await h.gql<Past>(PAST, { id });
    expect(after.data!.meeting).toEqual({
      pastInstances: [{ uuid: held.uuid, participants: { totalCount: 2 } }],
      recordings: { uuid: held.uuid },
    });
  });
});
