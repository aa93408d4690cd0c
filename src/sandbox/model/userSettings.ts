/**
 * The part of "Get user settings" (USERS26 `GET /users/{userId}/settings`) the fake keeps per
 * user: the meeting defaults an admin console changes. Zoom has many more settings; the fake
 * answers with these sections only, each a subset of Zoom's.
 */
export interface ZoomUserSettings {
  schedule_meeting: {
    host_video: boolean;
    participants_video: boolean;
    join_before_host: boolean;
    require_password_for_scheduled_meetings: boolean;
    use_pmi_for_scheduled_meetings: boolean;
    audio_type: 'both' | 'telephony' | 'voip' | 'thirdParty';
  };
  in_meeting: {
    chat: boolean;
    private_chat: boolean;
    screen_sharing: boolean;
    waiting_room: boolean;
    breakout_room: boolean;
    co_host: boolean;
    polling: boolean;
    e2e_encryption: boolean;
  };
  recording: {
    local_recording: boolean;
    cloud_recording: boolean;
    auto_recording: 'local' | 'cloud' | 'none';
  };
}

export type SettingsSection = keyof ZoomUserSettings;

/** NOTE: defaults as USERS26 declares them where it does (`audio_type` voip, `auto_recording` local). */
export function defaultUserSettings(): ZoomUserSettings {
  return {
    schedule_meeting: {
      host_video: true,
      participants_video: true,
      join_before_host: false,
      require_password_for_scheduled_meetings: true,
      use_pmi_for_scheduled_meetings: false,
      audio_type: 'voip',
    },
    in_meeting: {
      chat: true,
      private_chat: true,
      screen_sharing: true,
      waiting_room: true,
      breakout_room: false,
      co_host: false,
      polling: false,
      e2e_encryption: false,
    },
    recording: { local_recording: true, cloud_recording: false, auto_recording: 'local' },
  };
}
