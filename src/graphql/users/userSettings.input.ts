import { Field, InputType } from 'type-graphql';
import { AutoRecording } from '../meetings/meetingSettings.enum.js';
import { AudioType } from './userSettings.type.js';

// The fields of UserSettings, all optional: only those given reach Zoom.

@InputType()
export class ScheduleMeetingSettingsInput {
  @Field(() => Boolean, { nullable: true })
  hostVideo?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  participantsVideo?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  joinBeforeHost?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  requirePasswordForScheduledMeetings?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  usePmiForScheduledMeetings?: boolean | null;

  @Field(() => AudioType, { nullable: true })
  audioType?: AudioType | null;
}

@InputType()
export class InMeetingSettingsInput {
  @Field(() => Boolean, { nullable: true })
  chat?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  privateChat?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  screenSharing?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  waitingRoom?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  breakoutRoom?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  coHost?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  polling?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  e2eEncryption?: boolean | null;
}

@InputType()
export class RecordingSettingsInput {
  @Field(() => Boolean, { nullable: true })
  localRecording?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  cloudRecording?: boolean | null;

  @Field(() => AutoRecording, { nullable: true })
  autoRecording?: AutoRecording | null;
}

@InputType({ description: 'Body of updateUserSettings: only the fields given change; at least one is required.' })
export class UserSettingsInput {
  @Field(() => ScheduleMeetingSettingsInput, { nullable: true })
  scheduleMeeting?: ScheduleMeetingSettingsInput | null;

  @Field(() => InMeetingSettingsInput, { nullable: true })
  inMeeting?: InMeetingSettingsInput | null;

  @Field(() => RecordingSettingsInput, { nullable: true })
  recording?: RecordingSettingsInput | null;
}
