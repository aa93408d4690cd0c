import { GatewayError } from '../../errors.js';
import type { ZoomUserSettings } from '../../zoom/types.js';
import type { UserSettingsInput } from './userSettings.input.js';

/** Input field → Zoom's name, per section; a field not given is left out of the body. */
const NAMES = {
  scheduleMeeting: {
    zoom: 'schedule_meeting',
    fields: {
      hostVideo: 'host_video',
      participantsVideo: 'participants_video',
      joinBeforeHost: 'join_before_host',
      requirePasswordForScheduledMeetings: 'require_password_for_scheduled_meetings',
      usePmiForScheduledMeetings: 'use_pmi_for_scheduled_meetings',
      audioType: 'audio_type',
    },
  },
  inMeeting: {
    zoom: 'in_meeting',
    fields: {
      chat: 'chat',
      privateChat: 'private_chat',
      screenSharing: 'screen_sharing',
      waitingRoom: 'waiting_room',
      breakoutRoom: 'breakout_room',
      coHost: 'co_host',
      polling: 'polling',
      e2eEncryption: 'e2e_encryption',
    },
  },
  recording: {
    zoom: 'recording',
    fields: { localRecording: 'local_recording', cloudRecording: 'cloud_recording', autoRecording: 'auto_recording' },
  },
} as const;

/**
 * The PATCH body with exactly the fields the input gives (an explicit null counts as not given),
 * so Zoom keeps every other setting; an input that gives none is bad input, before any call.
 */
export function toSettingsBody(input: UserSettingsInput): ZoomUserSettings {
  const body: Record<string, Record<string, unknown>> = {};
  for (const [section, { zoom, fields }] of Object.entries(NAMES)) {
    const given = input[section as keyof typeof NAMES] as Record<string, unknown> | null | undefined;
    if (!given) continue;
    for (const [field, name] of Object.entries(fields)) {
      const value = given[field];
      if (value !== null && value !== undefined) (body[zoom] ??= {})[name] = value;
    }
  }
  if (Object.keys(body).length === 0) {
    throw new GatewayError('BAD_USER_INPUT', 'Invalid settings input: input must change at least one setting.', {
      argument: 'input',
      fields: ['input'],
    });
  }
  return body as ZoomUserSettings;
}
