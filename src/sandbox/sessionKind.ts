import type { RouteName } from './routes.js';

/**
 * Meetings and webinars share Zoom's shape (SPEC23): a scheduled type, a recurring type with no
 * fixed time and one with a fixed time, each with its own numbers (meetings 2/3/8, webinars
 * 5/6/9). The fake keeps them in two collections and serves both with the same handlers.
 */
export interface SessionKind {
  collection: 'meetings' | 'webinars';
  /** Every type Zoom accepts in a create or update body. */
  types: readonly number[];
  scheduled: number;
  /** What webhook event names begin with: `meeting.created`, `webinar.created`. */
  eventPrefix: 'meeting' | 'webinar';
  /** What Zoom's messages call it: "Meeting 123 is not found…", "Webinar 123 …". */
  noun: 'Meeting' | 'Webinar';
}

export const MEETINGS: SessionKind = { collection: 'meetings', types: [1, 2, 3, 8], scheduled: 2, eventPrefix: 'meeting', noun: 'Meeting' };
export const WEBINARS: SessionKind = { collection: 'webinars', types: [5, 6, 9], scheduled: 5, eventPrefix: 'webinar', noun: 'Webinar' };

const FIXED_RECURRING = new Set([8, 9]);
const NO_FIXED_TIME = new Set([3, 6]);
const SCHEDULED = new Set([2, 5]);

/** Recurring with a fixed time: has occurrences. */
export const isFixedRecurring = (type: number): boolean => FIXED_RECURRING.has(type);
/** Recurring with no fixed time: has no start time. */
export const isNoFixedTime = (type: number): boolean => NO_FIXED_TIME.has(type);
/** Scheduled once or recurring with a fixed time: may take registration. */
export const isScheduled = (type: number): boolean => SCHEDULED.has(type) || FIXED_RECURRING.has(type);

export const kindOfType = (type: number): SessionKind => (WEBINARS.types.includes(type) ? WEBINARS : MEETINGS);
/** Which collection a route serves: the `webinars.*` routes webinars, every other one meetings. */
export const kindOfRoute = (route: RouteName): SessionKind => (route.startsWith('webinars.') ? WEBINARS : MEETINGS);
