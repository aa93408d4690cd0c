import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomMeeting, ZoomUser } from '../../src/sandbox/index.js';
import { JWT_SECRET, bearer } from '../helpers/userOAuth.js';
import { startHarness, type Harness } from '../helpers/gateway.js';

const SDK = { ZOOM_SDK_KEY: 'sdk-key-acl', ZOOM_SDK_SECRET: 'sdk-secret-acl-0123456789-0123456789' };

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let aliceMeeting: ZoomMeeting;
let bobMeeting: ZoomMeeting;
let asAlice: Record<string, string>;
let asAdmin: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ env: { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, ...SDK } });
  [alice, bob] = h.fake.state.users.filter((u) => u.status === 'active' && u.role_id === '2') as [ZoomUser, ZoomUser];
  aliceMeeting = h.fake.state.seedMeetings(alice.id, 2)[0]!;
  bobMeeting = h.fake.state.seedMeetings(bob.id, 2)[0]!;
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
  asAdmin = await bearer(h.fake, { sub: 'ops', roles: ['admin'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

const q = {
  list: `query ($userId: ID) { meetings(userId: $userId) { nodes { id hostId } } }`,
  get: `query ($id: ID!) { meeting(id: $id) { id hostId } }`,
  create: `mutation ($userId: ID) { createMeeting(userId: $userId, input: { topic: "acl" }) { id hostId } }`,
  update: `mutation ($id: ID!) { updateMeeting(id: $id, input: { topic: "changed" }) { id topic } }`,
  remove: `mutation ($id: ID!) { deleteMeeting(id: $id) }`,
  start: `mutation ($id: ID!) { startMeetingToken(meetingId: $id) { hostId zak signature } }`,
  invalidate: `mutation ($userId: ID!) { invalidateZak(userId: $userId) }`,
  sign: `mutation ($mn: ID!, $role: MeetingRole!) { meetingSdkSignature(meetingNumber: $mn, role: $role) { role } }`,
};

describe('the user role acts only on its own meetings (real caller JWTs)', () => {
  it('an unauthenticated caller gets UNAUTHENTICATED and Zoom sees nothing', async () => {
    const r = await h.gql(q.list, {});
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(h.fake.hits()).toBe(0);
  });

  it('lists, creates, reads, updates, starts and signs as host for its own meetings', async () => {
    const list = await h.gql<{ meetings: { nodes: Array<{ hostId: string }> } }>(q.list, {}, asAlice);
    expect(list.errors).toBeUndefined();
    expect(list.data!.meetings.nodes.length).toBeGreaterThanOrEqual(2);
    expect(list.data!.meetings.nodes.every((n) => n.hostId === alice.id)).toBe(true);
    // S2S has no "me": the gateway puts the caller's Zoom user in the path.
    expect(h.fake.requests.find((r) => r.route === 'meetings.list')?.path).toBe(`/v2/users/${alice.id}/meetings`);

    const created = await h.gql<{ createMeeting: { id: string; hostId: string } }>(q.create, {}, asAlice);
    expect(created.data?.createMeeting.hostId).toBe(alice.id);
    const id = created.data!.createMeeting.id;
    expect((await h.gql(q.get, { id }, asAlice)).errors).toBeUndefined();
    expect((await h.gql<{ updateMeeting: { topic: string } }>(q.update, { id }, asAlice)).data?.updateMeeting.topic).toBe('changed');
    const started = await h.gql<{ startMeetingToken: { hostId: string; zak: string; signature: string } }>(q.start, { id }, asAlice);
    expect(started.errors).toBeUndefined();
    expect(h.fake.state.isZakValid(started.data!.startMeetingToken.zak)).toBe(true);
    expect(started.data!.startMeetingToken.signature).toBeTruthy();
    expect((await h.gql(q.sign, { mn: id, role: 'HOST' }, asAlice)).errors).toBeUndefined();
    expect((await h.gql<{ invalidateZak: boolean }>(q.invalidate, { userId: 'me' }, asAlice)).data?.invalidateZak).toBe(true);
    expect((await h.gql<{ deleteMeeting: boolean }>(q.remove, { id }, asAlice)).data?.deleteMeeting).toBe(true);
  });

  it.each([
    ['list another user’s meetings', 'list', () => ({ userId: bob.id })],
    ['list another user’s meetings by email', 'list', () => ({ userId: bob.email })],
    ['create a meeting for another user', 'create', () => ({ userId: bob.id })],
    ['invalidate another user’s ZAK', 'invalidate', () => ({ userId: bob.id })],
  ] as const)('may not %s → FORBIDDEN, 0 upstream calls', async (_name, op, vars) => {
    const r = await h.gql(q[op], vars(), asAlice);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(h.fake.hits()).toBe(0);
  });

  it.each([
    ['read', 'get', () => ({ id: String(bobMeeting.id) })],
    ['update', 'update', () => ({ id: String(bobMeeting.id) })],
    ['delete', 'remove', () => ({ id: String(bobMeeting.id) })],
    ['start', 'start', () => ({ id: String(bobMeeting.id) })],
    ['sign as host for', 'sign', () => ({ mn: String(bobMeeting.id), role: 'HOST' })],
  ] as const)('may not %s another user’s meeting → FORBIDDEN after one look-up, nothing changed', async (_name, op, vars) => {
    const before = structuredClone(h.fake.state.findMeeting(bobMeeting.id));
    const r = await h.gql(q[op], vars(), asAlice);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(h.fake.hits('meetings.get')).toBe(1);
    expect(h.fake.hits() - h.fake.hits('oauth.token')).toBe(1);
    expect(h.fake.state.findMeeting(bobMeeting.id)).toEqual(before);
  });

  it('may sign as participant for any meeting number (Zoom checks the passcode), with no Zoom call', async () => {
    const r = await h.gql<{ meetingSdkSignature: { role: string } }>(q.sign, { mn: String(bobMeeting.id), role: 'PARTICIPANT' }, asAlice);
    expect(r.data?.meetingSdkSignature.role).toBe('PARTICIPANT');
    expect(h.fake.hits()).toBe(0);
  });

  it('an admin acts on anyone’s meetings', async () => {
    const id = String(aliceMeeting.id);
    expect((await h.gql(q.list, { userId: alice.email }, asAdmin)).errors).toBeUndefined();
    expect((await h.gql(q.get, { id }, asAdmin)).errors).toBeUndefined();
    expect((await h.gql<{ updateMeeting: { topic: string } }>(q.update, { id }, asAdmin)).data?.updateMeeting.topic).toBe('changed');
    const started = await h.gql<{ startMeetingToken: { hostId: string } }>(q.start, { id }, asAdmin);
    expect(started.data?.startMeetingToken.hostId).toBe(alice.id);
    expect((await h.gql(q.sign, { mn: id, role: 'HOST' }, asAdmin)).errors).toBeUndefined();
    expect((await h.gql<{ invalidateZak: boolean }>(q.invalidate, { userId: alice.id }, asAdmin)).data?.invalidateZak).toBe(true);
    const created = await h.gql<{ createMeeting: { hostId: string } }>(q.create, { userId: bob.id }, asAdmin);
    expect(created.data?.createMeeting.hostId).toBe(bob.id);
    expect((await h.gql<{ deleteMeeting: boolean }>(q.remove, { id }, asAdmin)).data?.deleteMeeting).toBe(true);
  });
});
