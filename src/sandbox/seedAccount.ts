import type { FakeZoomState } from './state.js';

/**
 * Deterministic starting data: the owner (role "0", Licensed, active), an admin (role "1"), then
 * members with the default status mix. The owner gets three upcoming meetings, one of them with
 * a UUID that begins with `/` and another containing `//`, the two shapes that must be
 * double-encoded in paths (docs/zoom.md#meetings). The first of them was already held twice: a week ago,
 * recorded to the cloud, and yesterday, with an instance UUID that begins with `/`.
 * For a user administration console: two custom roles with a member each, and settings that
 * differ from the defaults for the owner and the first members.
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
  seedRolesAndSettings(state);
  if (second) second.uuid = `/${second.uuid.slice(1)}`;
  if (third) third.uuid = `${third.uuid.slice(0, 5)}//${third.uuid.slice(7)}`;
}

/** Fixed ids and values, so the rest of the seeded data stays as it was for a given seed. */
function seedRolesAndSettings(state: FakeZoomState): void {
  state.roles.push(
    { id: 'hd7Yc1pWSkq0rPq9v2mF3A', name: 'Help desk', description: 'Resets passwords and manages devices', type: 'common' },
    { id: 'bL2sQm8xT4eGv6Yw1nZk0Q', name: 'Billing', description: 'Sees invoices and plans', type: 'common' },
  );
  const members = state.users.filter((u) => u.role_id === '2' && u.status === 'active');
  const [helpDesk, billing] = state.roles.slice(3);
  // The last members, so the first ones stay plain members whatever the account's size.
  const [last, beforeLast] = [...members].reverse();
  if (members.length > 4 && last && helpDesk) Object.assign(last, { role_id: helpDesk.id, role_name: helpDesk.name });
  if (members.length > 4 && beforeLast && billing) Object.assign(beforeLast, { role_id: billing.id, role_name: billing.name });
  const owner = state.settingsOf(state.owner);
  owner.recording.cloud_recording = true;
  owner.recording.auto_recording = 'cloud';
  owner.in_meeting.breakout_room = true;
  owner.in_meeting.co_host = true;
  for (const [i, u] of members.slice(2, 6).entries()) {
    const s = state.settingsOf(u);
    s.schedule_meeting.join_before_host = i % 2 === 0;
    s.schedule_meeting.audio_type = i % 2 === 0 ? 'both' : 'voip';
    s.in_meeting.polling = i > 1;
  }
}
