import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { ZoomUserSettings } from '../../zoom/types.js';
import { known } from '../meetings/known.js';
import { AutoRecording } from '../meetings/meetingSettings.enum.js';

/** `schedule_meeting.audio_type` of a user's settings. */
export enum AudioType {
  BOTH = 'both',
  TELEPHONY = 'telephony',
  VOIP = 'voip',
  THIRD_PARTY = 'thirdParty',
}

registerEnumType(AudioType, { name: 'AudioType', description: 'How participants of the user’s meetings join the audio by default.' });

const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

@ObjectType({ simpleResolvers: true, description: 'Defaults for the meetings the user schedules.' })
export class ScheduleMeetingSettings {
  @Field(() => Boolean, { nullable: true })
  hostVideo!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  participantsVideo!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  joinBeforeHost!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  requirePasswordForScheduledMeetings!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  usePmiForScheduledMeetings!: boolean | null;

  @Field(() => AudioType, { nullable: true, description: 'Null for a value this schema does not know.' })
  audioType!: AudioType | null;
}

@ObjectType({ simpleResolvers: true, description: 'What the user’s meetings allow once they run.' })
export class InMeetingSettings {
  @Field(() => Boolean, { nullable: true })
  chat!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  privateChat!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  screenSharing!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  waitingRoom!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  breakoutRoom!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  coHost!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  polling!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  e2eEncryption!: boolean | null;
}

@ObjectType({ simpleResolvers: true })
export class RecordingSettings {
  @Field(() => Boolean, { nullable: true })
  localRecording!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  cloudRecording!: boolean | null;

  @Field(() => AutoRecording, { nullable: true, description: 'Null for a value this schema does not know.' })
  autoRecording!: AutoRecording | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A typed part of Zoom’s user settings; Zoom has many more, which this schema leaves out.',
})
export class UserSettings {
  @Field(() => ScheduleMeetingSettings, { nullable: true })
  scheduleMeeting!: ScheduleMeetingSettings | null;

  @Field(() => InMeetingSettings, { nullable: true })
  inMeeting!: InMeetingSettings | null;

  @Field(() => RecordingSettings, { nullable: true })
  recording!: RecordingSettings | null;

  static from(s: ZoomUserSettings): UserSettings {
    const sm = s.schedule_meeting;
    const im = s.in_meeting;
    const rec = s.recording;
    return {
      scheduleMeeting: sm
        ? {
            hostVideo: flag(sm.host_video),
            participantsVideo: flag(sm.participants_video),
            joinBeforeHost: flag(sm.join_before_host),
            requirePasswordForScheduledMeetings: flag(sm.require_password_for_scheduled_meetings),
            usePmiForScheduledMeetings: flag(sm.use_pmi_for_scheduled_meetings),
            audioType: known(AudioType, sm.audio_type),
          }
        : null,
      inMeeting: im
        ? {
            chat: flag(im.chat),
            privateChat: flag(im.private_chat),
            screenSharing: flag(im.screen_sharing),
            waitingRoom: flag(im.waiting_room),
            breakoutRoom: flag(im.breakout_room),
            coHost: flag(im.co_host),
            polling: flag(im.polling),
            e2eEncryption: flag(im.e2e_encryption),
          }
        : null,
      recording: rec
        ? {
            localRecording: flag(rec.local_recording),
            cloudRecording: flag(rec.cloud_recording),
            autoRecording: known(AutoRecording, rec.auto_recording),
          }
        : null,
    };
  }
}
