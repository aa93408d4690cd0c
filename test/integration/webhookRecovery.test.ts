import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECOVER_AFTER_MS } from '../../src/webhooks/receiver.js';
import { startFakeZoom } from '../../src/sandbox/index.js';
import type { ZoomChange } from '../../src/zoom/changes.js';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { flakyStore, memoryStore } from '../helpers/stores.js';
import { WEBHOOK_SECRET, deliver, meetingEvent, metric, recordingSink } from '../helpers/webhooks.js';

// Zoom does not send an event again once it was answered 200: the gateway records it before
// answering, and any replica applies what the one that answered did not.
const { track, fakes } = stopAfterEach();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const EVENTS = 'zgg_webhook_events_total';
const REQUESTS = 'zgg_webhook_requests_total';
/** Accepted events recorded in the SQLite file and not yet applied. */
async function pendingRows(file: string): Promise<number> {
  const db = new KeyvSqlite({ uri: `sqlite://${file}` });
  try {
    const [row] = (await db.query("SELECT count(*) AS n FROM keyv WHERE key LIKE '%:pending:webhook:%'")) as Array<{ n: number }>;
    return row?.n ?? -1;
  } finally {
    await db.disconnect();
  }
}

const env = (extra: Record<string, string> = {}) => ({ ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET, ...extra });

describe('webhook events are not lost', () => {
  it('a store that cannot record the event: 503, nothing applied, and Zoom’s redelivery is applied once', async () => {
    const { store, setFailing } = flakyStore(true);
    const sink = recordingSink();
    const h = track(await startHarness({ env: env(), overrides: { store, changes: sink } }));
    const now = h.fake.clock.now();
    const body = meetingEvent('meeting.deleted', 81234567890, 'hostA', now);

    const refused = await deliver(h.url, now, body, { requestId: 'first' });
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ errors: [{ extensions: { code: 'STORE_UNAVAILABLE' } }] });
    expect(await metric(h.url, REQUESTS, { event: 'meeting.deleted', outcome: 'unrecorded' })).toBe(1);
    expect(await metric(h.url, REQUESTS, { event: 'meeting.deleted', outcome: 'accepted' })).toBe(0);

    // Zoom retries a 5xx with the same request id and body, minutes later: the store is back by then.
    setFailing(false);
    await vi.waitFor(async () => expect((await fetch(`${h.url}/readyz`)).status).toBe(200), { timeout: 5_000, interval: 100 });
    expect((await deliver(h.url, now, body, { requestId: 'first' })).status).toBe(200);
    await vi.waitFor(async () => expect(await metric(h.url, EVENTS, { event: 'meeting.deleted', outcome: 'applied' })).toBe(1), {
      timeout: 10_000,
    });
    expect(sink.changes).toEqual([{ kind: 'meeting', meetingId: '81234567890', hostId: 'hostA' }]);
  });

  it('records nothing for refused requests (unsigned, mis-signed, replayed, malformed); a repeated delivery leaves no record behind', async () => {
    const { store } = memoryStore();
    const sink = recordingSink();
    const h = track(await startHarness({ env: env(), overrides: { store, changes: sink } }));
    const now = h.fake.clock.now();
    const body = meetingEvent('meeting.updated', 81234567890, 'hostA', now);
    expect((await deliver(h.url, now, body, { unsigned: true })).status).toBe(401);
    expect((await deliver(h.url, now, body, { secret: 'not-the-secret-token' })).status).toBe(401);
    expect((await deliver(h.url, now, body, { at: now - 6 * 60_000 })).status).toBe(401);
    expect((await deliver(h.url, now, '{"event":')).status).toBe(400);
    expect(await store.listPending('webhook')).toEqual([]);

    // The same delivery three times (Zoom's retry, or a replay within the 5 minutes): applied once,
    // and each record is gone once its delivery is applied or found a duplicate.
    for (let i = 0; i < 3; i++) expect((await deliver(h.url, now, body, { requestId: 'same' })).status).toBe(200);
    await vi.waitFor(async () => expect(await metric(h.url, EVENTS, { event: 'meeting.updated', outcome: 'duplicate' })).toBe(2), {
      timeout: 10_000,
    });
    expect(await metric(h.url, EVENTS, { event: 'meeting.updated', outcome: 'applied' })).toBe(1);
    await vi.waitFor(async () => expect(await store.listPending('webhook')).toEqual([]), { timeout: 10_000 });
    expect(sink.changes).toHaveLength(1);
  });

  it(
    'the replica that answered stops before applying it: another replica sharing the SQLite file applies it',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zgg-recovery-'));
      dirs.push(dir);
      const file = join(dir, 'shared.sqlite');
      const shared = env({ CACHE_URL: `sqlite://${file}` });
      const fake = await startFakeZoom({ rateLimits: false });
      fakes.push(fake);

      // A answers Zoom, then never gets past the change (as if it died there). Its clock is the
      // machine's, so its own recovery passes do not reach the event during the test.
      let release!: () => void;
      const stuck = new Promise<void>((r) => (release = r));
      const seenByA: ZoomChange[] = [];
      const a = track(
        await startHarness({
          fake,
          env: shared,
          shareClock: false,
          overrides: { changes: { changed: async (c) => (seenByA.push(c), stuck) } },
        }),
      );
      try {
        const now = Date.now();
        const res = await deliver(a.url, now, meetingEvent('meeting.updated', 81234567890, 'hostA', now, { topic: 'New' }));
        expect(res.status).toBe(200);
        await vi.waitFor(() => expect(seenByA).toHaveLength(1), { timeout: 10_000 });

        expect(await pendingRows(file)).toBe(1);

        // B starts on the fake's clock, RECOVER_AFTER_MS later: its first pass, at start, applies it.
        fake.clock.set(now + RECOVER_AFTER_MS + 1000);
        const sink = recordingSink();
        const b = track(await startHarness({ fake, env: shared, overrides: { changes: sink } }));
        // Counted once its record is gone, after the change was made.
        await vi.waitFor(async () => expect(await metric(b.url, EVENTS, { event: 'meeting.updated', outcome: 'recovered' })).toBe(1), {
          timeout: 10_000,
        });
        expect(sink.changes).toEqual([{ kind: 'meeting', meetingId: '81234567890', hostId: 'hostA' }]);
        expect(b.logs.some((l) => l.includes('webhook event applied late'))).toBe(true);

        // Its record went with it: no other replica will apply it again.
        expect(await pendingRows(file)).toBe(0);
      } finally {
        release();
      }
    },
  );
});
