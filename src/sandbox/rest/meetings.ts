import { invalidField, REST, validationFailed, zoomError } from '../errors.js';
import { json, type Reply } from '../http.js';
import type { ZoomMeeting } from '../model/meeting.js';
import type { MeetingQuota } from '../meetingQuota.js';
import { parseJsonObject, validateMeetingBody } from './meetingValidation.js';
import { parseDay, withinDays } from './dates.js';
import { pageOf, readPage } from './paging.js';
import { MEETING_LIST_TYPES } from './params.js';
import type { RestContext } from './restContext.js';
import { resolveSubject } from './subject.js';
import { kindOfRoute, WEBINARS } from '../sessionKind.js';
import { meetingCreated, meetingListItem } from './views.js';

/** NOTE: message of 404/1001 on the meetings routes, per SPEC23's error table (docs/zoom.md#meetings). */
const userNotFound = (id: string): Reply => zoomError(404, 1001, `User ${id} not exist or not belong to this account.`);

/**
 * NOTE: SPEC23 documents 400 code 200 "Subscription plan for webinar is missing. Enable webinar
 * for this user once the subscription plan is added:{userId}." on the webinar routes.
 */
export const webinarPlanMissing = (userId: string): Reply =>
  zoomError(
    400,
    200,
    `Subscription plan for webinar is missing. Enable webinar for this user once the subscription plan is added:${userId}.`,
  );

export function dailyLimitReached(quota: MeetingQuota): Reply {
  return zoomError(
    429,
    429,
    `You have exceeded the daily rate limit (${quota.limit}) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.`,
  );
}

function endsAt(m: ZoomMeeting): number | undefined {
  return m.start_time === undefined ? undefined : Date.parse(m.start_time) + m.duration * 60_000;
}

/** NOTE: lists scheduled meetings only; instant meetings (type 1) are excluded (SPEC23). */
function matchesType(m: ZoomMeeting, type: string, now: number): boolean {
  const end = endsAt(m);
  switch (type) {
    case 'live':
      return m.status === 'started';
    case 'upcoming':
    case 'upcoming_meetings':
      return m.type !== 1 && (end === undefined || end >= now);
    case 'previous_meetings':
      return end !== undefined && end < now;
    default:
      return m.type !== 1;
  }
}

export function listMeetings(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '', userNotFound);
  if (!subject.ok) return subject.reply;
  const { state } = rc.ctx;
  if (rc.req.match.route === 'webinars.list') return listWebinars(rc, subject.user.id);
  const type = rc.req.query.type ?? 'scheduled';
  if (!(MEETING_LIST_TYPES as readonly string[]).includes(type)) return invalidField('type');
  // NOTE: SPEC23 names `from`/`to` (format: date) without saying more; the fake keeps meetings
  // starting on those UTC days or between them, so a meeting without a start time never matches.
  const { from: rawFrom, to: rawTo } = rc.req.query;
  const from = rawFrom === undefined ? -Infinity : parseDay(rawFrom);
  if (from === undefined) return invalidField('from');
  const to = rawTo === undefined ? Infinity : parseDay(rawTo);
  if (to === undefined) return invalidField('to');
  const dated = rawFrom !== undefined || rawTo !== undefined;
  const scope = `meetings.list|${subject.user.id}|${type}|${rawFrom ?? ''}|${rawTo ?? ''}`;
  const page = readPage(state, rc.req.query, scope);
  if ('status' in page) return page;
  const now = rc.ctx.clock.now();
  const mine = state.meetings.filter(
    (m) => m.host_id === subject.user.id && matchesType(m, type, now) && (!dated || withinDays(m.start_time, from, to)),
  );
  const { items, meta } = pageOf(state, mine, page, scope);
  return json(200, {
    page_size: meta.page_size,
    total_records: meta.total_records,
    next_page_token: meta.next_page_token,
    page_count: meta.page_count,
    page_number: meta.page_number,
    meetings: items.map(meetingListItem),
  });
}

/** `POST /users/{userId}/meetings` → 201 with the created meeting. */
export function createMeeting(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '', userNotFound);
  if (!subject.ok) return subject.reply;
  const { state } = rc.ctx;
  const kind = kindOfRoute(rc.req.match.route);
  if (kind === WEBINARS && state.withoutWebinarPlan.has(subject.user.id)) return webinarPlanMissing(subject.user.id);
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const { patch, errors } = validateMeetingBody(body, kind.types);
  if (errors.length > 0) return validationFailed(errors);
  let host = subject.user;
  if (patch.schedule_for !== undefined) {
    const other = state.findUser(patch.schedule_for);
    if (!other) return invalidField('schedule_for');
    host = other;
  }
  if (state.meetingQuota.exceeded(host.id)) return dailyLimitReached(state.meetingQuota);
  const meeting = state.addMeeting(host.id, {}, patch, kind);
  state.meetingQuota.record(host.id);
  rc.ctx.events.meetingCreated(meeting, rc.ctx.events.operatorOf(rc.principal.userId));
  return json(201, meetingCreated(meeting));
}

/** `GET /users/{userId}/webinars`: every webinar the user hosts (SPEC23 documents no type filter that matters here). */
function listWebinars(rc: RestContext, userId: string): Reply {
  const { state } = rc.ctx;
  if (state.withoutWebinarPlan.has(userId)) return webinarPlanMissing(userId);
  const scope = `webinars.list|${userId}`;
  const page = readPage(state, rc.req.query, scope);
  if ('status' in page) return page;
  const { items, meta } = pageOf(
    state,
    state.webinars.filter((w) => w.host_id === userId),
    page,
    scope,
  );
  return json(200, { ...meta, webinars: items.map(meetingListItem) });
}
