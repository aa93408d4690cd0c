import { REST, validationFailed, zoomError } from '../errors.js';
import { kindOfRoute, WEBINARS } from '../sessionKind.js';
import { empty, json, type Reply } from '../http.js';
import { applyMeetingPatch, applyOccurrencePatch } from '../meetingFactory.js';
import type { Occurrence, ZoomMeeting } from '../model/meeting.js';
import { findMeetingByParam, type MeetingLookup } from './meetingId.js';
import { parseJsonObject, validateMeetingBody } from './meetingValidation.js';
import { dailyLimitReached, webinarPlanMissing } from './meetings.js';
import type { RestContext } from './restContext.js';
import { meetingDetail } from './views.js';

/**
 * S2S sees the whole account; a user token only the user's own meetings.
 * NOTE: SPEC23 words the 3003 message "You're not the meeting host." on the status routes.
 */
export function lookupMeeting(rc: RestContext, notHost: () => Reply = REST.notHost): MeetingLookup {
  const found = findMeetingByParam(rc.ctx.state, rc.req.match.param ?? '', kindOfRoute(rc.req.match.route));
  if (!found.ok) return found;
  if (rc.ctx.state.withoutWebinarPlan.has(found.meeting.host_id) && kindOfRoute(rc.req.match.route) === WEBINARS)
    return { ok: false, reply: webinarPlanMissing(found.meeting.host_id) };
  if (rc.principal.kind === 'user' && found.meeting.host_id !== rc.principal.userId) {
    return { ok: false, reply: notHost() };
  }
  return found;
}

export function getMeeting(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  return found.ok ? json(200, meetingDetail(found.meeting)) : found.reply;
}

/** `PATCH /meetings/{meetingId}` → 204; counts toward the host's 100/day. */
export function updateMeeting(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const { state } = rc.ctx;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const { patch, errors } = validateMeetingBody(body, kindOfRoute(rc.req.match.route).types);
  if (errors.length > 0) return validationFailed(errors);
  const { meeting } = found;
  const occurrence = occurrenceOf(rc, meeting);
  if (occurrence === null) return invalidOccurrence();
  if (state.meetingQuota.exceeded(meeting.host_id)) return dailyLimitReached(state.meetingQuota);
  const host = state.findUser(meeting.host_id) ?? state.owner;
  const before = structuredClone(meeting);
  if (occurrence) applyOccurrencePatch(meeting, occurrence, patch);
  else applyMeetingPatch(meeting, host, patch);
  state.meetingQuota.record(meeting.host_id);
  rc.ctx.events.meetingUpdated(before, meeting, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}

export function deleteMeeting(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const occurrence = occurrenceOf(rc, found.meeting);
  if (occurrence === null) return invalidOccurrence();
  if (occurrence) {
    occurrence.status = 'deleted';
    return empty(204);
  }
  rc.ctx.state.removeMeeting(found.meeting);
  rc.ctx.events.meetingDeleted(found.meeting, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}

/** NOTE: an unknown `occurrence_id` is 400/3000 "Invalid occurrence_id." (SPEC23 delete meeting). */
const invalidOccurrence = () => zoomError(400, 3000, 'Invalid occurrence_id.');

/** The `occurrence_id` query's occurrence; undefined when none is asked for, null when it is unknown. */
function occurrenceOf(rc: RestContext, meeting: ZoomMeeting): Occurrence | undefined | null {
  const id = rc.req.query.occurrence_id;
  if (id === undefined || id === '') return undefined;
  return meeting.occurrences?.find((o) => o.occurrence_id === id && o.status !== 'deleted') ?? null;
}
