import { describe, expect, it } from 'vitest';
import { api, s2sToken, startFake } from './helpers.js';

interface MeetingList {
  page_size: number;
  total_records: number;
  next_page_token: string;
  meetings: Array<{ id: number; uuid: string; agenda?: string; topic: string }>;
}

describe('meetings CRUD', () => {
  it('create 201 → get 200 → update 204 → get shows the change → delete 204 → 404/3001', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const host = fake.state.users[2]!;
    const created = await api(fake, token, `/users/${host.email}/meetings`, {
      method: 'POST',
      body: {
        topic: 'Planning',
        type: 2,
        start_time: '2030-05-01T09:30:00Z',
        duration: 45,
        password: 'a1@-_*',
        settings: { audio: 'voip', waiting_room: true },
      },
    });
    expect(created.status).toBe(201);
    const m = created.body as Record<string, unknown> & { id: number; uuid: string; settings: Record<string, unknown> };
    expect(m).toMatchObject({
      topic: 'Planning',
      type: 2,
      status: 'waiting',
      host_id: host.id,
      host_email: host.email,
      start_time: '2030-05-01T09:30:00Z',
      duration: 45,
      password: 'a1@-_*',
    });
    expect(m.settings).toMatchObject({ audio: 'voip', waiting_room: true, approval_type: 2, auto_recording: 'none' });
    expect(m.id).toBeGreaterThan(2 ** 32);
    expect(String(m.id)).toMatch(/^\d{11}$/);
    expect(m.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    const got = await api(fake, token, `/meetings/${m.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: m.id, uuid: m.uuid, topic: 'Planning', host_id: host.id });

    const updated = await api(fake, token, `/meetings/${m.id}`, {
      method: 'PATCH',
      body: { topic: 'Planning v2', settings: { mute_upon_entry: true } },
    });
    expect(updated.status).toBe(204);
    expect(updated.body).toBeUndefined();
    const after = await api(fake, token, `/meetings/${m.id}`);
    expect(after.body).toMatchObject({ topic: 'Planning v2', settings: { audio: 'voip', mute_upon_entry: true } });

    expect((await api(fake, token, `/meetings/${m.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await api(fake, token, `/meetings/${m.id}`)).toMatchObject({
      status: 404,
      body: { code: 3001, message: `Meeting ${m.id} is not found or has expired.` },
    });
    expect(await api(fake, token, `/meetings/${m.id}`, { method: 'DELETE' })).toMatchObject({ status: 404, body: { code: 3001 } });
  });

  it('converts a local start_time in the given timezone to GMT', async () => {
    const fake = await startFake();
    const res = await api(fake, await s2sToken(fake), '/users/me/meetings', {
      method: 'POST',
      body: { topic: 't', start_time: '2030-01-15T10:00:00', timezone: 'America/New_York' },
    });
    expect(res.body).toMatchObject({ start_time: '2030-01-15T15:00:00Z', timezone: 'America/New_York' });
  });

  it('404/1001 for an unknown host', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    expect((await api(fake, token, '/users/ghost/meetings')).body).toMatchObject({ code: 1001 });
    expect((await api(fake, token, '/users/ghost/meetings', { method: 'POST', body: {} })).status).toBe(404);
  });
});

describe('validation', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['topic over 200', { topic: 'x'.repeat(201) }, 'topic'],
    ['agenda over 2000', { agenda: 'x'.repeat(2001) }, 'agenda'],
    ['password over 10', { password: 'abcdefghijk' }, 'password'],
    ['password bad char', { password: 'abc!' }, 'password'],
    ['type 4', { type: 4 }, 'type'],
    ['start_time format', { start_time: '2030-01-01 10:00' }, 'start_time'],
    ['start_time date', { start_time: '2030-02-30T10:00:00Z' }, 'start_time'],
    ['negative duration', { duration: -1 }, 'duration'],
    ['timezone', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['settings enum', { settings: { audio: 'pigeon' } }, 'settings.audio'],
    ['settings jbh_time', { settings: { jbh_time: 7 } }, 'settings.jbh_time'],
    ['settings boolean', { settings: { host_video: 'yes' } }, 'settings.host_video'],
    ['recurrence type', { type: 8, recurrence: { type: 9 } }, 'recurrence.type'],
  ];
  it.each(cases)('%s → 400/300', async (_name, body, field) => {
    const fake = await startFake();
    const res = await api(fake, await s2sToken(fake), '/users/me/meetings', { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 300, message: 'Validation Failed.', errors: [{ field, message: 'Invalid field.' }] });
  });

  it('lists every invalid field; boundaries pass; PATCH validates too; bad JSON is 400', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const both = await api(fake, token, '/users/me/meetings', { method: 'POST', body: { topic: 5, duration: 'long' } });
    expect(both.body.errors).toEqual([
      { field: 'topic', message: 'Invalid field.' },
      { field: 'duration', message: 'Invalid field.' },
    ]);
    const edge = await api(fake, token, '/users/me/meetings', {
      method: 'POST',
      body: { topic: 'x'.repeat(200), agenda: 'y'.repeat(2000), password: 'abcdefghij', duration: 0 },
    });
    expect(edge.status).toBe(201);
    const id = (edge.body as { id: number }).id;
    expect((await api(fake, token, `/meetings/${id}`, { method: 'PATCH', body: { type: 5 } })).body.errors).toEqual([
      { field: 'type', message: 'Invalid field.' },
    ]);
    const badJson = await api(fake, token, '/users/me/meetings', { method: 'POST', rawBody: '{"topic":' });
    expect(badJson).toMatchObject({ status: 400, body: { code: 300 } });
  });

  it('list truncates the agenda to 250 characters', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    await api(fake, token, '/users/me/meetings', { method: 'POST', body: { topic: 'long', agenda: 'a'.repeat(600) } });
    const list = await api<MeetingList>(fake, token, '/users/me/meetings');
    expect(list.body.meetings.find((m) => m.topic === 'long')?.agenda).toHaveLength(250);
  });
});

describe('UUIDs in paths', () => {
  it('double-encoded `/…` and `…//…` UUIDs are found; single-encoded ones are 404/3001', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const lead = fake.state.addMeeting(fake.state.owner.id, { uuid: '/ajXp112QmuoKj4854875==' });
    const dbl = fake.state.addMeeting(fake.state.owner.id, { uuid: 'ab//cdXp112QmuoKj4854==' });
    const plain = fake.state.addMeeting(fake.state.owner.id, { uuid: 'aDYlohsHRtCd4ii1uC2+hA==' });
    const twice = (u: string) => encodeURIComponent(encodeURIComponent(u));
    expect(twice(lead.uuid)).toBe('%252FajXp112QmuoKj4854875%253D%253D');
    expect((await api(fake, token, `/meetings/${twice(lead.uuid)}`)).body.id).toBe(lead.id);
    expect((await api(fake, token, `/meetings/${twice(dbl.uuid)}`)).body.id).toBe(dbl.id);
    expect(await api(fake, token, `/meetings/${encodeURIComponent(lead.uuid)}`)).toMatchObject({
      status: 404,
      body: { code: 3001, message: 'Meeting does not exist: ajXp112QmuoKj4854875==.' },
    });
    expect((await api(fake, token, `/meetings/${encodeURIComponent(dbl.uuid)}`)).body).toMatchObject({
      code: 3001,
      message: 'Meeting does not exist: ab/cdXp112QmuoKj4854==.',
    });
    expect((await api(fake, token, `/meetings/${encodeURIComponent(plain.uuid)}`)).body.id).toBe(plain.id);
    expect((await api(fake, token, `/meetings/${twice(plain.uuid)}`)).body.id).toBe(plain.id);
    expect(fake.requests.at(-1)?.path).toBe(`/v2/meetings/${twice(plain.uuid)}`);
  });

  it('seeds the owner with UUIDs that need double-encoding', async () => {
    const fake = await startFake();
    const uuids = fake.state.meetings.filter((m) => m.host_id === fake.state.owner.id).map((m) => m.uuid);
    expect(uuids.some((u) => u.startsWith('/'))).toBe(true);
    expect(uuids.some((u) => u.includes('//'))).toBe(true);
  });
});

describe('user tokens and meetings', () => {
  it('reach only their own meetings', async () => {
    const fake = await startFake();
    const member = fake.state.users[2]!;
    const { accessToken } = fake.state.issueUserToken(member.id);
    const mine = fake.state.addMeeting(member.id);
    const owners = fake.state.meetings.find((m) => m.host_id === fake.state.owner.id)!;
    expect((await api(fake, accessToken, `/meetings/${mine.id}`)).status).toBe(200);
    expect(await api(fake, accessToken, `/meetings/${owners.id}`, { method: 'PATCH', body: { topic: 'x' } })).toMatchObject({
      status: 400,
      body: { code: 3003, message: 'You are not the meeting host.' },
    });
    expect((await api(fake, accessToken, `/meetings/${owners.id}`, { method: 'DELETE' })).body.code).toBe(3003);
    expect((await api(fake, accessToken, `/users/${fake.state.owner.id}/meetings`)).status).toBe(403);
    const list = await api<MeetingList>(fake, accessToken, '/users/me/meetings');
    expect(list.body.meetings.map((m) => m.id)).toEqual([mine.id]);
  });
});

describe('listing', () => {
  it('pages with next_page_token and filters by type', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const host = fake.state.users[2]!;
    fake.state.seedMeetings(host.id, 7);
    fake.state.addMeeting(host.id, {}, { type: 1 });
    fake.state.addMeeting(host.id, {}, { start: { wallMs: Date.now() - 10 * 86_400_000, isUtc: true } });
    const p1 = await api<MeetingList>(fake, token, `/users/${host.id}/meetings?page_size=5`);
    expect(p1.body).toMatchObject({ page_size: 5, total_records: 8 });
    const p2 = await api<MeetingList>(fake, token, `/users/${host.id}/meetings?page_size=5&next_page_token=${p1.body.next_page_token}`);
    expect(p2.body.meetings).toHaveLength(3);
    expect(p2.body.next_page_token).toBe('');
    expect((await api<MeetingList>(fake, token, `/users/${host.id}/meetings?type=upcoming`)).body.total_records).toBe(7);
    expect((await api<MeetingList>(fake, token, `/users/${host.id}/meetings?type=previous_meetings`)).body.total_records).toBe(1);
    expect((await api(fake, token, `/users/${host.id}/meetings?type=all`)).body.errors).toEqual([
      { field: 'type', message: 'Invalid field.' },
    ]);
  });
});

describe('per-user daily create/update limit', () => {
  it('allows 100 creates+updates per host per UTC day, then 429 until midnight', async () => {
    const fake = await startFake({ rateLimits: false });
    fake.clock.set(Date.UTC(2030, 3, 1, 23, 30, 0));
    const token = await s2sToken(fake);
    const host = fake.state.users[2]!;
    const first = await api<{ id: number }>(fake, token, `/users/${host.id}/meetings`, { method: 'POST', body: { topic: 'm' } });
    for (let i = 0; i < 98; i++) {
      const res = await api(fake, token, `/users/${host.id}/meetings`, { method: 'POST', body: { topic: `m${i}` } });
      expect(res.status).toBe(201);
    }
    expect((await api(fake, token, `/meetings/${first.body.id}`, { method: 'PATCH', body: { topic: 'edit' } })).status).toBe(204);
    expect(fake.state.meetingQuota.used(host.id)).toBe(100);
    const over = await api(fake, token, `/users/${host.id}/meetings`, { method: 'POST', body: { topic: 'over' } });
    expect(over).toMatchObject({
      status: 429,
      body: {
        code: 429,
        message:
          'You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.',
      },
    });
    expect((await api(fake, token, `/meetings/${first.body.id}`, { method: 'PATCH', body: { topic: 'x' } })).status).toBe(429);
    expect((await api(fake, token, '/users/me/meetings', { method: 'POST', body: { topic: 'other host' } })).status).toBe(201);
    fake.clock.set(Date.UTC(2030, 3, 2, 0, 0, 1));
    expect((await api(fake, token, `/users/${host.id}/meetings`, { method: 'POST', body: { topic: 'tomorrow' } })).status).toBe(201);
  });
});
