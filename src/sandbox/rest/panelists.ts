import { invalidField, REST, zoomError } from '../errors.js';
import { empty, json, type Reply } from '../http.js';
import { toZoomIso } from '../clock.js';
import { lookupMeeting } from './meeting.js';
import { parseJsonObject } from './meetingValidation.js';
import type { RestContext } from './restContext.js';

/** NOTE: SPEC23 `POST /webinars/{webinarId}/panelists`: the `panelists` array holds at most 30. */
export const MAX_PANELISTS_PER_REQUEST = 30;
/** The fake's cap on a webinar's panelists; SPEC23 documents the refusal (400, code 3000) but no number. */
const MAX_PANELISTS = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `GET /webinars/{webinarId}/panelists` → 200 `{total_records, panelists}`. */
export function listPanelists(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const panelists = rc.ctx.state.panelists
    .filter((p) => p.webinar_id === found.meeting.id)
    .map(({ id, email, name, join_url }) => ({ id, email, name, join_url }));
  return json(200, { total_records: panelists.length, panelists });
}

/** `POST /webinars/{webinarId}/panelists` `{panelists: [{email, name}]}` → 201 `{id, updated_at}`. */
export function addPanelists(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const list = body.panelists;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PANELISTS_PER_REQUEST) return invalidField('panelists');
  const given: Array<{ email: string; name: string }> = [];
  for (const p of list as unknown[]) {
    const { email, name } = (p ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || !EMAIL.test(email) || typeof name !== 'string' || name.trim() === '') return invalidField('panelists');
    given.push({ email, name });
  }
  const { state } = rc.ctx;
  const have = state.panelists.filter((p) => p.webinar_id === found.meeting.id);
  const fresh = new Set(given.map((g) => g.email.toLowerCase()).filter((e) => !have.some((p) => p.email.toLowerCase() === e)));
  if (have.length + fresh.size > MAX_PANELISTS)
    return zoomError(
      400,
      3000,
      'You have reached the limit for the number of panelists you can add. Contact Zoom Support for more information.',
    );
  for (const g of given) state.addPanelist(found.meeting, g);
  return json(201, { id: String(found.meeting.id), updated_at: toZoomIso(state.clock.now()) });
}

/** `DELETE /webinars/{webinarId}/panelists/{panelistId}` → 204. */
export function removePanelist(rc: RestContext): Reply {
  const found = lookupMeeting(rc);
  if (!found.ok) return found.reply;
  const { panelists } = rc.ctx.state;
  const i = panelists.findIndex((p) => p.webinar_id === found.meeting.id && p.id === rc.req.match.sub);
  // NOTE: SPEC23 documents no code for an unknown panelist; the fake answers as for an unknown registrant.
  if (i === -1) return zoomError(404, 3001, 'Webinar or panelist not found.');
  panelists.splice(i, 1);
  return empty(204);
}
