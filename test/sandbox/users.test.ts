import { describe, expect, it } from 'vitest';
import { api, s2sToken, startFake } from './helpers.js';

interface UserList {
  next_page_token: string;
  page_count: number;
  page_number: number;
  page_size: number;
  total_records: number;
  users: Array<{ id?: string; email: string; status: string }>;
}

describe('GET /users', () => {
  it('pages 1,000 users at page_size 300: every user exactly once, last token ""', async () => {
    const fake = await startFake({ seed: { users: 2 }, rateLimits: false });
    fake.state.seedUsers(998, { statusMix: { active: 1, inactive: 0, pending: 0 } });
    const token = await s2sToken(fake);
    const seen: string[] = [];
    const pages: UserList[] = [];
    let next = '';
    do {
      const res = await api<UserList>(fake, token, `/users?page_size=300${next ? `&next_page_token=${next}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      seen.push(...res.body.users.map((u) => u.email));
      next = res.body.next_page_token;
    } while (next !== '');
    expect(pages.map((p) => p.users.length)).toEqual([300, 300, 300, 100]);
    expect(pages.map((p) => p.page_number)).toEqual([1, 2, 3, 4]);
    expect(pages[0]).toMatchObject({ page_count: 4, page_size: 300, total_records: 1000 });
    expect(pages[3]?.next_page_token).toBe('');
    expect(new Set(seen).size).toBe(1000);
    expect(seen.sort()).toEqual(fake.state.users.map((u) => u.email).sort());
  });

  it('filters by status (default active); pending users come without id', async () => {
    const fake = await startFake({ seed: { users: 2 } });
    fake.state.seedUsers(30, { statusMix: { active: 1, inactive: 1, pending: 1 } });
    const token = await s2sToken(fake);
    for (const status of ['active', 'inactive', 'pending'] as const) {
      const expected = fake.state.users.filter((u) => u.status === status).length;
      const res = await api<UserList>(fake, token, status === 'active' ? '/users?page_size=300' : `/users?status=${status}&page_size=300`);
      expect(res.body.total_records).toBe(expected);
      expect(res.body.users.every((u) => u.status === status)).toBe(true);
      expect(res.body.users.every((u) => (status === 'pending' ? u.id === undefined : typeof u.id === 'string'))).toBe(true);
    }
  });

  it('validates status and page_size; clamps page_size above 300; default 30', async () => {
    const fake = await startFake({ seed: { users: 40 } });
    const token = await s2sToken(fake);
    expect(await api(fake, token, '/users?status=deleted')).toMatchObject({
      status: 400,
      body: { code: 300, message: 'Validation Failed.', errors: [{ field: 'status', message: 'Invalid field.' }] },
    });
    for (const bad of ['0', '-1', 'abc', '2.5']) {
      const res = await api(fake, token, `/users?page_size=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'page_size', message: 'Invalid field.' }]);
    }
    expect((await api<UserList>(fake, token, '/users?page_size=5000')).body.page_size).toBe(300);
    expect((await api<UserList>(fake, token, '/users')).body.page_size).toBe(30);
  });

  it('page tokens expire after 15 minutes and are bound to their query', async () => {
    const fake = await startFake({ seed: { users: 40 } });
    const token = await s2sToken(fake);
    const first = await api<UserList>(fake, token, '/users?page_size=5');
    const next = first.body.next_page_token;
    expect(next).toMatch(/^[A-Za-z0-9]{35}$/);
    const wrongQuery = await api(fake, token, `/users?page_size=5&status=inactive&next_page_token=${next}`);
    expect(wrongQuery).toMatchObject({ status: 400, body: { code: 300, message: 'The next page token is invalid or expired.' } });
    fake.clock.advance(14 * 60_000);
    expect((await api<UserList>(fake, token, `/users?page_size=5&next_page_token=${next}`)).body.page_number).toBe(2);
    fake.clock.advance(60_000);
    const expired = await api(fake, token, `/users?page_size=5&next_page_token=${next}`);
    expect(expired).toMatchObject({ status: 400, body: { code: 300, message: 'The next page token is invalid or expired.' } });
  });

  it('needs an admin: a member user token is 403, the owner user token works', async () => {
    const fake = await startFake();
    const member = fake.state.users.find((u) => u.role_id === '2')!;
    expect((await api(fake, fake.state.issueUserToken(member.id).accessToken, '/users')).status).toBe(403);
    expect((await api(fake, fake.state.issueUserToken(fake.state.owner.id).accessToken, '/users')).status).toBe(200);
  });
});

describe('GET /users/{userId}', () => {
  it('finds by id, email and me and returns the extended fields', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const user = fake.state.users[4]!;
    const byId = await api(fake, token, `/users/${user.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      id: user.id,
      email: user.email,
      account_id: 'fakeAccount1',
      role_name: user.role_name,
      language: 'en-US',
    });
    expect(byId.body.host_key).toBeUndefined();
    expect((await api(fake, token, `/users/${encodeURIComponent(user.email)}`)).body.id).toBe(user.id);
    expect((await api(fake, token, '/users/me')).body.email).toBe(fake.state.owner.email);
  });

  it('404/1001 for an unknown user', async () => {
    const fake = await startFake();
    const res = await api(fake, await s2sToken(fake), '/users/nobody@example.com');
    expect(res).toMatchObject({ status: 404, body: { code: 1001, message: 'User does not exist: nobody@example.com.' } });
  });

  it('pending users report created_at as the time of the call', async () => {
    const fake = await startFake();
    const pending = fake.state.addUser({ status: 'pending' });
    fake.clock.set(Date.UTC(2030, 0, 2, 3, 4, 5));
    const res = await api(fake, await s2sToken(fake), `/users/${pending.email}`);
    expect(res.body.created_at).toBe('2030-01-02T03:04:05Z');
  });
});
