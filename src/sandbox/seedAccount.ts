import { register } from './registration.js';
import type { FakeZoomState } from './state.js';

/**
 * Deterministic starting data: the owner (role "0", Licensed, active), an admin (role "1"), then
 * members with the default status mix. The owner gets three upcoming meetings, one of them with
 * a UUID that begins with `/` and another containing `//`, the two shapes that must be
 * double-encoded in paths (docs/zoom.md#meetings). The first of them was already held twice: a week ago,
 * recorded to the cloud, and yesterday, with an instance UUID that begins with `/`.
 * For a user administration console: two custom roles with a member each, and settings that
 * differ from the defaults for the owner and the first members. Webinars: the owner hosts an
 * upcoming one with two panelists and registrants (approved and pending), already held once
 * (a rehearsal three hours ago)
 * with absentees; the last active member has no Webinar plan.
 */
export function seedAccount(state: FakeZoomState, totalUsers: number): void {
  const owner = state.addUser({ role_id: '0', type: 2, status: 'active' });
  if (totalUsers >= 2) state.addUser({ role_id: '1', type: 2, status: 'active' });
  if (totalUsers > 2) state.seedUsers(totalUsers - 2);
  const [first, second, third] = state.seedMeetings(owner.id, 3);
  if (first) {
    const members = state.users
      .filter((u) => u.id !== owner.id && u.status === 'active')
      .slice(0, 3)
      .map((u) => u.id);
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date((Math.floor(state.clock.now() / day) - daysAgo) * day + 15 * 3_600_000).toISOString();
    state.addPastInstance(first.id, {
      startTime: at(7),
      durationMinutes: 45,
      participants: [...members, { name: 'Guest Caller' }],
      recording: true,
    });
    const latest = state.addPastInstance(first.id, { startTime: at(1), durationMinutes: 30, participants: members.slice(0, 1) });
    latest.uuid = `/${latest.uuid.slice(1)}`;
  }
  seedRolesAndSettings(state);
  seedWebinars(state);
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

/** Runs last, so the meetings, users and roles a seed gives stay what they were before webinars. */
function seedWebinars(state: FakeZoomState): void {
  const owner = state.owner;
  const day = 86_400_000;
  const start = (Math.floor(state.clock.now() / day) + 7) * day + 16 * 3_600_000;
  const webinar = state.addWebinar(
    owner.id,
    {},
    { topic: 'Product launch', start: { wallMs: start, isUtc: true }, duration: 60, settings: { approval_type: 1 } },
  );
  state.addPanelist(webinar, { email: 'ada.panel@example.com', name: 'Ada Panel' });
  state.addPanelist(webinar, { email: 'bo.panel@example.com', name: 'Bo Panel' });
  const members = state.users.filter((u) => u.id !== owner.id && u.status === 'active');
  const attendee = members[0];
  const who = [
    { email: attendee?.email ?? 'attendee@example.com', first_name: attendee?.first_name || 'Attendee', autoApprove: true },
    { email: 'absent@example.com', first_name: 'Absent', autoApprove: true },
    { email: 'waiting@example.com', first_name: 'Waiting' },
  ];
  for (const r of who) register(state, webinar, r);
  // Held three hours ago, so it is the account's latest ended instance and the meetings' keep their order.
  state.addPastInstance(webinar.id, {
    startTime: new Date(state.clock.now() - 3 * 3_600_000).toISOString(),
    durationMinutes: 60,
    participants: attendee ? [attendee.id] : 1,
  });
  state.addWebinar(
    owner.id,
    {},
    {
      topic: 'Town hall',
      type: 9,
      start: { wallMs: start + day, isUtc: true },
      duration: 45,
      recurrence: { type: 2, weekly_days: '3', end_times: 4 },
    },
  );
  const last = members.at(-1);
  if (last && members.length > 1) state.withoutWebinarPlan.add(last.id);
}
