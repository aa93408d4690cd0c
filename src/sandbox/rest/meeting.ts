import { REST, validationFailed } from '../errors.js';
import { empty, json, type Reply } from '../http.js';
import { applyMeetingPatch } from '../meetingFactory.js';
import { findMeetingByParam, type MeetingLookup } from './meetingId.js';
import { parseJsonObject, validateMeetingBody } from './meetingValidation.js';
import { dailyLimitReached } from './meetings.js';
import type { RestContext } from './restContext.js';
import { meetingDetail } from './views.js';

/** S2S sees the whole account; a user token only the user's own meetings. */
function lookup(rc: RestContext): MeetingLookup {
  const found = findMeetingByParam(rc.ctx.state, rc.req.match.param ?? '');
  if (!found.ok) return found;
  if (rc.principal.kind === 'user' && found.meeting.host_id !== rc.principal.userId) {
    return { ok: false, reply: REST.notHost() };
  }
  return found;
}

export function getMeeting(rc: RestContext): Reply {
  const found = lookup(rc);
  return found.ok ? json(200, meetingDetail(found.meeting)) : found.reply;
}

/** `PATCH /meetings/{meetingId}` → 204; counts toward the host's 100/day. */
export function updateMeeting(rc: RestContext): Reply {
  const found = lookup(rc);
  if (!found.ok) return found.reply;
  const { state } = rc.ctx;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const { patch, errors } = validateMeetingBody(body);
  if (errors.length > 0) return validationFailed(errors);
  const { meeting } = found;
  if (state.meetingQuota.exceeded(meeting.host_id)) return dailyLimitReached(state.meetingQuota);
  const host = state.findUser(meeting.host_id) ?? state.owner;
  const before = structuredClone(meeting);
  applyMeetingPatch(meeting, host, patch);
  state.meetingQuota.record(meeting.host_id);
  rc.ctx.events.meetingUpdated(before, meeting, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}

export function deleteMeeting(rc: RestContext): Reply {
  const found = lookup(rc);
  if (!found.ok) return found.reply;
  rc.ctx.state.removeMeeting(found.meeting);
  rc.ctx.events.meetingDeleted(found.meeting, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}
