import { describe, expect, it } from 'vitest';
import { api, s2sToken, startFake } from './helpers.js';

async function setup() {
  const fake = await startFake({ rateLimits: false });
  const token = await s2sToken(fake);
  const meeting = fake.state.addMeeting(fake.state.owner.id, {}, { topic: 'Reg', settings: { approval_type: 1 } });
  return { fake, token, meeting };
}

describe('fake Zoom: meeting registrants', () => {
  it('an email registers once: a second add answers the same registration, and the fourth in a day is 429', async () => {
    const { fake, token, meeting } = await setup();
    const add = () =>
      api<{ registrant_id: string; join_url: string }>(fake, token, `/meetings/${meeting.id}/registrants`, {
        method: 'POST',
        body: { email: 'Ada@Example.com', first_name: 'Ada' },
      });
    const a = await add();
    const b = await add();
    expect(a.status).toBe(201);
    expect(b.body.registrant_id).toBe(a.body.registrant_id);
    await add();
    const fourth = await add();
    expect(fourth.status).toBe(429);
    expect(fake.state.registrants.filter((r) => r.meeting_id === meeting.id)).toHaveLength(1);
  });

  it('manual approval: pending until approved; deny and cancel list as denied', async () => {
    const { fake, token, meeting } = await setup();
    for (const n of [1, 2, 3])
      await api(fake, token, `/meetings/${meeting.id}/registrants`, {
        method: 'POST',
        body: { email: `r${n}@example.com`, first_name: `R${n}` },
      });
    const ids = fake.state.registrants.filter((r) => r.meeting_id === meeting.id).map((r) => r.id);
    const put = (action: string, registrants: unknown[]) =>
      api(fake, token, `/meetings/${meeting.id}/registrants/status`, { method: 'PUT', body: { action, registrants } });
    expect((await put('approve', [{ id: ids[0] }, { email: 'R2@example.com' }])).status).toBe(204);
    expect((await put('deny', [{ id: ids[2] }])).status).toBe(204);
    expect((await put('cancel', [{ id: ids[1] }])).status).toBe(204);
    const count = async (status: string) =>
      (await api<{ total_records: number }>(fake, token, `/meetings/${meeting.id}/registrants?status=${status}`)).body.total_records;
    expect([await count('approved'), await count('pending'), await count('denied')]).toEqual([1, 0, 2]);
    expect((await put('approve', [{ id: 'unknown' }])).status).toBe(404);
    expect(
      (
        await put(
          'approve',
          Array.from({ length: 31 }, () => ({ id: ids[0] })),
        )
      ).status,
    ).toBe(400);
    expect((await put('maybe', [{ id: ids[0] }])).status).toBe(400);
  });

  it('a registrant’s status changes at most 10 times a day (429), counted per UTC day', async () => {
    const { fake, token, meeting } = await setup();
    await api(fake, token, `/meetings/${meeting.id}/registrants`, { method: 'POST', body: { email: 'flip@example.com', first_name: 'F' } });
    const id = fake.state.registrants.find((r) => r.meeting_id === meeting.id)!.id;
    const put = (action: string) =>
      api<{ message: string }>(fake, token, `/meetings/${meeting.id}/registrants/status`, {
        method: 'PUT',
        body: { action, registrants: [{ id }] },
      });
    for (let i = 0; i < 10; i++) expect((await put(i % 2 === 0 ? 'approve' : 'deny')).status).toBe(204);
    const limited = await put('approve');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toContain('flip@example.com');
    fake.clock.advance(86_400_000);
    const fresh = await s2sToken(fake);
    const next = await api(fake, fresh, `/meetings/${meeting.id}/registrants/status`, {
      method: 'PUT',
      body: { action: 'approve', registrants: [{ id }] },
    });
    expect(next.status).toBe(204);
  });

  it('pages with next_page_token bound to the meeting and status; bad input is 300', async () => {
    const { fake, token, meeting } = await setup();
    for (let n = 0; n < 5; n++)
      await api(fake, token, `/meetings/${meeting.id}/registrants`, {
        method: 'POST',
        body: { email: `p${n}@example.com`, first_name: 'P', auto_approve: true },
      });
    const first = await api<{ next_page_token: string; registrants: unknown[] }>(
      fake,
      token,
      `/meetings/${meeting.id}/registrants?page_size=2`,
    );
    expect(first.body.registrants).toHaveLength(2);
    const other = await api(
      fake,
      token,
      `/meetings/${meeting.id}/registrants?status=pending&next_page_token=${first.body.next_page_token}`,
    );
    expect(other.status).toBe(400);
    expect((await api(fake, token, `/meetings/${meeting.id}/registrants?status=all`)).status).toBe(400);
    const bad = await api<{ errors: Array<{ field: string }> }>(fake, token, `/meetings/${meeting.id}/registrants`, {
      method: 'POST',
      body: { email: 'not-an-email', first_name: '' },
    });
    expect(bad.body.errors.map((e) => e.field)).toEqual(['email', 'first_name']);
  });

  it('a user token reaches only its own meetings; deleting a meeting drops its registrants', async () => {
    const { fake, token, meeting } = await setup();
    await api(fake, token, `/meetings/${meeting.id}/registrants`, { method: 'POST', body: { email: 'x@example.com', first_name: 'X' } });
    const member = fake.state.users.find((u) => u.role_id === '2' && u.status === 'active')!;
    const userToken = fake.state.issueUserToken(member.id).accessToken;
    expect((await api(fake, userToken, `/meetings/${meeting.id}/registrants`)).status).toBe(400);
    expect((await api(fake, token, `/meetings/${meeting.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(fake.state.registrants.filter((r) => r.meeting_id === meeting.id)).toHaveLength(0);
  });

  it('occurrence_id on PATCH and DELETE must name an occurrence the meeting has', async () => {
    const { fake, token } = await setup();
    const weekly = fake.state.addMeeting(
      fake.state.owner.id,
      {},
      { type: 8, start: { wallMs: Date.UTC(2030, 0, 7, 9), isUtc: true }, recurrence: { type: 1, end_times: 2 } },
    );
    const occurrence = weekly.occurrences![1]!.occurrence_id;
    expect((await api(fake, token, `/meetings/${weekly.id}?occurrence_id=nope`, { method: 'PATCH', body: { duration: 5 } })).status).toBe(
      400,
    );
    expect((await api(fake, token, `/meetings/${weekly.id}?occurrence_id=${occurrence}`, { method: 'DELETE' })).status).toBe(204);
    // A deleted occurrence is gone for later writes, and the meeting itself stays.
    expect((await api(fake, token, `/meetings/${weekly.id}?occurrence_id=${occurrence}`, { method: 'DELETE' })).status).toBe(400);
    expect(fake.state.findMeeting(weekly.id)?.occurrences?.map((o) => o.status)).toEqual(['available', 'deleted']);
  });
});
