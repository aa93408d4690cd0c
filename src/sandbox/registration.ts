import { toZoomIso } from './clock.js';
import type { ZoomMeeting } from './model/meeting.js';
import type { ZoomRegistrant } from './model/registrant.js';
import { isScheduled } from './sessionKind.js';
import type { FakeZoomState } from './state.js';

// Registration as the fake's REST routes and its registration page (the portal) share it.

/** NOTE: "a maximum limit of 4,999 registrants per meeting" (SPEC23 Add a meeting registrant). */
const MAX_REGISTRANTS = 4999;

/**
 * NOTE: registration is on when `approval_type` is 0 or 1, for scheduled and fixed-time recurring
 * meetings; recurring meetings with no fixed time (type 3) and instant ones take none.
 */
export const takesRegistration = (m: ZoomMeeting) => isScheduled(m.type) && m.settings.approval_type !== 2;

export const registrantsOf = (state: FakeZoomState, meeting: ZoomMeeting) => state.registrants.filter((r) => r.meeting_id === meeting.id);

export interface Registration {
  email: string;
  first_name: string;
  last_name?: string;
  autoApprove?: boolean;
  occurrenceIds?: string[];
}

/**
 * Registers `who` (REST, or the registration page through `fake.portal`): an email already
 * registered gets its registration back; undefined when the meeting is full.
 */
export function register(
  state: FakeZoomState,
  meeting: ZoomMeeting,
  who: Registration,
): { registrant: ZoomRegistrant; created: boolean } | undefined {
  const mine = registrantsOf(state, meeting);
  const existing = mine.find((r) => r.email.toLowerCase() === who.email.toLowerCase());
  if (existing) return { registrant: existing, created: false };
  if (mine.length >= MAX_REGISTRANTS) return undefined;
  const auto = meeting.settings.approval_type === 0 || who.autoApprove === true;
  const registrant: ZoomRegistrant = {
    meeting_id: meeting.id,
    id: state.prng.bytes(16).toString('base64url'),
    email: who.email,
    first_name: who.first_name,
    last_name: who.last_name ?? '',
    status: auto ? 'approved' : 'pending',
    create_time: toZoomIso(state.clock.now()),
    join_url: `${state.baseUrl}/w/${meeting.id}?tk=${state.prng.bytes(32).toString('base64url')}`,
    occurrence_ids: who.occurrenceIds ?? [],
  };
  state.registrants.push(registrant);
  return { registrant, created: true };
}
