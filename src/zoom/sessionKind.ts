import type { RateCategory } from './rateCategory.js';

type Operation =
  | 'list'
  | 'create'
  | 'get'
  | 'update'
  | 'delete'
  | 'status'
  | 'registrants'
  | 'addRegistrant'
  | 'registrantStatus'
  | 'pastInstances'
  | 'participants';

/**
 * Meetings and webinars are the same resources in Zoom's API under other paths (SPEC23):
 * `/meetings/{id}` and `/webinars/{id}`, `/past_meetings/…` and `/past_webinars/…`, with the same
 * bodies. The functions of meetings.ts, registrants.ts and pastMeetings.ts take the kind they
 * work on. Webinar numbers never equal meeting numbers, so both share the read cache's tags.
 */
export interface SessionKind {
  noun: 'meeting' | 'webinar';
  /** `/meetings/{id}`, `/users/{id}/meetings`, and the list answer's array. */
  collection: 'meetings' | 'webinars';
  past: 'past_meetings' | 'past_webinars';
  /** Route names (for metrics and logs) and rate-limit labels (SPEC23 "Rate Limit Label"). */
  ops: Record<Operation, { route: string; category: RateCategory }>;
}

const light = (route: string) => ({ route, category: 'light' as const });
const medium = (route: string) => ({ route, category: 'medium' as const });

export const MEETING: SessionKind = {
  noun: 'meeting',
  collection: 'meetings',
  past: 'past_meetings',
  ops: {
    list: medium('meetings.list'),
    create: medium('meetings.create'),
    get: light('meetings.get'),
    update: light('meetings.update'),
    delete: light('meetings.delete'),
    status: light('meetings.status'),
    registrants: medium('meetings.registrants'),
    addRegistrant: light('meetings.addRegistrant'),
    registrantStatus: medium('meetings.registrantStatus'),
    pastInstances: medium('past.instances'),
    participants: medium('past.participants'),
  },
};

export const WEBINAR: SessionKind = {
  noun: 'webinar',
  collection: 'webinars',
  past: 'past_webinars',
  ops: {
    list: medium('webinars.list'),
    create: light('webinars.create'),
    get: light('webinars.get'),
    update: light('webinars.update'),
    delete: light('webinars.delete'),
    status: light('webinars.status'),
    registrants: medium('webinars.registrants'),
    addRegistrant: light('webinars.addRegistrant'),
    registrantStatus: medium('webinars.registrantStatus'),
    pastInstances: light('webinars.pastInstances'),
    participants: medium('webinars.participants'),
  },
};
