import { invalidField, REST } from '../errors.js';
import { empty, json, type Reply } from '../http.js';
import type { ZoomMeeting } from '../model/meeting.js';
import { lookupMeeting } from './meeting.js';
import { parseJsonObject } from './meetingValidation.js';
import { MEETING_STATUS_ACTIONS } from './params.js';
import type { RestContext } from './restContext.js';

/**
 * `PUT /meetings/{meetingId}/status` `{action: "end" | "recover"}` → 204. Ending puts a started
 * meeting back to `waiting`; the fake deletes meetings for good, so `recover` of an existing one
 * changes nothing.
 */
export function updateMeetingStatus(rc: RestContext): Reply {
  const found = lookupMeeting(rc, REST.notHostShort);
  if (!found.ok) return found.reply;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  if (typeof body.action !== 'string' || !(MEETING_STATUS_ACTIONS as readonly string[]).includes(body.action))
    return invalidField('action');
  if (body.action === 'end') found.meeting.status = 'waiting';
  return empty(204);
}

/** Meeting number as Zoom prints it in invitations: `835 1234 5678`. */
const spaced = (id: number) => String(id).replace(/^(\d{3})(\d{3,4})(\d{4})$/, '$1 $2 $3');

/** The invitation text Zoom's "Copy invitation" gives (CRLF line ends, as Zoom sends them). */
function invitationText(m: ZoomMeeting, hostName: string): string {
  const lines = [
    `${hostName} is inviting you to a scheduled Zoom meeting.`,
    '',
    `Topic: ${m.topic}`,
    ...(m.start_time && m.type !== 3 ? [`Time: ${m.start_time} ${m.timezone}`] : []),
    '',
    'Join Zoom Meeting',
    m.join_url,
    '',
    `Meeting ID: ${spaced(m.id)}`,
    ...(m.password ? [`Passcode: ${m.password}`] : []),
    '',
  ];
  return lines.join('\r\n');
}

/** `GET /meetings/{meetingId}/invitation` → 200 `{invitation, sip_links}`. */
export function getInvitation(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const host = rc.ctx.state.findUser(found.meeting.host_id);
  const name = host ? `${host.first_name} ${host.last_name}`.trim() || host.email : 'Zoom user';
  return json(200, { invitation: invitationText(found.meeting, name), sip_links: [`${found.meeting.id}@zoomcrc.com`] });
}
