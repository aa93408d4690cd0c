import { DateTime } from '../dateTime.js';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { ZoomMeeting, ZoomMeetingSettings } from '../../zoom/types.js';
import { known } from './known.js';
import { AutoRecording, MeetingAudio, RegistrationApproval } from './meetingSettings.enum.js';
import { MeetingStatus } from './meetingStatus.enum.js';
import { MeetingType } from './meetingType.enum.js';

const date = (v: string | undefined) => (v ? new Date(v) : null);

@ObjectType({ simpleResolvers: true, description: 'The meeting settings the gateway exposes (a subset of Zoom’s).' })
export class MeetingSettings {
  @Field(() => Boolean, { nullable: true })
  hostVideo!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  participantVideo!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  joinBeforeHost!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Minutes before the start participants may join: 0, 5 or 10.' })
  jbhTime!: number | null;

  @Field(() => Boolean, { nullable: true })
  muteUponEntry!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  waitingRoom!: boolean | null;

  @Field(() => RegistrationApproval, { nullable: true })
  approvalType!: RegistrationApproval | null;

  @Field(() => MeetingAudio, { nullable: true })
  audio!: MeetingAudio | null;

  @Field(() => AutoRecording, { nullable: true })
  autoRecording!: AutoRecording | null;

  @Field(() => String, { nullable: true, description: 'Semicolon-separated emails or user ids.' })
  alternativeHosts!: string | null;

  static from(s: ZoomMeetingSettings): MeetingSettings {
    return Object.assign(new MeetingSettings(), {
      hostVideo: s.host_video ?? null,
      participantVideo: s.participant_video ?? null,
      joinBeforeHost: s.join_before_host ?? null,
      jbhTime: s.jbh_time ?? null,
      muteUponEntry: s.mute_upon_entry ?? null,
      waitingRoom: s.waiting_room ?? null,
      approvalType: known(RegistrationApproval, s.approval_type),
      audio: known(MeetingAudio, s.audio),
      autoRecording: known(AutoRecording, s.auto_recording),
      alternativeHosts: s.alternative_hosts ?? null,
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A Zoom meeting. List results carry fewer fields than a single meeting.' })
export class Meeting {
  @Field(() => ID, { description: 'Meeting number: 9–11 digits, 64-bit, so an ID (string) — never store it in a 32-bit int.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'UUID of this meeting instance.' })
  uuid!: string | null;

  @Field(() => ID)
  hostId!: string;

  @Field(() => String, { nullable: true })
  hostEmail!: string | null;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => MeetingType, { nullable: true })
  type!: MeetingType | null;

  @Field(() => MeetingStatus, { nullable: true })
  status!: MeetingStatus | null;

  @Field(() => DateTime, { nullable: true, description: 'Absent for instant meetings.' })
  startTime!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes.' })
  duration!: number | null;

  @Field(() => String, { nullable: true })
  timezone!: string | null;

  @Field(() => String, { nullable: true, description: 'In lists Zoom truncates the agenda to 250 characters.' })
  agenda!: string | null;

  @Field(() => DateTime, { nullable: true })
  createdAt!: Date | null;

  @Field(() => String, { nullable: true })
  joinUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Passcode to join.' })
  password!: string | null;

  @Field(() => MeetingSettings, { nullable: true })
  settings!: MeetingSettings | null;

  /** Zoom's object, for field resolvers; a list item lacks `settings`, `recurrence` and `occurrences`. */
  zoom?: ZoomMeeting;

  static from(m: ZoomMeeting): Meeting {
    return Object.assign(new Meeting(), {
      zoom: m,
      id: String(m.id),
      uuid: m.uuid ?? null,
      hostId: m.host_id,
      hostEmail: m.host_email ?? null,
      topic: m.topic ?? null,
      type: known(MeetingType, m.type),
      status: known(MeetingStatus, m.status),
      startTime: date(m.start_time),
      duration: m.duration ?? null,
      timezone: m.timezone || null,
      agenda: m.agenda ?? null,
      createdAt: date(m.created_at),
      joinUrl: m.join_url ?? null,
      password: m.password ?? null,
      settings: m.settings ? MeetingSettings.from(m.settings) : null,
    });
  }
}
