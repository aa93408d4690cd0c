import { describe, expect, it } from 'vitest';
import type { PastInstance } from '../../src/sandbox/index.js';
import { api, s2sToken, startFake } from './helpers.js';

type Obj = Record<string, unknown>;
const twice = (uuid: string) => encodeURIComponent(encodeURIComponent(uuid));

describe('past meetings, participants and cloud recordings', () => {
  it('the seeded owner meeting was held twice; instances list both, participants page with next_page_token', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    const token = await s2sToken(fake);
    const meeting = fake.state.meetings[0]!;
    const list = await api<{ meetings: Array<{ uuid: string; start_time: string }> }>(
      fake,
      token,
      `/past_meetings/${meeting.id}/instances`,
    );
    expect(list.status).toBe(200);
    expect(list.body.meetings).toHaveLength(2);
    const latest = list.body.meetings[1]!;
    expect(latest.uuid.startsWith('/')).toBe(true);

    // A UUID that begins with '/' must be double-encoded; single-encoded, Zoom drops the slash.
    expect(await api(fake, token, `/past_meetings/${encodeURIComponent(latest.uuid)}/participants`)).toMatchObject({
      status: 404,
      body: { code: 3001 },
    });
    const p = await api<{ participants: Obj[]; total_records: number }>(fake, token, `/past_meetings/${twice(latest.uuid)}/participants`);
    expect(p.status).toBe(200);
    expect(p.body.participants[0]).toMatchObject({ id: meeting.host_id, user_email: meeting.host_email });

    const first = fake.state.pastMeetings[0]!;
    const page1 = await api<{ participants: Obj[]; next_page_token: string; total_records: number }>(
      fake,
      token,
      `/past_meetings/${twice(first.uuid)}/participants?page_size=2`,
    );
    expect(page1.body).toMatchObject({ total_records: 5, page_size: 2 });
    expect(page1.body.next_page_token).not.toBe('');
    const page2 = await api<{ participants: Obj[] }>(
      fake,
      token,
      `/past_meetings/${twice(first.uuid)}/participants?page_size=2&next_page_token=${page1.body.next_page_token}`,
    );
    expect(page2.body.participants.map((x) => x.name)).not.toContain(page1.body.participants[0]!.name);
    // A page token belongs to its instance.
    expect(
      (await api(fake, token, `/past_meetings/${twice(latest.uuid)}/participants?next_page_token=${page1.body.next_page_token}`)).status,
    ).toBe(400);
    // A meeting number means its latest instance.
    const byNumber = await api<{ total_records: number }>(fake, token, `/past_meetings/${meeting.id}/participants`);
    expect(byNumber.body.total_records).toBe(fake.state.pastMeetings[1]!.participants.length);
  });

  it('unknown meetings and instances, a year-old instance, and a user token of someone else', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    const token = await s2sToken(fake);
    const meeting = fake.state.meetings[0]!;
    expect(await api(fake, token, '/past_meetings/12345678901/instances')).toMatchObject({
      status: 404,
      body: { code: 3001, message: 'Meeting not found.' },
    });
    expect(await api(fake, token, '/past_meetings/abcdefghijklmnopqrstuv%3D%3D/participants')).toMatchObject({
      status: 404,
      body: { code: 3001 },
    });
    const never = fake.state.meetings[1]!;
    expect(await api(fake, token, `/past_meetings/${never.id}/instances`)).toMatchObject({ status: 200, body: { meetings: [] } });
    const old = fake.state.addPastInstance(meeting.id, { startTime: new Date(fake.clock.now() - 400 * 86_400_000).toISOString() });
    expect(await api(fake, token, `/past_meetings/${twice(old.uuid)}/participants`)).toMatchObject({ status: 400, body: { code: 12702 } });
    const member = fake.state.users.find((u) => u.role_id === '2' && u.status === 'active')!;
    const userToken = fake.state.issueUserToken(member.id).accessToken;
    expect(await api(fake, userToken, `/past_meetings/${meeting.id}/instances`)).toMatchObject({ status: 400, body: { code: 3003 } });
    expect(await api(fake, userToken, `/past_meetings/${meeting.id}/participants`)).toMatchObject({ status: 400, body: { code: 300 } });
    expect(await api(fake, userToken, `/meetings/${meeting.id}/recordings`)).toMatchObject({ status: 404, body: { code: 3301 } });
    expect(await api(fake, userToken, `/users/${meeting.host_id}/recordings`)).toMatchObject({ status: 403 });
  });

  it('meeting recordings: files with types, sizes, play and download URLs; a meeting without one is 3301', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    const token = await s2sToken(fake);
    const meeting = fake.state.meetings[0]!;
    const rec = await api<{ recording_files: Obj[]; total_size: number; share_url: string; uuid: string }>(
      fake,
      token,
      `/meetings/${meeting.id}/recordings`,
    );
    expect(rec.status).toBe(200);
    expect(rec.body.uuid).toBe(fake.state.pastMeetings[0]!.uuid);
    expect(rec.body.recording_files.map((f) => f.file_type)).toEqual(['MP4', 'M4A', 'CHAT', 'CC']);
    expect(rec.body.total_size).toBe(rec.body.recording_files.reduce((n, f) => n + Number(f.file_size ?? 0), 0));
    expect(rec.body.recording_files[0]).toMatchObject({
      download_url: expect.stringContaining('/rec/download/'),
      play_url: expect.stringContaining('/rec/play/'),
    });
    expect(rec.body.recording_files[3]).not.toHaveProperty('play_url');
    expect(await api(fake, token, `/meetings/${fake.state.meetings[1]!.id}/recordings`)).toMatchObject({
      status: 404,
      body: { code: 3301 },
    });
  });

  it('user recordings: from/to are UTC days, both included; today by default; over a month is cut to the month before `to`', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    fake.clock.freeze(Date.UTC(2026, 5, 30, 12));
    const token = await s2sToken(fake);
    const meeting = fake.state.meetings[0]!;
    const held = (iso: string) => fake.state.addPastInstance(meeting.id, { startTime: iso, recording: true });
    held('2026-06-30T09:00:00Z');
    held('2026-06-01T23:30:00Z');
    held('2026-04-15T10:00:00Z');
    const list = (q: string) =>
      api<{ from: string; to: string; meetings: Array<{ start_time: string }>; total_records: number }>(
        fake,
        token,
        `/users/me/recordings${q}`,
      );
    expect((await list('')).body).toMatchObject({ from: '2026-06-30', to: '2026-07-01', total_records: 1 });
    expect((await list('?from=2026-06-01&to=2026-06-01')).body.meetings.map((m) => m.start_time)).toEqual(['2026-06-01T23:30:00Z']);
    const cut = await list('?from=2026-01-01&to=2026-06-30');
    expect(cut.body.from).toBe('2026-05-30');
    expect(cut.body.meetings.map((m) => m.start_time)).toEqual(['2026-06-30T09:00:00Z', '2026-06-01T23:30:00Z']);
    expect(await list('?from=2026-02-30')).toMatchObject({ status: 400, body: { code: 300 } });
    expect(await list('?from=2026-06-02&to=2026-06-01')).toMatchObject({ status: 400, body: { code: 300 } });
    expect(await api(fake, token, '/users/ghost/recordings')).toMatchObject({ status: 404, body: { code: 1001 } });
  });

  it('the admin route holds a meeting: participants by user or name, a recording, an awkward UUID', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    const meeting = fake.state.meetings[2]!;
    const member = fake.state.users[3]!;
    const res = await fetch(`${fake.url}/__fake/past-meetings`, {
      method: 'POST',
      body: JSON.stringify({
        meeting: String(meeting.id),
        uuid: 'ab//cdefghijklmnopqrst==',
        participants: [member.email, { name: 'Visitor' }],
        recording: true,
        durationMinutes: 20,
      }),
    });
    expect(res.status).toBe(200);
    const instance = (await res.json()) as PastInstance;
    expect(instance.participants.map((p) => p.name)).toEqual([
      fake.state.requireUser(meeting.host_id).display_name,
      member.display_name,
      'Visitor',
    ]);
    expect(instance.recording?.files.length).toBe(4);
    const token = await s2sToken(fake);
    expect((await api(fake, token, `/past_meetings/${twice(instance.uuid)}/participants`)).status).toBe(200);
    expect((await api(fake, token, `/meetings/${twice(instance.uuid)}/recordings`)).status).toBe(200);
    const bad = await fetch(`${fake.url}/__fake/past-meetings`, {
      method: 'POST',
      body: JSON.stringify({ meeting: meeting.id, participants: 'many' }),
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${fake.url}/__fake/past-meetings`, { method: 'POST', body: JSON.stringify({ meeting: 12345678901 }) });
    expect(unknown.status).toBe(400);
  });

  it('meetings list: from/to keep meetings starting on those UTC days', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    const token = await s2sToken(fake);
    const a = fake.state.meetings[0]! as { start_time: string };
    const b = fake.state.meetings[1]! as { start_time: string };
    const day = a.start_time.slice(0, 10);
    const list = await api<{ meetings: Array<{ start_time: string }> }>(fake, token, `/users/me/meetings?from=${day}&to=${day}`);
    expect(list.body.meetings.map((m) => m.start_time)).toEqual([a.start_time]);
    const both = await api<{ meetings: unknown[] }>(fake, token, `/users/me/meetings?from=${day}&to=${b.start_time.slice(0, 10)}`);
    expect(both.body.meetings).toHaveLength(2);
    expect(await api(fake, token, '/users/me/meetings?from=yesterday')).toMatchObject({ status: 400, body: { code: 300 } });
  });

  it('a download URL wants a token that may read the recording, as a Bearer header or ?access_token=', async () => {
    const fake = await startFake({ seed: { users: 8 } });
    const file = fake.state.pastMeetings[0]!.recording!.files[0]!;
    const host = fake.state.meetings[0]!.host_id;
    const member = fake.state.users.find((u) => u.role_id === '2' && u.status === 'active')!;
    const own = fake.state.issueUserToken(host).accessToken;
    const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });
    expect((await get(`${file.download_url}?access_token=${own}`)).status).toBe(200);
    expect((await get(file.download_url, { authorization: `Bearer ${own}` })).status).toBe(200);
    expect((await get(file.download_url, { authorization: `Bearer ${fake.state.issueS2SToken()}` })).status).toBe(200);
    expect((await get(file.download_url)).status).toBe(401);
    expect((await get(`${file.download_url}?access_token=${fake.state.issueUserToken(member.id).accessToken}`)).status).toBe(401);
    expect((await get(`${fake.url}/rec/download/nothing-here`)).status).toBe(404);
    // The REST API itself still refuses a token in the query string.
    expect((await get(`${fake.url}/v2/users/me?access_token=${own}`)).status).toBe(401);
  });
});
