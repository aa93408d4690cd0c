import type { ZoomChange } from './changes.js';
import { isMeetingNumber } from './meetingId.js';

/**
 * Tags name what a cached Zoom answer depends on; a change bumps the tags it affects, and every
 * answer cached under an older version of one of its tags is never read again.
 *
 * A user can be addressed by id, by email, or (an account token's `me`) as the account owner,
 * and a change may name only some of these. So an answer addressed by id also carries the
 * class tag `*id` (bumped by a change that names no id), one by email `*email`, and the
 * owner's carries `*owner` (bumped by every change: which user is the owner is not known here).
 */
export type CacheTag = string;

/** `me` on an account token: Zoom answers as the account owner, whose id the gateway does not know. */
export const ACCOUNT_OWNER = Symbol('account owner');
export type UserAddress = string | typeof ACCOUNT_OWNER;

type Family = 'user' | 'settings' | 'meetinglists' | 'recordinglists';
type MeetingFamily = 'meeting' | 'past' | 'recordings';

/**
 * A meeting is addressed by number or by an instance UUID, and the gateway cannot tell which
 * number a UUID belongs to. So an answer addressed one way also carries that way's class tag
 * (`*number`, `*uuid`), and a change naming the meeting one way bumps the other way's class.
 */
function byMeeting(family: MeetingFamily, id: string): CacheTag[] {
  return [`${family}:${id}`, `${family}:${isMeetingNumber(id) ? '*number' : '*uuid'}`];
}

function changedMeeting(family: MeetingFamily, id: string): CacheTag[] {
  // An empty id (a create whose answer was lost) names no cached meeting.
  if (id === '') return [];
  return [`${family}:${id}`, `${family}:${isMeetingNumber(id) ? '*uuid' : '*number'}`];
}

function addressed(family: Family, address: UserAddress): CacheTag[] {
  if (address === ACCOUNT_OWNER) return [`${family}:*owner`];
  const value = address.toLowerCase();
  return [`${family}:${value}`, value.includes('@') ? `${family}:*email` : `${family}:*id`];
}

function changedUser(family: Family, id: string | undefined, email: string | undefined): CacheTag[] {
  return [
    id ? `${family}:${id.toLowerCase()}` : `${family}:*id`,
    email ? `${family}:${email.toLowerCase()}` : `${family}:*email`,
    `${family}:*owner`,
  ];
}

export const tags = {
  /** `GET /users`: any user change may add, drop or alter a row. */
  userLists: (): CacheTag[] => ['userlists'],
  /** `GET /users/{user}`. */
  user: (address: UserAddress): CacheTag[] => addressed('user', address),
  /** `GET /users/{user}/settings`: stale on any change to the user (a settings webhook is a user change). */
  settings: (address: UserAddress): CacheTag[] => addressed('settings', address),
  /** `GET /users/{user}/meetings`. */
  meetingList: (host: UserAddress): CacheTag[] => addressed('meetinglists', host),
  /** `GET /meetings/{id}`: a number, or an instance UUID. */
  meeting: (id: string): CacheTag[] => byMeeting('meeting', id),
  /** `GET /meetings/{number}/registrants`: stale on a registrant change and on any change to the meeting. */
  registrants: (meetingNumber: string): CacheTag[] => [...byMeeting('meeting', meetingNumber), `registrants:${meetingNumber}`],
  /** `GET /webinars/{number}/panelists`: stale on a panelist change and on any change to the webinar. */
  panelists: (webinarNumber: string): CacheTag[] => [...byMeeting('meeting', webinarNumber), `panelists:${webinarNumber}`],
  /** `GET /past_meetings/{id}/instances` and the participants of its instances: new ones appear when it ends. */
  pastMeeting: (meetingId: string): CacheTag[] => byMeeting('past', meetingId),
  /** `GET /meetings/{id}/recordings`. */
  recordings: (meetingId: string): CacheTag[] => byMeeting('recordings', meetingId),
  /** `GET /users/{user}/recordings`: only a transfer of a leaving user's data names it; else it lives for the TTL. */
  recordingList: (host: UserAddress): CacheTag[] => addressed('recordinglists', host),
};

/** Every tag a change makes stale. */
export function tagsOf(change: ZoomChange): CacheTag[] {
  switch (change.kind) {
    case 'meeting':
      return [
        ...changedMeeting('meeting', change.meetingId),
        // A meeting that ends gains an instance (with participants) and perhaps a recording.
        ...changedMeeting('past', change.meetingId),
        ...changedMeeting('recordings', change.meetingId),
        ...changedUser('meetinglists', change.hostId, change.hostEmail),
      ];
    case 'user':
      return ['userlists', ...changedUser('user', change.userId, change.email), ...changedUser('settings', change.userId, change.email)];
    case 'transfer':
      // Which meetings moved is not known here: every cached meeting, instance list and recording
      // addressed either way goes stale, with both users' lists.
      return [
        ...['meeting', 'past', 'recordings'].flatMap((f) => [`${f}:*number`, `${f}:*uuid`]),
        ...changedUser('meetinglists', change.userId, change.email),
        ...changedUser('meetinglists', undefined, change.toEmail),
        ...changedUser('recordinglists', change.userId, change.email),
        ...changedUser('recordinglists', undefined, change.toEmail),
      ];
    case 'registrants':
      return [`registrants:${change.meetingId}`];
    case 'panelists':
      return [`panelists:${change.webinarId}`];
    default:
      return assertNever(change);
  }
}

/** `meetinglists:abc` → `meetinglists`: a metric label that never carries an id or email. */
export const familyOf = (tag: CacheTag): string => tag.split(':', 1)[0] ?? 'unknown';

function assertNever(x: never): never {
  throw new Error(`unexpected change: ${JSON.stringify(x)}`);
}
