import type { FakeZoomState } from './state.js';

/**
 * Deterministic starting data: the owner (role "0", Licensed, active), an admin (role "1"), then
 * members with the default status mix. The owner gets three upcoming meetings, one of them with
 * a UUID that begins with `/` and another containing `//`, the two shapes that must be
 * double-encoded in paths (ZOOM.md §6).
 */
export function seedAccount(state: FakeZoomState, totalUsers: number): void {
  const owner = state.addUser({ role_id: '0', type: 2, status: 'active' });
  if (totalUsers >= 2) state.addUser({ role_id: '1', type: 2, status: 'active' });
  if (totalUsers > 2) state.seedUsers(totalUsers - 2);
  const [, second, third] = state.seedMeetings(owner.id, 3);
  if (second) second.uuid = `/${second.uuid.slice(1)}`;
  if (third) third.uuid = `${third.uuid.slice(0, 5)}//${third.uuid.slice(7)}`;
}
