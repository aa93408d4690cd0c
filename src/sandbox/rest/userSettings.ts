import { validationFailed, type FieldError } from '../errors.js';
import { REST } from '../errors.js';
import { empty, json, type Reply } from '../http.js';
import { defaultUserSettings, type SettingsSection, type ZoomUserSettings } from '../model/userSettings.js';
import { parseJsonObject } from './meetingValidation.js';
import { USER_SETTING_ENUMS } from './params.js';
import type { RestContext } from './restContext.js';
import { resolveSubject } from './subject.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SECTIONS = Object.keys(defaultUserSettings()) as SettingsSection[];

/** `GET /users/{userId}/settings`: the user's own settings; a member's token reads only its own. */
export function getUserSettings(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  return json(200, structuredClone(rc.ctx.state.settingsOf(subject.user)));
}

/**
 * `PATCH /users/{userId}/settings` → 204: only the fields given change. Settings the fake does
 * not keep are accepted and ignored, as Zoom ignores what it does not know; a known field with
 * a value of the wrong type is 300 "Validation Failed.".
 */
export function updateUserSettings(rc: RestContext): Reply {
  const subject = resolveSubject(rc, rc.req.match.param ?? '');
  if (!subject.ok) return subject.reply;
  const body = parseJsonObject(rc.req.body);
  if (!body) return REST.badJson();
  const settings = rc.ctx.state.settingsOf(subject.user);
  const defaults = defaultUserSettings();
  const errors: FieldError[] = [];
  const patch: Partial<Record<SettingsSection, Obj>> = {};
  for (const section of SECTIONS) {
    const given = body[section];
    if (given === undefined) continue;
    if (!isObj(given)) {
      errors.push({ field: section, message: 'Invalid field.' });
      continue;
    }
    const known = defaults[section] as Obj;
    for (const [key, value] of Object.entries(given)) {
      if (!(key in known)) continue;
      const allowed = (USER_SETTING_ENUMS as Record<string, readonly string[]>)[key];
      const ok = allowed ? allowed.includes(value as string) : typeof value === typeof known[key];
      if (!ok) errors.push({ field: `${section}.${key}`, message: 'Invalid field.' });
      else (patch[section] ??= {})[key] = value;
    }
  }
  if (errors.length > 0) return validationFailed(errors);
  for (const [section, values] of Object.entries(patch) as Array<[SettingsSection, Obj]>) Object.assign(settings[section], values);
  if (Object.keys(patch).length > 0)
    rc.ctx.events.userSettingsUpdated(subject.user, patch as Partial<ZoomUserSettings>, rc.ctx.events.operatorOf(rc.principal.userId));
  return empty(204);
}
