import { GatewayError } from '../../errors.js';
import type { ZoomMeetingBody, ZoomMeetingSettings, ZoomRecurrence } from '../../zoom/types.js';
import type { MeetingFieldsInput, MeetingSettingsInput, RecurrenceInput } from './meeting.input.js';
import { RecurrenceType } from './meetingSettings.enum.js';
import { MeetingType } from './meetingType.enum.js';

// Zoom's limits for create/update meeting (SPEC23 request body; docs/zoom.md#meetings).
const TOPIC_MAX = 200;
const AGENDA_MAX = 2000;
const PASSWORD = /^[a-zA-Z0-9@\-_*]{1,10}$/;
const JBH_TIMES = [0, 5, 10];
const MAX_INTERVAL: Record<RecurrenceType, number> = {
  [RecurrenceType.DAILY]: 90,
  [RecurrenceType.WEEKLY]: 12,
  [RecurrenceType.MONTHLY]: 3,
};
const MONTHLY_WEEKS = [-1, 1, 2, 3, 4];

type Problem = [field: string, message: string];
const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const chars = (s: string) => Array.from(s).length;

/**
 * Turns createMeeting/updateMeeting input into Zoom's body, or throws one BAD_USER_INPUT naming
 * every bad field — before any Zoom call, so bad input never spends the host's 100/day.
 */
export function toMeetingBody(input: MeetingFieldsInput, mode: 'create' | 'update'): ZoomMeetingBody {
  const problems: Problem[] = [];
  const body: ZoomMeetingBody = {};
  if (given(input.topic)) {
    if (chars(input.topic) > TOPIC_MAX) problems.push(['topic', `must be at most ${TOPIC_MAX} characters`]);
    body.topic = input.topic;
  }
  if (given(input.type)) {
    if (input.type === MeetingType.PERSONAL_MEETING_ROOM) problems.push(['type', 'PERSONAL_MEETING_ROOM cannot be created or set']);
    else body.type = input.type;
  }
  if (given(input.startTime)) {
    // NOTE: Zoom reads `yyyy-MM-ddTHH:mm:ssZ` as GMT whatever `timezone` says, and a time without
    // Z as local time in `timezone`; the DateTime scalar always names its offset, so the gateway
    // sends the instant in GMT and the meeting starts exactly when the client said.
    if (input.startTime.getUTCMilliseconds() !== 0) problems.push(['startTime', 'must be in whole seconds (Zoom keeps no fractions)']);
    body.start_time = zoomDateTime(input.startTime);
  }
  if (given(input.duration)) {
    if (input.duration < 1) problems.push(['duration', 'must be at least 1 minute']);
    body.duration = input.duration;
  }
  if (given(input.timezone)) {
    if (!isTimeZone(input.timezone)) problems.push(['timezone', 'must be an IANA time zone such as Europe/Berlin']);
    body.timezone = input.timezone;
  }
  if (given(input.password)) {
    if (!PASSWORD.test(input.password)) problems.push(['password', 'must be 1–10 characters of a-z A-Z 0-9 @ - _ *']);
    body.password = input.password;
  }
  if (given(input.agenda)) {
    if (chars(input.agenda) > AGENDA_MAX) problems.push(['agenda', `must be at most ${AGENDA_MAX} characters`]);
    body.agenda = input.agenda;
  }
  if (given(input.settings)) body.settings = toSettings(input.settings, problems);
  if (given(input.recurrence)) {
    if (given(input.type) && input.type !== MeetingType.RECURRING_FIXED_TIME) {
      problems.push(['recurrence', 'applies only to RECURRING_FIXED_TIME meetings']);
    }
    body.recurrence = toRecurrence(input.recurrence, problems);
  } else if (mode === 'create' && input.type === MeetingType.RECURRING_FIXED_TIME) {
    problems.push(['recurrence', 'is required for RECURRING_FIXED_TIME meetings']);
  }
  if (mode === 'update' && Object.keys(body).length === 0 && problems.length === 0) {
    problems.push(['', 'must change at least one field']);
  }
  if (problems.length > 0) throw invalid(problems);
  return body;
}

function toSettings(s: MeetingSettingsInput, problems: Problem[]): ZoomMeetingSettings {
  const out: ZoomMeetingSettings = {};
  if (given(s.hostVideo)) out.host_video = s.hostVideo;
  if (given(s.participantVideo)) out.participant_video = s.participantVideo;
  if (given(s.joinBeforeHost)) out.join_before_host = s.joinBeforeHost;
  if (given(s.jbhTime)) {
    if (!JBH_TIMES.includes(s.jbhTime)) problems.push(['settings.jbhTime', 'must be 0, 5 or 10']);
    out.jbh_time = s.jbhTime as 0 | 5 | 10;
  }
  if (given(s.muteUponEntry)) out.mute_upon_entry = s.muteUponEntry;
  if (given(s.waitingRoom)) out.waiting_room = s.waitingRoom;
  if (given(s.approvalType)) out.approval_type = s.approvalType;
  if (given(s.audio)) out.audio = s.audio;
  if (given(s.autoRecording)) out.auto_recording = s.autoRecording;
  if (given(s.alternativeHosts)) out.alternative_hosts = s.alternativeHosts;
  return out;
}

function toRecurrence(r: RecurrenceInput, problems: Problem[]): ZoomRecurrence {
  const out: ZoomRecurrence = { type: r.type };
  const bad = (field: string, message: string) => problems.push([`recurrence.${field}`, message]);
  if (given(r.repeatInterval)) {
    const max = MAX_INTERVAL[r.type];
    if (r.repeatInterval < 1 || r.repeatInterval > max) bad('repeatInterval', `must be from 1 to ${max} for ${RecurrenceType[r.type]}`);
    out.repeat_interval = r.repeatInterval;
  }
  if (given(r.weeklyDays)) {
    if (r.type !== RecurrenceType.WEEKLY) bad('weeklyDays', 'applies only to WEEKLY');
    if (r.weeklyDays.length === 0 || r.weeklyDays.some((d) => d < 1 || d > 7)) bad('weeklyDays', 'must list days from 1 (Sunday) to 7');
    out.weekly_days = [...new Set(r.weeklyDays)].join(',');
  }
  const monthly = [r.monthlyDay, r.monthlyWeek, r.monthlyWeekDay].some(given);
  if (monthly && r.type !== RecurrenceType.MONTHLY) bad('type', 'monthlyDay, monthlyWeek and monthlyWeekDay apply only to MONTHLY');
  if (given(r.monthlyDay)) {
    if (r.monthlyDay < 1 || r.monthlyDay > 31) bad('monthlyDay', 'must be from 1 to 31');
    out.monthly_day = r.monthlyDay;
  }
  if (given(r.monthlyWeek) !== given(r.monthlyWeekDay)) bad('monthlyWeek', 'monthlyWeek and monthlyWeekDay go together');
  if (given(r.monthlyWeek)) {
    if (!MONTHLY_WEEKS.includes(r.monthlyWeek)) bad('monthlyWeek', 'must be -1 (last week) or 1–4');
    out.monthly_week = r.monthlyWeek as ZoomRecurrence['monthly_week'];
  }
  if (given(r.monthlyWeekDay)) {
    if (r.monthlyWeekDay < 1 || r.monthlyWeekDay > 7) bad('monthlyWeekDay', 'must be from 1 (Sunday) to 7');
    out.monthly_week_day = r.monthlyWeekDay;
  }
  if (given(r.endTimes) && given(r.endDateTime)) bad('endTimes', 'endTimes and endDateTime exclude each other');
  if (given(r.endTimes)) {
    if (r.endTimes < 1 || r.endTimes > 365) bad('endTimes', 'must be from 1 to 365');
    out.end_times = r.endTimes;
  }
  if (given(r.endDateTime)) out.end_date_time = zoomDateTime(r.endDateTime);
  return out;
}

/** Zoom's GMT form, `yyyy-MM-ddTHH:mm:ssZ` (fractions of a second dropped). */
const zoomDateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function isTimeZone(v: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(v);
  } catch {
    return false;
  }
}

function invalid(problems: Problem[]): GatewayError {
  const fields = problems.map(([f]) => (f ? `input.${f}` : 'input'));
  const message = `Invalid meeting input: ${problems.map(([f, m]) => `${f || 'input'} ${m}`).join('; ')}.`;
  return new GatewayError('BAD_USER_INPUT', message, { argument: fields[0], fields });
}
