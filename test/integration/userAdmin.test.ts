import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';

const JWT_ENV = { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET, GATEWAY_JWT_ISSUER: JWT_ISSUER, GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE };

const q = {
  create: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id zoomId email status type firstName } }',
  update: 'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id firstName dept type timezone } }',
  status: 'mutation ($id: ID!, $action: UserStatusAction!) { setUserStatus(id: $id, action: $action) { id status } }',
  remove:
    'mutation ($id: ID!, $action: DeleteUserAction, $transfer: UserTransferInput) { deleteUser(id: $id, action: $action, transfer: $transfer) }',
  settings:
    'mutation ($id: ID!, $input: UserSettingsInput!) { updateUserSettings(id: $id, input: $input) { scheduleMeeting { joinBeforeHost audioType hostVideo } inMeeting { polling chat } recording { autoRecording cloudRecording } } }',
  assign: 'mutation ($roleId: ID!, $userIds: [ID!]!) { assignRole(roleId: $roleId, userIds: $userIds) }',
  summary: '{ userSummary { total licensed basic pending onPrem rooms joinOnly } }',
  email: 'query ($email: String!) { emailInUse(email: $email) }',
  roles: '{ roles { id name description totalMembers members(first: 5) { totalCount nodes { id email roleId } } } }',
  userSettings:
    'query ($id: ID!) { user(id: $id) { id settings { scheduleMeeting { joinBeforeHost audioType } inMeeting { polling } recording { autoRecording } } } }',
  users: 'query ($status: UserStatus) { users(status: $status, first: 300) { nodes { id } } }',
};

type Err = { extensions?: Record<string, unknown>; message: string };
const code = (r: { errors?: Err[] }) => r.errors?.[0]?.extensions?.code;

let h: Harness;
let alice: ZoomUser;
let bob: ZoomUser;
let asAdmin: Record<string, string>;
let asAlice: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ env: JWT_ENV });
  alice = member(h.fake, 0);
  bob = member(h.fake, 1);
  asAdmin = await bearer(h.fake, { sub: 'console', roles: ['admin'] });
  asAlice = await bearer(h.fake, { sub: 'alice-app', zoom_user_id: alice.id, roles: ['user'] });
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

const restCalls = () => h.fake.requests.filter((r) => r.path.startsWith('/v2/')).length;

describe('user administration for admins, end to end against the fake Zoom', () => {
  it('createUser with CREATE invites: the answer says PENDING; AUTO_CREATE makes an active user', async () => {
    const invited = await h.gql<{ createUser: { email: string; status: string; type: string; firstName: string } }>(
      q.create,
      { input: { email: 'new.hire@example.com', type: 'LICENSED', firstName: 'New' } },
      asAdmin,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.createUser).toMatchObject({
      email: 'new.hire@example.com',
      status: 'PENDING',
      type: 'LICENSED',
      firstName: 'New',
    });
    expect(JSON.parse(h.fake.requests.find((r) => r.route === 'users.create')!.body!)).toEqual({
      action: 'create',
      user_info: { email: 'new.hire@example.com', type: 2, first_name: 'New' },
    });
    const auto = await h.gql<{ createUser: { status: string; zoomId: string } }>(
      q.create,
      { input: { email: 'auto@example.com', type: 'BASIC', action: 'AUTO_CREATE' } },
      asAdmin,
    );
    expect(auto.data?.createUser.status).toBe('ACTIVE');
    expect(auto.data?.createUser.zoomId).toBe(h.fake.state.findUser('auto@example.com')!.id);
  });

  it('an email in use is ZOOM_API_ERROR with zoomCode 1005, never a 500; emailInUse says so first', async () => {
    const inUse = await h.gql<{ emailInUse: boolean }>(q.email, { email: bob.email.toUpperCase() }, asAdmin);
    expect(inUse.data?.emailInUse).toBe(true);
    expect((await h.gql<{ emailInUse: boolean }>(q.email, { email: 'free.address@example.com' }, asAdmin)).data?.emailInUse).toBe(false);
    const r = await h.gql(q.create, { input: { email: bob.email, type: 'BASIC' } }, asAdmin);
    expect(r.status).toBe(200);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR', zoomCode: 1005 });
    expect(r.errors?.[0]?.message).toBe(`Email "${bob.email}" has already been used.`);
  });

  it('updateUser changes the given fields and returns the user as Zoom now has it', async () => {
    const r = await h.gql<{ updateUser: { firstName: string; dept: string; type: string; timezone: string } }>(
      q.update,
      { id: bob.id, input: { firstName: 'Robert', dept: 'Finance', type: 'BASIC', timezone: 'Europe/Berlin' } },
      asAdmin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateUser).toEqual({ id: bob.id, firstName: 'Robert', dept: 'Finance', type: 'BASIC', timezone: 'Europe/Berlin' });
    expect(JSON.parse(h.fake.requests.find((x) => x.route === 'users.update')!.body!)).toEqual({
      first_name: 'Robert',
      dept: 'Finance',
      type: 1,
      timezone: 'Europe/Berlin',
    });
    expect((await h.gql(q.update, { id: 'nobody@example.com', input: { dept: 'x' } }, asAdmin)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('setUserStatus moves a user between users(status: ACTIVE) and users(status: INACTIVE) at once', async () => {
    const ids = async (status: string) =>
      (await h.gql<{ users: { nodes: Array<{ id: string }> } }>(q.users, { status }, asAdmin)).data!.users.nodes.map((n) => n.id);
    const target = member(h.fake, 3);
    expect(await ids('ACTIVE')).toContain(target.id);
    const off = await h.gql<{ setUserStatus: { status: string } }>(q.status, { id: target.id, action: 'DEACTIVATE' }, asAdmin);
    expect(off.data?.setUserStatus.status).toBe('INACTIVE');
    expect(await ids('ACTIVE')).not.toContain(target.id);
    expect(await ids('INACTIVE')).toContain(target.id);
    const on = await h.gql<{ setUserStatus: { status: string } }>(q.status, { id: target.id, action: 'ACTIVATE' }, asAdmin);
    expect(on.data?.setUserStatus.status).toBe('ACTIVE');
    expect(await ids('ACTIVE')).toContain(target.id);
    // Zoom does not (de)activate owners and admins this way: its reason, with its code.
    const admin = h.fake.state.users.find((u) => u.role_id === '1')!;
    expect((await h.gql(q.status, { id: admin.id, action: 'DEACTIVATE' }, asAdmin)).errors?.[0]?.extensions).toMatchObject({
      code: 'ZOOM_API_ERROR',
      zoomCode: 200,
    });
  });

  it('deleteUser with a transfer moves the meetings to the colleague, then removes the user', async () => {
    const leaver = h.fake.state.addUser({ status: 'active', email: 'leaver@example.com' });
    const meetings = h.fake.state.seedMeetings(leaver.id, 2);
    const r = await h.gql<{ deleteUser: boolean }>(
      q.remove,
      { id: leaver.id, action: 'DELETE', transfer: { toEmail: bob.email, webinars: false } },
      asAdmin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.deleteUser).toBe(true);
    expect(h.fake.state.findUser(leaver.id)).toBeUndefined();
    for (const m of meetings) expect(h.fake.state.findMeeting(m.id)!.host_id).toBe(bob.id);
    expect(h.fake.requests.find((x) => x.route === 'users.delete')!.query).toEqual({
      action: 'delete',
      transfer_email: bob.email,
      transfer_meeting: 'true',
      transfer_webinar: 'false',
      transfer_recording: 'true',
      transfer_whiteboard: 'true',
    });
  });

  it("deleteUser fails with Zoom's reason for the owner, and for a transfer to the user's own address", async () => {
    const owner = await h.gql(q.remove, { id: h.fake.state.owner.id, action: 'DELETE' }, asAdmin);
    expect(owner.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR', zoomCode: 200 });
    const target = member(h.fake, 4);
    const self = await h.gql(q.remove, { id: target.id, transfer: { toEmail: target.email } }, asAdmin);
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.message).toMatch(/transfer-to email address cannot be the same/);
    expect(h.fake.state.findUser(target.id)).toBeDefined();
    expect(h.fake.state.findUser(h.fake.state.owner.id)).toBeDefined();
  });

  it('updateUserSettings sends Zoom only the fields given and returns the settings as Zoom now has them', async () => {
    const before = structuredClone(h.fake.state.settingsOf(bob));
    const r = await h.gql<{
      updateUserSettings: {
        scheduleMeeting: { joinBeforeHost: boolean; audioType: string; hostVideo: boolean };
        inMeeting: { polling: boolean; chat: boolean };
        recording: { autoRecording: string };
      };
    }>(
      q.settings,
      {
        id: bob.id,
        input: {
          scheduleMeeting: { joinBeforeHost: true, audioType: 'THIRD_PARTY', hostVideo: null },
          recording: { autoRecording: 'CLOUD' },
        },
      },
      asAdmin,
    );
    expect(r.errors).toBeUndefined();
    expect(JSON.parse(h.fake.requests.find((x) => x.route === 'users.updateSettings')!.body!)).toEqual({
      schedule_meeting: { join_before_host: true, audio_type: 'thirdParty' },
      recording: { auto_recording: 'cloud' },
    });
    expect(r.data?.updateUserSettings.scheduleMeeting).toEqual({
      joinBeforeHost: true,
      audioType: 'THIRD_PARTY',
      hostVideo: before.schedule_meeting.host_video,
    });
    expect(r.data?.updateUserSettings.inMeeting).toEqual({ polling: before.in_meeting.polling, chat: before.in_meeting.chat });
    expect(r.data?.updateUserSettings.recording.autoRecording).toBe('CLOUD');
    expect(h.fake.state.settingsOf(bob).in_meeting).toEqual(before.in_meeting);
    // User.settings reads them too.
    const read = await h.gql<{ user: { settings: { scheduleMeeting: { audioType: string } } } }>(q.userSettings, { id: bob.id }, asAdmin);
    expect(read.data?.user.settings.scheduleMeeting.audioType).toBe('THIRD_PARTY');
  });

  it('userSummary and roles with their members; assignRole gives a custom role', async () => {
    const summary = await h.gql<{ userSummary: { total: number; pending: number } }>(q.summary, {}, asAdmin);
    expect(summary.data?.userSummary.total).toBe(h.fake.state.users.length);
    expect(summary.data?.userSummary.pending).toBe(h.fake.state.users.filter((u) => u.status === 'pending').length);
    type Roles = {
      roles: Array<{
        id: string;
        name: string;
        totalMembers: number;
        members: { totalCount: number; nodes: Array<{ id: string; roleId: string }> };
      }>;
    };
    const roles = await h.gql<Roles>(q.roles, {}, asAdmin);
    expect(roles.errors).toBeUndefined();
    expect(roles.data?.roles.map((r) => r.name)).toEqual(['Owner', 'Admin', 'Member', 'Help desk', 'Billing']);
    const helpDesk = roles.data!.roles.find((r) => r.name === 'Help desk')!;
    expect(helpDesk.members.totalCount).toBe(helpDesk.totalMembers);
    const who = [member(h.fake, 5), member(h.fake, 6)];
    const assigned = await h.gql<{ assignRole: boolean }>(q.assign, { roleId: helpDesk.id, userIds: [who[0]!.id, who[1]!.email] }, asAdmin);
    expect(assigned.data?.assignRole).toBe(true);
    expect(JSON.parse(h.fake.requests.find((x) => x.route === 'roles.addMembers')!.body!)).toEqual({
      members: [{ id: who[0]!.id }, { email: who[1]!.email }],
    });
    const after = await h.gql<Roles>(q.roles, {}, asAdmin);
    const updated = after.data!.roles.find((r) => r.id === helpDesk.id)!;
    expect(updated.totalMembers).toBe(helpDesk.totalMembers + 2);
    expect(updated.members.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(who.map((u) => u.id)));
    // Zoom's own refusals keep their code.
    expect(code(await h.gql(q.assign, { roleId: 'noSuchRole', userIds: [bob.id] }, asAdmin))).toBe('ZOOM_API_ERROR');
  });
});

describe('policy: a user-role caller, and attacker inputs; a refusal makes no Zoom call', () => {
  const refused: Array<[string, string, () => Record<string, unknown>]> = [
    ['createUser', q.create, () => ({ input: { email: 'x@example.com', type: 'BASIC' } })],
    ['updateUser on another user', q.update, () => ({ id: bob.id, input: { firstName: 'Mallory' } })],
    ['updateUser on another user by email', q.update, () => ({ id: bob.email, input: { firstName: 'Mallory' } })],
    ['updateUser of its own type', q.update, () => ({ id: alice.id, input: { type: 'LICENSED' } })],
    ['updateUser of its own type as me', q.update, () => ({ id: 'me', input: { type: 'LICENSED', firstName: 'A' } })],
    ['setUserStatus on itself', q.status, () => ({ id: alice.id, action: 'DEACTIVATE' })],
    ['setUserStatus on another user', q.status, () => ({ id: bob.id, action: 'DEACTIVATE' })],
    ['deleteUser', q.remove, () => ({ id: bob.id })],
    ['updateUserSettings of another user', q.settings, () => ({ id: bob.id, input: { inMeeting: { chat: false } } })],
    ['assignRole', q.assign, () => ({ roleId: '1', userIds: [alice.id] })],
    ['userSummary', q.summary, () => ({})],
    ['emailInUse', q.email, () => ({ email: bob.email })],
    ['roles', q.roles, () => ({})],
    ['user(id).settings of another user', q.userSettings, () => ({ id: bob.id })],
  ];

  it.each(refused)('%s → FORBIDDEN', async (_name, query, vars) => {
    const r = await h.gql(query, vars(), asAlice);
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(restCalls()).toBe(0);
  });

  it('unauthenticated callers get UNAUTHENTICATED and Zoom sees nothing', async () => {
    for (const [, query, vars] of refused) expect(code(await h.gql(query, vars()))).toBe('UNAUTHENTICATED');
    expect(restCalls()).toBe(0);
  });

  it('a user may update its own profile and settings, and read its own settings', async () => {
    const r = await h.gql<{ updateUser: { firstName: string } }>(q.update, { id: 'me', input: { firstName: 'Alicia' } }, asAlice);
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateUser.firstName).toBe('Alicia');
    const s = await h.gql<{ updateUserSettings: { inMeeting: { polling: boolean } } }>(
      q.settings,
      { id: alice.id, input: { inMeeting: { polling: true } } },
      asAlice,
    );
    expect(s.errors).toBeUndefined();
    expect(s.data?.updateUserSettings.inMeeting.polling).toBe(true);
    const read = await h.gql<{ user: { settings: { inMeeting: { polling: boolean } } } }>(q.userSettings, { id: alice.id }, asAlice);
    expect(read.data?.user.settings.inMeeting.polling).toBe(true);
  });

  const bad: Array<[string, string, Record<string, unknown>]> = [
    ['assignRole with 31 users', q.assign, { roleId: '1', userIds: Array.from({ length: 31 }, (_, i) => `user${i}@example.com`) }],
    ['assignRole with no users', q.assign, { roleId: '1', userIds: [] }],
    ['assignRole naming a user twice', q.assign, { roleId: '1', userIds: ['a@example.com', 'A@example.com'] }],
    ['assignRole with a path in the role id', q.assign, { roleId: '../users', userIds: ['a@example.com'] }],
    ['assignRole with a path as a user', q.assign, { roleId: '1', userIds: ['../../x'] }],
    ['createUser with a malformed email', q.create, { input: { email: 'not-an-email', type: 'BASIC' } }],
    ['createUser with an email and a query', q.create, { input: { email: 'a@example.com?x=1', type: 'BASIC' } }],
    ['createUser with an over-long first name', q.create, { input: { email: 'ok@example.com', type: 'BASIC', firstName: 'x'.repeat(65) } }],
    ['emailInUse with a malformed email', q.email, { email: 'nope' }],
    ['updateUser changing nothing', q.update, { id: 'someone@example.com', input: {} }],
    ['updateUser with a bad time zone', q.update, { id: 'someone@example.com', input: { timezone: 'Mars/Olympus' } }],
    ['updateUser with a path as id', q.update, { id: '..', input: { dept: 'x' } }],
    ['updateUserSettings changing nothing', q.settings, { id: 'someone@example.com', input: { inMeeting: { chat: null } } }],
    ['deleteUser transferring to a malformed email', q.remove, { id: 'someone@example.com', transfer: { toEmail: 'nope' } }],
    ['deleteUser of "me"', q.remove, { id: 'me' }],
  ];

  it.each(bad)('%s → BAD_USER_INPUT before any Zoom call', async (_name, query, vars) => {
    const r = await h.gql(query, vars, asAdmin);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(restCalls()).toBe(0);
  });
});

describe("Zoom's limits", () => {
  const { track } = stopAfterEach();

  it('a 429 on a settings change is ZOOM_RATE_LIMITED with retryAfterSeconds', async () => {
    const g = track(await startHarness());
    g.fake.knobs.fail({
      route: 'users.updateSettings',
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { code: 429, message: 'You have reached the maximum daily rate limit for this API.' },
    });
    const r = await g.gql(q.settings, { id: 'me', input: { inMeeting: { chat: false } } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_RATE_LIMITED', retryAfterSeconds: 3600 });
    g.fake.knobs.fail({ route: 'users.create', status: 429, headers: { 'retry-after': '3600' } });
    const c = await g.gql(q.create, { input: { email: 'late@example.com', type: 'BASIC' } });
    expect(c.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_RATE_LIMITED', retryAfterSeconds: 3600 });
    expect(g.fake.state.findUser('late@example.com')).toBeUndefined();
  });

  it("past the plan's daily invitations Zoom answers 429 without Retry-After: ZOOM_RATE_LIMITED until 00:00 UTC, at once", async () => {
    const g = track(await startHarness({ fakeOptions: { plan: 'free' } }));
    g.fake.state.inviteQuota.set(g.fake.state.accountId, 49);
    expect((await g.gql(q.create, { input: { email: 'fiftieth@example.com', type: 'BASIC' } })).errors).toBeUndefined();
    const over = await g.gql(q.create, { input: { email: 'fifty-first@example.com', type: 'BASIC' } });
    const midnight = new Date(g.fake.clock.now());
    midnight.setUTCHours(24, 0, 0, 0);
    const untilMidnight = (midnight.getTime() - g.fake.clock.now()) / 1000;
    expect(over.errors?.[0]?.extensions?.code).toBe('ZOOM_RATE_LIMITED');
    expect(over.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(Math.floor(untilMidnight));
    expect(over.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil(untilMidnight) + 1);
    expect(over.errors?.[0]?.message).toMatch(/daily rate limit \(50\) of user invite requests/);
    // Users created without an invitation do not count against it.
    expect((await g.gql(q.create, { input: { email: 'auto@example.com', type: 'BASIC', action: 'AUTO_CREATE' } })).errors).toBeUndefined();
    expect(g.fake.hits('users.create')).toBe(3);
  });

  it('settings changes are paced as Medium under the Free plan: a burst causes no 429 at Zoom', async () => {
    const g = track(await startHarness({ fakeOptions: { rateLimits: true, plan: 'free' }, env: { ZOOM_RATE_LIMIT_PLAN: 'free' } }));
    const ids = g.fake.state.users
      .filter((u) => u.status === 'active')
      .slice(2, 6)
      .map((u) => u.id);
    const results = await Promise.all(ids.map((id) => g.gql(q.settings, { id, input: { inMeeting: { polling: true } } })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(g.fake.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(g.fake.hits('users.updateSettings')).toBe(4);
  });
});
