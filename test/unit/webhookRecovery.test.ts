import { describe, expect, it } from 'vitest';
import type { EventLabel, ZoomEvent } from '../../src/zoom/events.js';
import { RECOVER_AFTER_MS, WebhookReceiver, type EventOutcome } from '../../src/webhooks/receiver.js';
import type { UnsequencedEvent } from '../../src/live/liveEvent.js';
import type { ZoomChange } from '../../src/zoom/changes.js';
import { userForgetter } from '../../src/tokens/forgetUser.js';
import { manualClock, memoryStore, silent } from '../helpers/stores.js';

type Actionable = Exclude<ZoomEvent, { type: 'url_validation' }>;
const UPDATED: Actionable = { type: 'meeting', event: 'meeting.updated', meetingId: '81234567890', hostId: 'hostA', eventTs: 1 };
const STARTED: Actionable = {
  type: 'meeting',
  event: 'meeting.started',
  meetingId: '81234567891',
  hostId: 'hostA',
  eventTs: 2,
  topic: 'Standup',
};
const GONE: Actionable = { type: 'user', event: 'user.deactivated', userId: 'userB', email: 'b@example.com', gone: true };

/** A receiver on `store` whose change sink fails while `failing` is set; records what it did. */
function receiver(store: ReturnType<typeof memoryStore>['store'], clock: ReturnType<typeof manualClock>) {
  const changes: ZoomChange[] = [];
  const published: UnsequencedEvent[] = [];
  const outcomes: Array<[EventLabel, EventOutcome]> = [];
  const purged: string[] = [];
  const state = { failing: false };
  const r = new WebhookReceiver({
    store,
    clock,
    changes: {
      changed: async (c) => {
        if (state.failing) throw new Error('the store is down');
        changes.push(c);
      },
    },
    forgetUser: userForgetter(
      { invalidate: async (userId: string) => (purged.push(`zak:${userId}`), true) },
      { purge: async (userId: string) => (purged.push(`grant:${userId}`), true) },
    ),
    userOAuth: { clientId: 'app' },
    observe: (label, outcome) => void outcomes.push([label, outcome]),
    live: { publish: async (e) => void published.push(e) },
  });
  return { r, changes, published, outcomes, purged, state };
}

/** Accepts, answers (as the route does) and applies one event; resolves once its work settled. */
async function deliver(x: ReturnType<typeof receiver>, event: Actionable, label: EventLabel, keys: string[]) {
  const id = await x.r.accept(event, label);
  x.r.enqueue(event, label, keys, silent, id);
  await x.r.drain();
}

describe('webhook events a replica accepted and did not apply', () => {
  it('an applied event leaves nothing to recover; an unknown one is not recorded at all', async () => {
    const clock = manualClock();
    const { store } = memoryStore();
    const x = receiver(store, clock);
    await deliver(x, UPDATED, 'meeting.updated', ['k1']);
    expect(await x.r.accept({ type: 'other', event: 'webinar.created' }, 'other')).toBeUndefined();
    // Another app of the account removed: this gateway holds no grant of it, and never will purge one for it.
    expect(await x.r.accept({ type: 'deauthorized', userId: 'userB', clientId: 'another-app' }, 'app_deauthorized')).toBeUndefined();
    expect(await store.listPending('webhook')).toEqual([]);
    clock.advance(RECOVER_AFTER_MS);
    expect(await x.r.recover(silent)).toBe(0);
    expect(x.changes).toHaveLength(1);
  });

  it('a failed event is applied again RECOVER_AFTER_MS after its acceptance, once, without a subscription event', async () => {
    const clock = manualClock();
    const { store } = memoryStore();
    const x = receiver(store, clock);
    x.state.failing = true;
    await deliver(x, STARTED, 'meeting.started', ['k2']);
    expect(x.outcomes).toEqual([['meeting.started', 'failed']]);
    expect(x.published).toEqual([]);
    x.state.failing = false;

    clock.advance(RECOVER_AFTER_MS - 1);
    expect(await x.r.recover(silent)).toBe(0);
    expect(x.changes).toEqual([]);
    clock.advance(1);
    expect(await x.r.recover(silent)).toBe(1);
    expect(x.changes).toEqual([{ kind: 'meeting', meetingId: '81234567891', hostId: 'hostA' }]);
    // Subscribers are not sent an event this late.
    expect(x.published).toEqual([]);
    expect(x.outcomes.at(-1)).toEqual(['meeting.started', 'recovered']);
    expect(await x.r.recover(silent)).toBe(0);
    expect(await store.listPending('webhook')).toEqual([]);
  });

  it('an event whose replica stopped after its answer is applied by exactly one of the others', async () => {
    const clock = manualClock();
    const { store } = memoryStore();
    // The replica that answered Zoom and stopped: accepted, never applied.
    const dead = receiver(store, clock);
    await dead.r.accept(GONE, 'user.deactivated');
    const others = [receiver(store, clock), receiver(store, clock), receiver(store, clock)];
    clock.advance(RECOVER_AFTER_MS);
    const counts = await Promise.all(others.map((o) => o.r.recover(silent)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const [winner] = others.filter((o) => o.changes.length > 0);
    expect(winner!.changes).toEqual([{ kind: 'user', userId: 'userB', email: 'b@example.com' }]);
    // A departed user's grant and ZAKs go, as on the normal path.
    expect(winner!.purged.sort()).toEqual(['grant:userB', 'zak:userB']);
    expect(await store.listPending('webhook')).toEqual([]);
  });

  it('a recovery that fails leaves the event recorded, and a later pass applies it', async () => {
    const clock = manualClock();
    const { store } = memoryStore();
    const x = receiver(store, clock);
    await x.r.accept(UPDATED, 'meeting.updated');
    clock.advance(RECOVER_AFTER_MS);
    x.state.failing = true;
    expect(await x.r.recover(silent)).toBe(0);
    x.state.failing = false;
    // The failed pass holds the period's claim: the next period's first pass takes the event.
    expect(await x.r.recover(silent)).toBe(0);
    clock.advance(RECOVER_AFTER_MS);
    expect(await x.r.recover(silent)).toBe(1);
    expect(x.changes).toHaveLength(1);
  });
});
