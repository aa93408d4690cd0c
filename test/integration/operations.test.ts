import { createHash } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeZoom, type FakeZoom } from '../../src/sandbox/index.js';
import { startHarness, type GqlResult, type Harness } from '../helpers/gateway.js';
import {
  AddMeetingRegistrantDocument,
  CredentialsDocument,
  EndMeetingDocument,
  MeetingDetailsDocument,
  MeetingRegistrantsDocument,
  UpdateMeetingRegistrantStatusDocument,
  MeDocument,
  MeetingDocument,
  MeetingSdkSignatureDocument,
  MeetingsDocument,
  StartMeetingTokenDocument,
  StartWebinarTokenDocument,
  WebinarDashboardDocument,
  UserDocument,
  UsersDocument,
} from '../operations/generated/graphql.js';

/**
 * The typed documents generated from test/operations/*.graphql, sent as clients send them:
 * if the schema drifts from the operations, codegen or these tests fail, not a client.
 */
const KEY = 'operations-test-key-0123456789abcdef';
const SDK = { ZOOM_SDK_KEY: 'operations-sdk-key', ZOOM_SDK_SECRET: 'operations-sdk-secret-0123456789abcdef' };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let fake: FakeZoom;
let h: Harness;

/** Result and variable types come from the document, so a renamed field fails type-checking. */
function run<TData, TVars>(doc: TypedDocumentNode<TData, TVars>, variables?: TVars): Promise<GqlResult<TData>> {
  return h.gql<TData>(print(doc), variables as Record<string, unknown> | undefined, { authorization: `Bearer ${KEY}` });
}

beforeAll(async () => {
  fake = await startFakeZoom({ rateLimits: false });
  h = await startHarness({
    fake,
    env: { ...SDK, GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `ops:${sha256(KEY)}:admin:${fake.state.owner.email}` },
  });
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
});

describe('generated operations against the gateway and the fake Zoom', () => {
  it('Users: active users only, Relay edges, and a second page that continues the first', async () => {
    const first = await run(UsersDocument, { first: 5 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.users!;
    const active = fake.state.users.filter((u) => u.status === 'active');
    expect(page1.totalCount).toBe(active.length);
    expect(page1.edges).toHaveLength(5);
    expect(page1.edges.every((e) => e.node.status === 'ACTIVE' && e.cursor.length > 0)).toBe(true);
    expect(page1.pageInfo.hasNextPage).toBe(active.length > 5);
    expect(page1.pageInfo).toMatchObject({
      hasPreviousPage: false,
      startCursor: page1.edges[0]!.cursor,
      endCursor: page1.edges[4]!.cursor,
    });

    const second = await run(UsersDocument, { first: 5, after: page1.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const ids1 = new Set(page1.edges.map((e) => e.node.id));
    const ids2 = second.data!.users!.edges.map((e) => e.node.id);
    expect(ids2.length).toBeGreaterThan(0);
    expect(ids2.filter((id) => ids1.has(id))).toEqual([]);
    expect(second.data!.users!.pageInfo.hasPreviousPage).toBe(true);
  });

  it('Users: first outside 1–300 is BAD_USER_INPUT before any Zoom call', async () => {
    fake.resetCounters();
    for (const first of [0, 301, -1]) {
      const res = await run(UsersDocument, { first });
      expect(res.errors?.[0]?.extensions?.code, `first: ${first}`).toBe('BAD_USER_INPUT');
    }
    expect(fake.hits('users.list')).toBe(0);
  });

  it("Me: the API key's Zoom user", async () => {
    const res = await run(MeDocument);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me?.email).toBe(fake.state.owner.email);
    expect(res.data?.me?.id).toBe(fake.state.owner.id);
  });

  it('User: by id and by email; null for a user Zoom does not know; empty id is BAD_USER_INPUT', async () => {
    const target = fake.state.users.find((u) => u.status === 'active' && u.role_id !== '0')!;
    const byId = await run(UserDocument, { id: target.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.user).toMatchObject({ id: target.id, email: target.email, firstName: target.first_name, status: 'ACTIVE' });

    const byEmail = await run(UserDocument, { id: target.email });
    expect(byEmail.data?.user?.id).toBe(target.id);

    const missing = await run(UserDocument, { id: 'no-such-user@example.com' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.user).toBeNull();

    const empty = await run(UserDocument, { id: '' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('Credentials: S2S configured and its token cached, with no secret in the answer', async () => {
    await run(MeDocument);
    const res = await run(CredentialsDocument);
    expect(res.errors).toBeUndefined();
    const c = res.data!.credentials!;
    expect(c).toMatchObject({ sandbox: false, serverToServer: true, legacyJwt: false });
    expect(c.cached.some((t) => t.source === 'S2S' && !Number.isNaN(Date.parse(t.expiresAt)))).toBe(true);
    expect(c.readCache).toEqual({ enabled: false, ttlSeconds: 0 });
    expect(JSON.stringify(res.data)).not.toContain('sandbox-s2s-secret');
  });

  it("Meetings: the caller's own meetings, paged without overlap", async () => {
    const owner = fake.state.owner;
    const first = await run(MeetingsDocument, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.meetings!;
    expect(page1.edges.length).toBeGreaterThan(0);
    expect(page1.edges.length).toBeLessThanOrEqual(2);
    for (const { node } of page1.edges) {
      expect(node.hostId).toBe(owner.id);
      expect(fake.state.findMeeting(node.id)?.topic).toBe(node.topic);
    }
    if (page1.pageInfo.hasNextPage) {
      const second = await run(MeetingsDocument, { first: 2, after: page1.pageInfo.endCursor });
      const seen = new Set(page1.edges.map((e) => e.node.id));
      expect(second.data!.meetings!.edges.filter((e) => seen.has(e.node.id))).toEqual([]);
    }
  });

  it('Meeting: by number with its host resolved; null for a number Zoom does not know', async () => {
    const seeded = fake.state.meetings.find((m) => m.host_id === fake.state.owner.id)!;
    const res = await run(MeetingDocument, { id: String(seeded.id) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.meeting).toMatchObject({ id: String(seeded.id), topic: seeded.topic, hostId: seeded.host_id });
    expect(res.data?.meeting?.host?.email).toBe(fake.state.owner.email);

    const missing = await run(MeetingDocument, { id: '99999999999' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.meeting).toBeNull();
  });

  it('StartMeetingToken: a valid ZAK (cached on the second call) and a host signature for that meeting', async () => {
    const seeded = fake.state.meetings.find((m) => m.host_id === fake.state.owner.id)!;
    fake.resetCounters();
    const res = await run(StartMeetingTokenDocument, { meetingId: String(seeded.id) });
    expect(res.errors).toBeUndefined();
    const t = res.data!.startMeetingToken!;
    expect(t).toMatchObject({ meetingId: String(seeded.id), hostId: seeded.host_id, sdkKey: SDK.ZOOM_SDK_KEY });
    expect(fake.state.isZakValid(t.zak)).toBe(true);
    const { payload } = await jwtVerify(t.signature!, new TextEncoder().encode(SDK.ZOOM_SDK_SECRET), {
      currentDate: new Date(fake.clock.now()),
    });
    expect(payload).toMatchObject({ mn: String(seeded.id), role: 1, appKey: SDK.ZOOM_SDK_KEY });

    const again = await run(StartMeetingTokenDocument, { meetingId: String(seeded.id) });
    expect(again.data?.startMeetingToken?.zak).toBe(t.zak);
    expect(fake.hits('users.token') + fake.hits('users.zak')).toBe(1);
  });

  it('MeetingSdkSignature: a participant signature; expiresInSeconds below 1800 is BAD_USER_INPUT', async () => {
    const res = await run(MeetingSdkSignatureDocument, { meetingNumber: '85746065432', role: 'PARTICIPANT' });
    expect(res.errors).toBeUndefined();
    const s = res.data!.meetingSdkSignature!;
    expect(s).toMatchObject({ meetingNumber: '85746065432', role: 'PARTICIPANT', sdkKey: SDK.ZOOM_SDK_KEY });
    const { payload } = await jwtVerify(s.signature, new TextEncoder().encode(SDK.ZOOM_SDK_SECRET), {
      currentDate: new Date(fake.clock.now()),
    });
    expect(payload).toMatchObject({ mn: '85746065432', role: 0 });

    const short = await run(MeetingSdkSignatureDocument, { meetingNumber: '85746065432', role: 'HOST', expiresInSeconds: 60 });
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
  it('Meeting data: recurrence, occurrences, invitation; registrants added, approved and paged; endMeeting', async () => {
    const owner = fake.state.owner;
    const m = fake.state.addMeeting(
      owner.id,
      {},
      {
        type: 8,
        start: { wallMs: Date.UTC(2030, 0, 7, 9), isUtc: true },
        recurrence: { type: 2, weekly_days: '2', end_times: 2 },
        settings: { approval_type: 1 },
      },
    );
    const details = await run(MeetingDetailsDocument, { id: String(m.id) });
    expect(details.errors).toBeUndefined();
    expect(details.data?.meeting?.recurrence).toMatchObject({ type: 'WEEKLY', weeklyDays: [2], endTimes: 2 });
    expect(details.data?.meeting?.occurrences?.map((o) => o.status)).toEqual(['AVAILABLE', 'AVAILABLE']);
    expect(details.data?.meeting?.invitation).toContain(m.join_url);

    const added = await run(AddMeetingRegistrantDocument, { meetingId: String(m.id), input: { email: 'op@example.com', firstName: 'Op' } });
    expect(added.errors).toBeUndefined();
    const id = added.data!.addMeetingRegistrant!.id;
    const pending = await run(MeetingRegistrantsDocument, { id: String(m.id), status: 'PENDING' });
    expect(pending.data?.meeting?.registrants?.edges.map((e) => e.node.id)).toEqual([id]);
    const approved = await run(UpdateMeetingRegistrantStatusDocument, { meetingId: String(m.id), action: 'APPROVE', registrantIds: [id] });
    expect(approved.data?.updateMeetingRegistrantStatus).toBe(true);
    const list = await run(MeetingRegistrantsDocument, { id: String(m.id) });
    expect(list.data?.meeting?.registrants?.edges[0]?.node).toMatchObject({
      id,
      status: 'APPROVED',
      joinUrl: added.data!.addMeetingRegistrant!.joinUrl,
    });

    m.status = 'started';
    expect((await run(EndMeetingDocument, { id: String(m.id) })).data?.endMeeting).toBe(true);
    expect(m.status).toBe('waiting');
  });

  it('WebinarDashboard and StartWebinarToken: the seeded webinar with its panelists, registrants and past instance; a host ZAK and signature', async () => {
    const launch = fake.state.webinars.find((w) => w.topic === 'Product launch')!;
    const dash = await run(WebinarDashboardDocument, { id: String(launch.id) });
    expect(dash.errors).toBeUndefined();
    const w = dash.data!.webinar!;
    expect(w).toMatchObject({ topic: 'Product launch', type: 'WEBINAR', host: { email: fake.state.owner.email } });
    expect(w.panelists).toHaveLength(2);
    expect(w.registrants!.nodes.map((r) => r.status)).toEqual(['PENDING']);
    expect(w.pastInstances![0]!.absentees!.nodes.map((r) => r.email)).toEqual(['absent@example.com']);
    const start = await run(StartWebinarTokenDocument, { webinarId: String(launch.id) });
    expect(start.errors).toBeUndefined();
    expect(start.data!.startWebinarToken).toMatchObject({
      meetingId: String(launch.id),
      hostId: fake.state.owner.id,
      sdkKey: SDK.ZOOM_SDK_KEY,
    });
    expect(fake.state.isZakValid(start.data!.startWebinarToken!.zak)).toBe(true);
  });
});
