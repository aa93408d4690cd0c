import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ZoomUser } from '../../src/sandbox/index.js';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { memoryStore } from '../helpers/stores.js';

const SDK_ENV = { ZOOM_SDK_KEY: 'sdk-key-abc', ZOOM_SDK_SECRET: 'sdk-secret-0123456789-0123456789' };
const START = /* GraphQL */ `
  mutation ($id: ID!) {
    startMeetingToken(meetingId: $id) {
      meetingId
      hostId
      zak
      zakExpiresAt
      signature
      sdkKey
      signatureExpiresAt
    }
  }
`;
const INVALIDATE = `mutation ($userId: ID!) { invalidateZak(userId: $userId) }`;
const S = 1000;

interface Start {
  meetingId: string;
  hostId: string;
  zak: string;
  zakExpiresAt: string;
  signature: string | null;
  sdkKey: string | null;
  signatureExpiresAt: string | null;
}

const { track } = stopAfterEach();

const memberOf = (h: Harness): ZoomUser => h.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;

async function startAll(h: Harness, ids: string[]): Promise<Start[]> {
  const results = await Promise.all(ids.map((id) => h.gql<{ startMeetingToken: Start }>(START, { id })));
  for (const r of results) expect(r.errors).toBeUndefined();
  return results.map((r) => r.data!.startMeetingToken);
}

describe('startMeetingToken and the ZAK cache', () => {
  it('200 concurrent starts for one host make 1 ZAK request; after ttl − margin exactly 1 more', async () => {
    const h = track(await startHarness({ env: SDK_ENV }));
    const host = memberOf(h);
    const ids = h.fake.state.seedMeetings(host.id, 3).map((m) => String(m.id));
    const sentAt = h.fake.clock.now();

    const first = await startAll(
      h,
      Array.from({ length: 200 }, (_, i) => ids[i % 3]!),
    );
    expect(h.fake.hits('users.token')).toBe(1);
    const zakCall = h.fake.requests.find((r) => r.route === 'users.token')!;
    expect(zakCall.path).toBe(`/v2/users/${host.id}/token`);
    expect(zakCall.query).toEqual({ type: 'zak', ttl: '7200' });
    const zak = first[0]!.zak;
    expect(first.every((s) => s.zak === zak && s.hostId === host.id)).toBe(true);
    expect(h.fake.state.isZakValid(zak)).toBe(true);
    const expiresAt = Date.parse(first[0]!.zakExpiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(sentAt + 7200 * S);
    expect(expiresAt).toBeLessThanOrEqual(zakCall.at + 7200 * S);

    // Signatures come along: role 1 for this meeting, signed with the SDK secret.
    const one = first.find((s) => s.meetingId === ids[1])!;
    const { payload } = await jwtVerify(one.signature!, new TextEncoder().encode(SDK_ENV.ZOOM_SDK_SECRET), {
      currentDate: new Date(h.fake.clock.now()),
    });
    expect(payload).toMatchObject({ appKey: SDK_ENV.ZOOM_SDK_KEY, sdkKey: SDK_ENV.ZOOM_SDK_KEY, mn: ids[1], role: 1 });
    expect(one.sdkKey).toBe(SDK_ENV.ZOOM_SDK_KEY);
    expect(Date.parse(one.signatureExpiresAt!)).toBe(payload.exp! * 1000);

    // Just inside the 6900 s the ZAK may be served (7200 s ttl − 300 s margin): still cached.
    h.fake.clock.advance(expiresAt - 300 * S - h.fake.clock.now() - 2 * S);
    const stillCached = await startAll(
      h,
      Array.from({ length: 20 }, (_, i) => ids[i % 3]!),
    );
    expect(stillCached.every((s) => s.zak === zak)).toBe(true);
    expect(h.fake.hits('users.token')).toBe(1);

    h.fake.clock.advance(3 * S);
    const renewed = await startAll(
      h,
      Array.from({ length: 50 }, (_, i) => ids[i % 3]!),
    );
    expect(h.fake.hits('users.token')).toBe(2);
    const newZak = renewed[0]!.zak;
    expect(newZak).not.toBe(zak);
    expect(renewed.every((s) => s.zak === newZak)).toBe(true);
    expect(h.fake.state.isZakValid(newZak)).toBe(true);
  });

  it('keeps the ZAK encrypted in the shared store, so a restarted gateway makes no ZAK request', async () => {
    const fake = await startFakeZoom({ rateLimits: false });
    const { store, keyv } = memoryStore();
    try {
      const first = await startHarness({ fake, overrides: { store } });
      const host = memberOf(first);
      const id = String(fake.state.seedMeetings(host.id, 1)[0]!.id);
      const [started] = await startAll(first, [id]);
      await first.stop();
      const sealed = await keyv.get(`zak:${host.id}:7200@${fake.url}`);
      expect(typeof sealed).toBe('string');
      expect(String(sealed)).not.toContain(started!.zak);

      const second = track(await startHarness({ fake, overrides: { store } }));
      const [again] = await startAll(second, [id]);
      expect(again!.zak).toBe(started!.zak);
      expect(fake.hits('users.token')).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it('invalidateZak drops a ZAK Zoom stopped honouring; the next start fetches one new ZAK', async () => {
    const h = track(await startHarness());
    const host = memberOf(h);
    const id = String(h.fake.state.seedMeetings(host.id, 1)[0]!.id);
    const [before] = await startAll(h, [id]);
    h.fake.knobs.invalidateZaks(host.id); // "Sign Me Out from All Devices"
    expect(h.fake.state.isZakValid(before!.zak)).toBe(false);

    const dropped = await h.gql<{ invalidateZak: boolean }>(INVALIDATE, { userId: host.id });
    expect(dropped.data?.invalidateZak).toBe(true);
    const after = await startAll(
      h,
      Array.from({ length: 10 }, () => id),
    );
    expect(h.fake.hits('users.token')).toBe(2);
    expect(after.every((s) => s.zak === after[0]!.zak && s.zak !== before!.zak)).toBe(true);
    expect(h.fake.state.isZakValid(after[0]!.zak)).toBe(true);

    // By email: resolved to the user id the ZAK is cached under.
    expect((await h.gql<{ invalidateZak: boolean }>(INVALIDATE, { userId: host.email.toUpperCase() })).data?.invalidateZak).toBe(true);
    expect((await h.gql<{ invalidateZak: boolean }>(INVALIDATE, { userId: host.id })).data?.invalidateZak).toBe(false);
    expect(h.fake.hits('users.token')).toBe(2);
  });

  it('a 401/124 from the ZAK endpoint renews the account token once and the start still succeeds', async () => {
    const h = track(await startHarness());
    const host = memberOf(h);
    const id = String(h.fake.state.seedMeetings(host.id, 1)[0]!.id);
    h.fake.knobs.fail({ route: 'users.token', status: 401, body: { code: 124, message: 'Invalid access token.' } });
    const [started] = await startAll(h, [id]);
    expect(h.fake.state.isZakValid(started!.zak)).toBe(true);
    expect(h.fake.hits('oauth.token')).toBe(2);
    expect(h.fake.requests.filter((r) => r.route === 'users.token').map((r) => r.status)).toEqual([401, 200]);
  });

  it('without a Meeting SDK app the signature fields are null', async () => {
    const h = track(await startHarness());
    const host = memberOf(h);
    const id = String(h.fake.state.seedMeetings(host.id, 1)[0]!.id);
    const [started] = await startAll(h, [id]);
    expect(started).toMatchObject({ meetingId: id, hostId: host.id, signature: null, sdkKey: null, signatureExpiresAt: null });
  });

  it('an unknown meeting → NOT_FOUND and no ZAK request; a malformed id → BAD_USER_INPUT and no Zoom call at all', async () => {
    const h = track(await startHarness());
    const missing = await h.gql(START, { id: '99999999999' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(h.fake.hits('users.token')).toBe(0);
    h.fake.resetCounters();
    for (const id of ['123', 'not a meeting', '', '123456789012']) {
      const r = await h.gql(START, { id });
      expect(r.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
    for (const userId of ['', '  ']) {
      expect((await h.gql(INVALIDATE, { userId })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(h.fake.hits()).toBe(0);
  });
});
