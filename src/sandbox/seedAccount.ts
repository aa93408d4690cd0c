import type { FakeZoomState } from './state.js';

/**
 * Deterministic starting data: the owner (role "0", Licensed, active), an admin (role "1"), then
 * members with the default status mix. The owner gets three upcoming meetings, one of them with
 * a UUID that begins with `/` and another containing `//`, the two shapes that must be
 * double-encoded in paths (docs/zoom.md#meetings). The first of them was already held twice: a week ago,
 * recorded to the cloud, and yesterday, with an instance UUID that begins with `/`.
 */
export function seedAccount(state: FakeZoomState, totalUsers: number): void {
  const owner = state.addUser({ role_id: '0', type: 2, status: 'active' });
  if (totalUsers >= 2) state.addUser({ role_id: '1', type: 2, status: 'active' });
  if (totalUsers > 2) state.seedUsers(totalUsers - 2);
  const [first, second, third] = state.seedMeetings(owner.id, 3);
  if (first) {
    const members = state.users.filter((u) => u.id !== owner.id && u.status === 'active').slice(0, 3).map((u) => u.id);
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date((Math.floor(state.clock.now() / day) - daysAgo) * day + 15 * 3_600_000).toISOString();
    state.addPastInstance(first.id, { startTime: at(7), durationMinutes: 45, participants: [...members, { name: 'Guest Caller' }], recording: true });
    const latest = state.addPastInstance(first.id, { startTime: at(1), durationMinutes: 30, participants: members.slice(0, 1) });
    latest.uuid = `/${latest.uuid.slice(1)}`;
  }
  if (second) second.uuid = `/${second.uuid.slice(1)}`;
  if (third) third.uuid = `${third.uuid.slice(0, 5)}//${third.uuid.slice(7)}`;
}
