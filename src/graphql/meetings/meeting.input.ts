import { DateTime } from '../dateTime.js';
import { Field, InputType, Int } from 'type-graphql';
import { AutoRecording, MeetingAudio, RecurrenceType, RegistrationApproval } from './meetingSettings.enum.js';
import { MeetingType } from './meetingType.enum.js';

// Mirrors the body of Zoom's create/update meeting (docs/zoom.md#meetings); limits are checked in
// meetingBody.ts before any Zoom call, so a bad value never costs a request or the daily quota.

@InputType({ description: 'Settings of create/update meeting; unset fields keep Zoom’s value.' })
export class MeetingSettingsInput {
  @Field(() => Boolean, { nullable: true })
  hostVideo?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  participantVideo?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  joinBeforeHost?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0, 5 or 10 minutes.' })
  jbhTime?: number | null;

  @Field(() => Boolean, { nullable: true })
  muteUponEntry?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  waitingRoom?: boolean | null;

  @Field(() => RegistrationApproval, { nullable: true })
  approvalType?: RegistrationApproval | null;

  @Field(() => MeetingAudio, { nullable: true })
  audio?: MeetingAudio | null;

  @Field(() => AutoRecording, { nullable: true })
  autoRecording?: AutoRecording | null;

  @Field(() => String, { nullable: true, description: 'Semicolon-separated emails or user ids.' })
  alternativeHosts?: string | null;
}

@InputType({ description: 'Recurrence of a RECURRING_FIXED_TIME meeting.' })
export class RecurrenceInput {
  @Field(() => RecurrenceType)
  type!: RecurrenceType;

  @Field(() => Int, { nullable: true, description: 'Every n days (≤ 90), weeks (≤ 12) or months (≤ 3).' })
  repeatInterval?: number | null;

  @Field(() => [Int], { nullable: true, description: 'WEEKLY: days of the week, 1 = Sunday … 7 = Saturday.' })
  weeklyDays?: number[] | null;

  @Field(() => Int, { nullable: true, description: 'MONTHLY: day of the month, 1–31.' })
  monthlyDay?: number | null;

  @Field(() => Int, { nullable: true, description: 'MONTHLY: week of the month, -1 (last) or 1–4; with monthlyWeekDay.' })
  monthlyWeek?: number | null;

  @Field(() => Int, { nullable: true, description: 'MONTHLY: 1 = Sunday … 7 = Saturday; with monthlyWeek.' })
  monthlyWeekDay?: number | null;

  @Field(() => Int, { nullable: true, description: '1–365 occurrences; not with endDateTime.' })
  endTimes?: number | null;

  @Field(() => DateTime, { nullable: true, description: 'Last occurrence; not with endTimes.' })
  endDateTime?: Date | null;
}

/** Fields shared by create and update; type-graphql copies them into both inputs. */
@InputType('MeetingFieldsInput')
export abstract class MeetingFieldsInput {
  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  topic?: string | null;

  @Field(() => MeetingType, {
    nullable: true,
    description: 'INSTANT, SCHEDULED (Zoom’s default), RECURRING_NO_FIXED_TIME or RECURRING_FIXED_TIME.',
  })
  type?: MeetingType | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'When the meeting starts, with Z or an offset (2030-05-01T09:30:00+02:00), in whole seconds. Zoom gets the instant in UTC; ' +
      '`timezone` (else the account’s) is the zone Zoom shows it in.',
  })
  startTime?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes, 1 or more.' })
  duration?: number | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: '1–10 characters of a-z A-Z 0-9 @ - _ *.' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  agenda?: string | null;

  @Field(() => MeetingSettingsInput, { nullable: true })
  settings?: MeetingSettingsInput | null;

  @Field(() => RecurrenceInput, { nullable: true })
  recurrence?: RecurrenceInput | null;
}

@InputType({ description: 'Body of createMeeting.' })
export class CreateMeetingInput extends MeetingFieldsInput {}

@InputType({ description: 'Body of updateMeeting: only the fields given change; at least one is required.' })
export class UpdateMeetingInput extends MeetingFieldsInput {}
