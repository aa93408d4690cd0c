import { isSelf } from '../../auth/policy.js';
import { isAdmin, type Principal } from '../../auth/principal.js';
import { forbidden } from '../../errors.js';
import type { ZoomMeeting } from '../../zoom/types.js';

/** Admins act on every meeting of the account; the user role only on meetings it hosts. */
export function canActOnMeeting(principal: Principal, meeting: Pick<ZoomMeeting, 'host_id' | 'host_email'>): boolean {
  if (isAdmin(principal)) return true;
  return isSelf(principal, meeting.host_id) || (meeting.host_email !== undefined && isSelf(principal, meeting.host_email));
}

export function assertCanActOnMeeting(principal: Principal, meeting: Pick<ZoomMeeting, 'host_id' | 'host_email'>, what: string): void {
  if (!canActOnMeeting(principal, meeting)) throw forbidden(`${what}: only the meeting's host or an admin may do this.`);
}
