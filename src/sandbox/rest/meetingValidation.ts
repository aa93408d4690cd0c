import type { FieldError } from '../errors.js';
import type { MeetingSettings, MeetingType, Recurrence, TrackingField } from '../model/meeting.js';
import { isTimeZone } from '../tz.js';
import {
  AGENDA_MAX,
  MEETING_TYPES,
  PASSWORD_PATTERN,
  RECURRENCE_ENUMS,
  SETTING_BOOLEANS,
  SETTING_ENUMS,
  SETTING_STRINGS,
  TOPIC_MAX,
} from './params.js';

/** A wall-clock start; `isUtc` when it ended in `Z`, else it is local to the meeting's timezone. */
export interface StartTime {
  wallMs: number;
  isUtc: boolean;
}

export interface MeetingPatch {
  topic?: string;
  type?: MeetingType;
  start?: StartTime;
  duration?: number;
  timezone?: string;
  agenda?: string;
  password?: string;
  settings?: MeetingSettings;
  recurrence?: Recurrence;
  tracking_fields?: TrackingField[];
  pre_schedule?: boolean;
  schedule_for?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** NOTE: `yyyy-MM-ddTHH:mm:ssZ` (GMT) or local `yyyy-MM-ddTHH:mm:ss` with `timezone` (docs/zoom.md#meetings). */
const START_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z)?$/;

export function parseStartTime(value: string): StartTime | undefined {
  const m = START_TIME.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wallMs);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return { wallMs, isUtc: m[7] === 'Z' };
}

function checkSettings(value: unknown, errors: FieldError[]): MeetingSettings | undefined {
  if (!isObj(value)) {
    errors.push({ field: 'settings', message: 'Invalid field.' });
    return undefined;
  }
  for (const [key, allowed] of Object.entries(SETTING_ENUMS)) {
    const v = value[key];
    if (v !== undefined && !(allowed as readonly unknown[]).includes(v))
      errors.push({ field: `settings.${key}`, message: 'Invalid field.' });
  }
  for (const key of SETTING_BOOLEANS) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean') errors.push({ field: `settings.${key}`, message: 'Invalid field.' });
  }
  for (const key of SETTING_STRINGS) {
    if (value[key] !== undefined && typeof value[key] !== 'string') errors.push({ field: `settings.${key}`, message: 'Invalid field.' });
  }
  return value as MeetingSettings;
}

function checkRecurrence(value: unknown, errors: FieldError[]): Recurrence | undefined {
  const bad = (field: string): undefined => {
    errors.push({ field: `recurrence.${field}`, message: 'Invalid field.' });
    return undefined;
  };
  if (!isObj(value)) return bad('type');
  for (const [key, allowed] of Object.entries(RECURRENCE_ENUMS)) {
    const v = value[key];
    if ((v !== undefined || key === 'type') && !(allowed as readonly unknown[]).includes(v)) return bad(key);
  }
  if (value.repeat_interval !== undefined && !(isInt(value.repeat_interval) && value.repeat_interval >= 1)) return bad('repeat_interval');
  if (value.end_times !== undefined && !(isInt(value.end_times) && value.end_times >= 1 && value.end_times <= 365)) return bad('end_times');
  if (value.monthly_day !== undefined && !(isInt(value.monthly_day) && value.monthly_day >= 1 && value.monthly_day <= 31))
    return bad('monthly_day');
  if (value.weekly_days !== undefined && !(typeof value.weekly_days === 'string' && /^[1-7](,[1-7])*$/.test(value.weekly_days)))
    return bad('weekly_days');
  if (value.end_date_time !== undefined && !(typeof value.end_date_time === 'string' && parseStartTime(value.end_date_time)?.isUtc))
    return bad('end_date_time');
  return value as unknown as Recurrence;
}

function checkTracking(value: unknown, errors: FieldError[]): TrackingField[] | undefined {
  const ok =
    Array.isArray(value) &&
    value.every((f) => isObj(f) && typeof f.field === 'string' && (f.value === undefined || typeof f.value === 'string'));
  if (!ok) errors.push({ field: 'tracking_fields', message: 'Invalid field.' });
  return ok ? (value as TrackingField[]) : undefined;
}

const isStr =
  (max: number) =>
  (v: unknown): boolean =>
    typeof v === 'string' && v.length <= max;

/** Validates a create/update body; collects every problem, like Zoom's `errors[]`. */
export function validateMeetingBody(body: Obj, types: readonly number[] = MEETING_TYPES): { patch: MeetingPatch; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const take = <T>(key: string, ok: (v: unknown) => boolean): T | undefined => {
    const v = body[key];
    if (v === undefined || ok(v)) return v as T | undefined;
    errors.push({ field: key, message: 'Invalid field.' });
    return undefined;
  };
  const startRaw = take<string>('start_time', (v) => typeof v === 'string' && parseStartTime(v) !== undefined);
  const patch: MeetingPatch = {
    topic: take('topic', isStr(TOPIC_MAX)),
    type: take('type', (v) => (types as readonly unknown[]).includes(v)),
    start: startRaw === undefined ? undefined : parseStartTime(startRaw),
    duration: take('duration', (v) => isInt(v) && v >= 0),
    timezone: take('timezone', (v) => typeof v === 'string' && isTimeZone(v)),
    agenda: take('agenda', isStr(AGENDA_MAX)),
    password: take('password', (v) => typeof v === 'string' && PASSWORD_PATTERN.test(v)),
    pre_schedule: take('pre_schedule', (v) => typeof v === 'boolean'),
    schedule_for: take('schedule_for', (v) => typeof v === 'string'),
    settings: body.settings === undefined ? undefined : checkSettings(body.settings, errors),
    recurrence: body.recurrence === undefined ? undefined : checkRecurrence(body.recurrence, errors),
    tracking_fields: body.tracking_fields === undefined ? undefined : checkTracking(body.tracking_fields, errors),
  };
  for (const key of Object.keys(patch) as (keyof MeetingPatch)[]) {
    if (patch[key] === undefined) delete patch[key];
  }
  return { patch, errors };
}

export function parseJsonObject(text: string): Obj | undefined {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return isObj(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
