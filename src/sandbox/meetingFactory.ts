import { toZoomIso, type FakeClock } from './clock.js';
import { meetingNumber, meetingUuid } from './ids.js';
import type { MeetingSettings, MeetingType, Occurrence, Recurrence, ZoomMeeting } from './model/meeting.js';
import { isFixedRecurring, isNoFixedTime, MEETINGS, type SessionKind } from './sessionKind.js';
import type { ZoomUser } from './model/user.js';
import type { Prng } from './random.js';
import type { MeetingPatch, StartTime } from './rest/meetingValidation.js';
import { zonedToUtc } from './tz.js';

export interface MeetingBuildContext {
  prng: Prng;
  clock: FakeClock;
  baseUrl: string;
  idTaken(id: number): boolean;
}

/** Settings a new meeting gets when the request leaves them out (SPEC23 defaults). */
export function defaultSettings(): MeetingSettings {
  return {
    host_video: false,
    participant_video: false,
    join_before_host: false,
    jbh_time: 0,
    mute_upon_entry: false,
    watermark: false,
    use_pmi: false,
    approval_type: 2,
    registration_type: 1,
    audio: 'both',
    auto_recording: 'none',
    alternative_hosts: '',
    waiting_room: false,
    meeting_authentication: false,
    encryption_type: 'enhanced_encryption',
    email_notification: true,
    alternative_hosts_email_notification: true,
    registrants_confirmation_email: true,
    registrants_email_notification: true,
    allow_multiple_devices: false,
    close_registration: false,
    focus_mode: false,
    private_meeting: false,
    show_share_button: false,
    host_save_video_order: false,
  };
}

function resolveStart(start: StartTime, timezone: string): string {
  return toZoomIso(start.isUtc ? start.wallMs : zonedToUtc(start.wallMs, timezone));
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** Occurrences of a fixed-time recurring meeting (type 8); simplified: interval steps only. */
export function occurrencesFor(startIso: string, duration: number, r: Recurrence): Occurrence[] {
  const interval = r.repeat_interval ?? 1;
  const until = r.end_date_time ? Date.parse(r.end_date_time) : Infinity;
  const count = Math.min(r.end_times ?? (until === Infinity ? 1 : 365), 365);
  const out: Occurrence[] = [];
  let t = Date.parse(startIso);
  while (out.length < count && t <= until) {
    out.push({ occurrence_id: String(t), start_time: toZoomIso(t), duration, status: 'available' });
    t = r.type === 3 ? addMonths(t, interval) : t + (r.type === 2 ? 7 : 1) * interval * 86_400_000;
  }
  return out;
}

function uniqueNumber(ctx: MeetingBuildContext): number {
  let id = meetingNumber(ctx.prng);
  while (ctx.idTaken(id)) id = meetingNumber(ctx.prng);
  return id;
}

function recomputeDerived(meeting: ZoomMeeting, host: ZoomUser): void {
  if (isFixedRecurring(meeting.type) && meeting.recurrence && meeting.start_time) {
    meeting.occurrences = occurrencesFor(meeting.start_time, meeting.duration, meeting.recurrence);
  } else {
    delete meeting.occurrences;
  }
  if (isNoFixedTime(meeting.type)) delete meeting.start_time;
  if (meeting.settings.use_pmi) meeting.pmi = String(host.pmi);
  else delete meeting.pmi;
}

export function buildMeeting(
  ctx: MeetingBuildContext,
  host: ZoomUser,
  patch: MeetingPatch,
  overrides: Partial<ZoomMeeting> = {},
  kind: SessionKind = MEETINGS,
): ZoomMeeting {
  const now = ctx.clock.now();
  const id = overrides.id ?? uniqueNumber(ctx);
  const type = patch.type ?? (kind.scheduled as MeetingType);
  const timezone = patch.timezone ?? host.timezone;
  const encrypted = ctx.prng.bytes(24).toString('base64url');
  const meeting: ZoomMeeting = {
    uuid: meetingUuid(ctx.prng),
    id,
    host_id: host.id,
    host_email: host.email,
    topic: patch.topic ?? `Zoom ${kind.noun}`,
    type,
    status: 'waiting',
    start_time: patch.start && type !== 1 ? resolveStart(patch.start, timezone) : toZoomIso(now),
    duration: patch.duration ?? 60,
    timezone,
    agenda: patch.agenda ?? '',
    created_at: toZoomIso(now),
    start_url: `${ctx.baseUrl}/s/${id}?zak=${ctx.prng.bytes(48).toString('base64url')}`,
    join_url: `${ctx.baseUrl}/j/${id}?pwd=${encrypted}`,
    password: patch.password ?? ctx.prng.bytes(6).toString('base64url').slice(0, 6),
    h323_password: ctx.prng.digits(6),
    pstn_password: ctx.prng.digits(6),
    encrypted_password: encrypted,
    pre_schedule: patch.pre_schedule ?? false,
    settings: { ...defaultSettings(), ...patch.settings },
    ...(patch.recurrence ? { recurrence: patch.recurrence } : {}),
    ...(patch.tracking_fields ? { tracking_fields: patch.tracking_fields } : {}),
    ...overrides,
  };
  recomputeDerived(meeting, host);
  return meeting;
}

/** PATCH semantics: given fields replace, settings merge key by key. */
export function applyMeetingPatch(meeting: ZoomMeeting, host: ZoomUser, patch: MeetingPatch): void {
  if (patch.topic !== undefined) meeting.topic = patch.topic;
  if (patch.type !== undefined) meeting.type = patch.type;
  if (patch.timezone !== undefined) meeting.timezone = patch.timezone;
  if (patch.start !== undefined) meeting.start_time = resolveStart(patch.start, meeting.timezone);
  if (patch.duration !== undefined) meeting.duration = patch.duration;
  if (patch.agenda !== undefined) meeting.agenda = patch.agenda;
  if (patch.password !== undefined) meeting.password = patch.password;
  if (patch.pre_schedule !== undefined) meeting.pre_schedule = patch.pre_schedule;
  if (patch.settings !== undefined) meeting.settings = { ...meeting.settings, ...patch.settings };
  if (patch.recurrence !== undefined) meeting.recurrence = patch.recurrence;
  if (patch.tracking_fields !== undefined) meeting.tracking_fields = patch.tracking_fields;
  recomputeDerived(meeting, host);
}

/**
 * NOTE: with `occurrence_id` Zoom changes "agenda, start_time, duration, settings" of that
 * occurrence only (SPEC23 PATCH parameter). The fake keeps start and duration per occurrence;
 * agenda and settings, which it stores once per meeting, apply to the meeting.
 */
export function applyOccurrencePatch(meeting: ZoomMeeting, occurrence: Occurrence, patch: MeetingPatch): void {
  if (patch.start !== undefined) occurrence.start_time = resolveStart(patch.start, meeting.timezone);
  if (patch.duration !== undefined) occurrence.duration = patch.duration;
  if (patch.agenda !== undefined) meeting.agenda = patch.agenda;
  if (patch.settings !== undefined) meeting.settings = { ...meeting.settings, ...patch.settings };
}
