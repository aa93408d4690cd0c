import type { FakeEvents } from './events.js';
import type { ZoomMeeting } from './model/meeting.js';
import type { UserStatus, ZoomUser } from './model/user.js';
import { revokeGrant } from './oauth/issue.js';
import type { ZoomRegistrant } from './model/registrant.js';
import { register, takesRegistration, type Registration } from './registration.js';
import type { FakeZoomState } from './state.js';

export type MeetingEdit = Partial<Pick<ZoomMeeting, 'topic' | 'agenda' | 'duration' | 'timezone' | 'start_time'>>;
export type UserEdit = Partial<Pick<ZoomUser, 'first_name' | 'last_name' | 'display_name' | 'dept' | 'job_title' | 'timezone'>>;

/**
 * Changes made "out of band", as an admin or user would in Zoom's web portal: no REST call of
 * the gateway's sees them, only the events they cause. The operator is the account owner unless
 * the user acts on itself (removing an app).
 */
export class FakePortal {
  constructor(
    private readonly state: FakeZoomState,
    private readonly events: FakeEvents,
  ) {}

  updateMeeting(idOrUuid: number | string, edit: MeetingEdit): ZoomMeeting {
    const meeting = this.meeting(idOrUuid);
    const before = structuredClone(meeting);
    Object.assign(meeting, edit);
    this.events.meetingUpdated(before, meeting, this.events.operatorOf(undefined));
    return meeting;
  }

  deleteMeeting(idOrUuid: number | string): void {
    const meeting = this.meeting(idOrUuid);
    this.state.removeMeeting(meeting);
    this.events.meetingDeleted(meeting, this.events.operatorOf(undefined));
  }

  /** Someone registers on the meeting's registration page: `meeting.registration_created`. */
  register(idOrUuid: number | string, who: Registration): ZoomRegistrant {
    const meeting = this.meeting(idOrUuid);
    if (!takesRegistration(meeting)) throw new Error(`fake meeting ${idOrUuid} takes no registration`);
    const done = register(this.state, meeting, who);
    if (!done) throw new Error(`fake meeting ${idOrUuid} is full`);
    if (done.created) this.events.registration('meeting.registration_created', meeting, done.registrant);
    return done.registrant;
  }

  updateUser(idOrEmail: string, edit: UserEdit): ZoomUser {
    const user = this.state.requireUser(idOrEmail);
    const before = structuredClone(user);
    Object.assign(user, edit);
    this.events.userUpdated(before, user, this.events.operatorOf(undefined));
    return user;
  }

  /** Deactivating also ends the user's ZAKs: a deactivated user cannot start meetings. */
  setUserStatus(idOrEmail: string, status: Exclude<UserStatus, 'pending'>): ZoomUser {
    const user = this.state.requireUser(idOrEmail);
    if (user.status === status) return user;
    user.status = status;
    if (status === 'inactive') for (const zak of this.state.zaks.values()) if (zak.userId === user.id) zak.invalidated = true;
    this.events.user(status === 'inactive' ? 'user.deactivated' : 'user.activated', user, this.events.operatorOf(undefined));
    return user;
  }

  /** Removes the user and their meetings; their grants end with them. */
  deleteUser(idOrEmail: string): void {
    const user = this.state.requireUser(idOrEmail);
    this.state.users.splice(this.state.users.indexOf(user), 1);
    for (const m of this.state.meetings.filter((x) => x.host_id === user.id)) this.state.removeMeeting(m);
    for (const grant of this.state.grants.values()) if (grant.userId === user.id) revokeGrant(this.state, grant);
    this.events.user('user.deleted', user, this.events.operatorOf(undefined));
  }

  /** The user removes the app in the Marketplace: its grants end and the app gets `app_deauthorized`. */
  removeApp(idOrEmail: string, clientId: string): void {
    const user = this.state.requireUser(idOrEmail);
    for (const grant of this.state.grants.values()) {
      if (grant.userId === user.id && grant.clientId === clientId && !grant.revoked) revokeGrant(this.state, grant);
    }
    this.events.appDeauthorized(user.id, clientId);
  }

  private meeting(idOrUuid: number | string): ZoomMeeting {
    const meeting = this.state.findMeeting(idOrUuid);
    if (!meeting) throw new Error(`no such fake meeting: ${idOrUuid}`);
    return meeting;
  }
}
