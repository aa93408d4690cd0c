import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/sandbox/index.js';
import { startFake } from './helpers.js';

describe('seeded data', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await startFake({ seed: { users: 25, seed: 7 } });
    const b = await startFake({ seed: { users: 25, seed: 7 } });
    const c = await startFake({ seed: { users: 25, seed: 8 } });
    const ids = (f: typeof a) => f.state.users.map((u) => [u.id, u.email, u.status, u.pmi]);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).not.toEqual(ids(c));
    expect(a.state.meetings.map((m) => m.id)).toEqual(b.state.meetings.map((m) => m.id));
  });

  it('has an owner, an admin and members with realistic fields', async () => {
    const fake = await startFake({ seed: { users: 25 } });
    const [owner, admin, ...members] = fake.state.users;
    expect(fake.state.users).toHaveLength(25);
    expect(owner).toMatchObject({ role_id: '0', role_name: 'Owner', type: 2, status: 'active', email: 'user1@example.com' });
    expect(admin).toMatchObject({ role_id: '1', role_name: 'Admin', status: 'active', email: 'user2@example.com' });
    // Every member is a plain member, but for two, who have the custom roles.
    expect(fake.state.roles.map((r) => r.name)).toEqual(['Owner', 'Admin', 'Member', 'Help desk', 'Billing']);
    const custom = fake.state.roles.slice(3).map((r) => r.id);
    expect(members.every((m) => m.role_id === '2' || custom.includes(m.role_id))).toBe(true);
    expect(custom.map((id) => fake.state.users.filter((u) => u.role_id === id).length)).toEqual([1, 1]);
    for (const u of fake.state.users) {
      expect(u.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(String(u.pmi)).toMatch(/^\d{10}$/);
      expect(u.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(fake.accountId).toBe('fakeAccount1');
  });

  it('seedUsers(1000) follows the status mix', async () => {
    const fake = await startFake({ seed: { users: 1 } });
    const added = fake.state.seedUsers(1000);
    const count = (s: string) => added.filter((u) => u.status === s).length;
    expect(count('active')).toBeGreaterThan(720);
    expect(count('inactive')).toBeGreaterThan(100);
    expect(count('pending')).toBeGreaterThan(20);
    expect(new Set(fake.state.users.map((u) => u.email)).size).toBe(1001);
  });

  it('uses the first S2S app account as the account id', async () => {
    const fake = await startFake({ s2sApps: [{ clientId: 'c', clientSecret: 's', accountId: 'acct-9' }] });
    expect(fake.accountId).toBe('acct-9');
    expect(fake.state.owner.account_id).toBe('acct-9');
  });
});

describe('FakeClock', () => {
  it('advances, sets and resets around real time', () => {
    const clock = new FakeClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5);
    clock.advance(60_000);
    expect(clock.now() - Date.now()).toBeGreaterThanOrEqual(59_990);
    clock.set(Date.UTC(2030, 0, 1));
    expect(Math.abs(clock.now() - Date.UTC(2030, 0, 1))).toBeLessThan(5);
    expect(clock.iso(Date.UTC(2030, 0, 1, 1, 2, 3))).toBe('2030-01-01T01:02:03Z');
    clock.reset();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5);
  });

  it('freezes: only advance/set move a frozen clock', async () => {
    const clock = new FakeClock();
    clock.freeze(Date.UTC(2030, 0, 1));
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
    clock.advance(1000);
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1, 0, 0, 1));
    clock.unfreeze();
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBeGreaterThan(Date.UTC(2030, 0, 1, 0, 0, 1));
    clock.reset();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5);
  });
});
