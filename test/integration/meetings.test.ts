import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';

const FIELDS = /* GraphQL */ `
  id uuid hostId hostEmail topic type status startTime duration timezone agenda password
  settings { hostVideo joinBeforeHost jbhTime muteUponEntry waitingRoom approvalType audio autoRecording alternativeHosts }
`;
const CREATE = `mutation ($userId: ID, $input: CreateMeetingInput!) { createMeeting(userId: $userId, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteMeeting(id: $id) }`;
const GET = `query ($id: ID!) { meeting(id: $id) { ${FIELDS} } }`;
const LIST = `query ($userId: ID, $first: Int, $after: String, $type: MeetingListType) {
  meetings(userId: $userId, first: $first, after: $after, type: $type) { totalCount pageInfo { hasNextPage endCursor } nodes { id topic hostId } }
}`;

interface MeetingData {
  id: string;
  uuid: string;
  hostId: string;
  hostEmail: string | null;
  topic: string;
  type: string;
  status: string | null;
  startTime: string | null;
  duration: number;
  timezone: string;
  agenda: string;
  password: string;
  settings: Record<string, unknown>;
}

const { track } = stopAfterEach();

describe('meeting CRUD end to end against the fake Zoom', () => {
  it('creates, reads, lists, updates and deletes a meeting; ids stay exact strings', async () => {
    const h = track(await startHarness());
    const owner = h.fake.state.owner;
    const input = {
      topic: 'Quarterly planning',
      type: 'SCHEDULED',
      // 09:30 in Berlin in May (UTC+2), as a DateTime names it.
      startTime: '2030-05-01T09:30:00+02:00',
      timezone: 'Europe/Berlin',
      duration: 45,
      password: 'a@B-_*9',
      agenda: 'Budget; hiring.',
      settings: {
        waitingRoom: true,
        jbhTime: 5,
        audio: 'VOIP',
        autoRecording: 'CLOUD',
        approvalType: 'NO_REGISTRATION',
        alternativeHosts: '',
      },
    };
    const created = await h.gql<{ createMeeting: MeetingData }>(CREATE, { input });
    expect(created.errors).toBeUndefined();
    const m = created.data!.createMeeting;
    // GATEWAY_AUTH=none has no Zoom user of its own: S2S `me` is the account owner.
    expect(m).toMatchObject({ hostId: owner.id, hostEmail: owner.email, topic: input.topic, type: 'SCHEDULED', status: 'WAITING' });
    expect(m.startTime).toBe('2030-05-01T07:30:00.000Z');
    expect(m).toMatchObject({ duration: 45, timezone: 'Europe/Berlin', password: 'a@B-_*9', agenda: 'Budget; hiring.' });
    expect(m.settings).toMatchObject({
      waitingRoom: true,
      jbhTime: 5,
      audio: 'VOIP',
      autoRecording: 'CLOUD',
      approvalType: 'NO_REGISTRATION',
    });
    expect(m.id).toMatch(/^\d{11}$/);
    expect(Number(m.id)).toBeGreaterThan(2 ** 32);
    expect(String(h.fake.state.findMeeting(m.id)?.id)).toBe(m.id);
    expect(h.fake.requests.find((r) => r.route === 'meetings.create')?.path).toBe('/v2/users/me/meetings');

    const read = await h.gql<{ meeting: MeetingData }>(GET, { id: m.id });
    expect(read.data?.meeting).toEqual(m);

    const listed = await h.gql<{ meetings: { nodes: Array<{ id: string; hostId: string }> } }>(LIST, { userId: owner.id, first: 300 });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.meetings.nodes.map((n) => n.id)).toContain(m.id);

    const updated = await h.gql<{ updateMeeting: MeetingData }>(UPDATE, {
      id: m.id,
      input: { topic: 'Renamed', settings: { muteUponEntry: true } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateMeeting).toMatchObject({ id: m.id, topic: 'Renamed', agenda: 'Budget; hiring.' });
    expect(updated.data!.updateMeeting.settings).toMatchObject({ muteUponEntry: true, waitingRoom: true });
    expect(h.fake.state.findMeeting(m.id)?.topic).toBe('Renamed');

    expect((await h.gql<{ deleteMeeting: boolean }>(DELETE, { id: m.id })).data?.deleteMeeting).toBe(true);
    expect(h.fake.state.findMeeting(m.id)).toBeUndefined();
    const gone = await h.gql<{ meeting: null }>(GET, { id: m.id });
    expect(gone.errors).toBeUndefined();
    expect(gone.data?.meeting).toBeNull();
    const again = await h.gql(DELETE, { id: m.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const patchGone = await h.gql(UPDATE, { id: m.id, input: { topic: 'x' } });
    expect(patchGone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('startTime is an instant: its own offset decides, not the meeting’s timezone, also across a DST change', async () => {
    const h = track(await startHarness());
    const cases: Array<[input: Record<string, unknown>, utc: string]> = [
      // 09:30 in New York for a meeting shown in Berlin: Zoom must not read 09:30 as Berlin time.
      [{ startTime: '2030-05-01T09:30:00-04:00', timezone: 'Europe/Berlin' }, '2030-05-01T13:30:00.000Z'],
      // Berlin in winter (UTC+1), the day before the clocks go forward, and in summer (UTC+2).
      [{ startTime: '2030-03-30T09:30:00+01:00', timezone: 'Europe/Berlin' }, '2030-03-30T08:30:00.000Z'],
      [{ startTime: '2030-03-31T09:30:00+02:00', timezone: 'Europe/Berlin' }, '2030-03-31T07:30:00.000Z'],
      // No timezone: the account's zone is only how Zoom shows it.
      [{ startTime: '2030-05-01T23:30:00Z' }, '2030-05-01T23:30:00.000Z'],
    ];
    for (const [input, utc] of cases) {
      const r = await h.gql<{ createMeeting: MeetingData }>(CREATE, { input: { topic: 'tz', ...input } });
      expect(r.errors, JSON.stringify(input)).toBeUndefined();
      expect(r.data!.createMeeting.startTime).toBe(utc);
      expect(h.fake.state.findMeeting(r.data!.createMeeting.id)?.start_time).toBe(utc.replace('.000Z', 'Z'));
    }
    const m = h.fake.state.seedMeetings(h.fake.state.owner.id, 1)[0]!;
    const moved = await h.gql<{ updateMeeting: MeetingData }>(UPDATE, {
      id: String(m.id),
      input: { startTime: '2030-12-24T18:00:00+05:30', timezone: 'Asia/Kolkata' },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateMeeting).toMatchObject({ startTime: '2030-12-24T12:30:00.000Z', timezone: 'Asia/Kolkata' });
  });

  it('creates for another user by id and lists that user’s meetings page by page', async () => {
    const h = track(await startHarness());
    const host = h.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
    h.fake.state.seedMeetings(host.id, 12);
    const created = await h.gql<{ createMeeting: MeetingData }>(CREATE, { userId: host.email, input: { topic: 'For a member' } });
    expect(created.data?.createMeeting.hostId).toBe(host.id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: {
        data?: {
          meetings: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            nodes: Array<{ id: string; hostId: string }>;
          };
        };
      } = await h.gql(LIST, { userId: host.id, first: 5, after });
      expect(r.data!.meetings.totalCount).toBe(13);
      expect(r.data!.meetings.nodes.every((n) => n.hostId === host.id)).toBe(true);
      seen.push(...r.data!.meetings.nodes.map((n) => n.id));
      after = r.data!.meetings.pageInfo.hasNextPage ? r.data!.meetings.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(13);
    expect(h.fake.hits('meetings.list')).toBe(3);
  });

  it('finds meetings by UUID, double-encoding UUIDs that start with / or contain //', async () => {
    const h = track(await startHarness());
    const owner = h.fake.state.owner;
    const leading = h.fake.state.addMeeting(owner.id, { uuid: '/ajXp112QmuoKj4854875==' });
    const inner = h.fake.state.addMeeting(owner.id, { uuid: 'aDYlohsH//Cd4ii1uC2+hA==' });
    const plain = h.fake.state.addMeeting(owner.id, { uuid: 'aDYlohsHRtCd4ii1uC2+hA==' });
    for (const m of [leading, inner, plain]) {
      const r = await h.gql<{ meeting: MeetingData | null }>(GET, { id: m.uuid });
      expect(r.errors).toBeUndefined();
      expect(r.data?.meeting?.id).toBe(String(m.id));
    }
    const paths = h.fake.requests.filter((r) => r.route === 'meetings.get').map((r) => r.path);
    expect(paths).toEqual([
      '/v2/meetings/%252FajXp112QmuoKj4854875%253D%253D',
      '/v2/meetings/aDYlohsH%252F%252FCd4ii1uC2%252BhA%253D%253D',
      '/v2/meetings/aDYlohsHRtCd4ii1uC2%2BhA%3D%3D',
    ]);
  });
});

describe('Zoom errors on meeting calls map to the contract codes', () => {
  it('3003 (not the host) → FORBIDDEN', async () => {
    const h = track(await startHarness());
    const m = h.fake.state.seedMeetings(h.fake.state.owner.id, 1)[0]!;
    h.fake.knobs.fail({ route: 'meetings.update', status: 400, body: { code: 3003, message: 'You are not the meeting host.' } });
    const r = await h.gql(UPDATE, { id: String(m.id), input: { topic: 'x' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    h.fake.knobs.fail({ route: 'meetings.delete', status: 400, body: { code: 3003, message: 'You are not the meeting host.' } });
    expect((await h.gql(DELETE, { id: String(m.id) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(h.fake.state.findMeeting(m.id)).toBeDefined();
  });

  it("the host's 100 create/update requests per day → ZOOM_RATE_LIMITED with retryAfterSeconds", async () => {
    // NOTE: this 429 carries no Retry-After; the limit resets at 00:00 UTC, so the gateway answers at once.
    const h = track(await startHarness());
    const owner = h.fake.state.owner;
    const m = h.fake.state.seedMeetings(owner.id, 1)[0]!;
    h.fake.state.meetingQuota.set(owner.id, 99);
    const last = await h.gql<{ createMeeting: MeetingData }>(CREATE, { input: { topic: 'the 100th' } });
    expect(last.errors).toBeUndefined();
    const over = await h.gql(CREATE, { input: { topic: 'the 101st' } });
    expect(over.errors?.[0]?.extensions?.code).toBe('ZOOM_RATE_LIMITED');
    const midnight = new Date(h.fake.clock.now());
    midnight.setUTCHours(24, 0, 0, 0);
    const untilMidnight = (midnight.getTime() - h.fake.clock.now()) / 1000;
    expect(over.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(Math.floor(untilMidnight));
    expect(over.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil(untilMidnight) + 1);
    expect(over.errors?.[0]?.message).toMatch(/daily rate limit \(100\)/);
    expect(h.fake.hits('meetings.create')).toBe(2);
    const patch = await h.gql(UPDATE, { id: String(m.id), input: { topic: 'x' } });
    expect(patch.errors?.[0]?.extensions?.code).toBe('ZOOM_RATE_LIMITED');
    // Another host has its own quota.
    const member = h.fake.state.users.find((u) => u.status === 'active' && u.id !== owner.id)!;
    expect((await h.gql(CREATE, { userId: member.id, input: { topic: 'fine' } })).errors).toBeUndefined();
  });

  it('an unknown user → NOT_FOUND on list and create', async () => {
    const h = track(await startHarness());
    const list = await h.gql(LIST, { userId: 'nobody@example.com' });
    expect(list.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const create = await h.gql(CREATE, { userId: 'nobody@example.com', input: { topic: 'x' } });
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
