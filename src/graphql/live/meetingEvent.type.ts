import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ParticipantInfo } from '../../zoom/events.js';
import type { LiveEvent } from '../../live/liveEvent.js';
import { DateTime } from '../dateTime.js';

export enum MeetingEventKind {
  STARTED = 'STARTED',
  ENDED = 'ENDED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  PARTICIPANT_JOINED = 'PARTICIPANT_JOINED',
  PARTICIPANT_LEFT = 'PARTICIPANT_LEFT',
}

registerEnumType(MeetingEventKind, {
  name: 'MeetingEventKind',
  description:
    'From Zoom’s meeting.started, meeting.ended, meeting.updated, meeting.deleted, meeting.participant_joined and meeting.participant_left events.',
});

/** A time Zoom sent, or null when it is not one (never an error for the whole event). */
const time = (v: string | undefined): string | null => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);

@ObjectType({ simpleResolvers: true, description: 'Who joined or left, as Zoom’s event names them.' })
export class MeetingParticipant {
  @Field(() => String, { description: 'The display name in the meeting.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The Zoom user id; null for guests and users of other accounts.' })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: 'Zoom’s participant id within this meeting instance (`user_id` in the event).' })
  participantId!: string | null;

  @Field(() => String, { nullable: true, description: 'Zoom’s participant UUID, stable across rejoins of one instance.' })
  participantUuid!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => DateTime, { nullable: true })
  joinTime!: string | null;

  @Field(() => DateTime, { nullable: true })
  leaveTime!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the participant left, in Zoom’s words.' })
  leaveReason!: string | null;

  static from(p: ParticipantInfo): MeetingParticipant {
    return Object.assign(new MeetingParticipant(), {
      name: p.name,
      userId: p.zoomUserId ?? null,
      participantId: p.participantUserId ?? null,
      participantUuid: p.participantUuid ?? null,
      email: p.email ?? null,
      joinTime: time(p.joinTime),
      leaveTime: time(p.leaveTime),
      leaveReason: p.leaveReason ?? null,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'One Zoom event about a meeting, delivered to a subscription once.' })
export class MeetingEvent {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => MeetingEventKind)
  kind!: MeetingEventKind;

  @Field(() => Int, { description: 'Increases by one per event of this meeting, across every replica: a jump is a missed event.' })
  sequence!: number;

  @Field(() => DateTime, { description: 'When Zoom says the event happened (its event_ts).' })
  occurredAt!: string;

  @Field(() => ID, { nullable: true, description: 'The host’s Zoom user id, when the event names it.' })
  hostId!: string | null;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'STARTED: the start time; ENDED: the end time.' })
  at!: string | null;

  @Field(() => MeetingParticipant, { nullable: true, description: 'PARTICIPANT_JOINED and PARTICIPANT_LEFT only.' })
  participant!: MeetingParticipant | null;

  static from(e: LiveEvent): MeetingEvent {
    return Object.assign(new MeetingEvent(), {
      meetingId: e.meetingId,
      kind: e.kind as MeetingEventKind,
      sequence: e.sequence,
      occurredAt: new Date(e.occurredAt).toISOString(),
      hostId: e.hostId ?? null,
      topic: e.topic ?? null,
      at: time(e.at),
      participant: e.participant ? MeetingParticipant.from(e.participant) : null,
    });
  }
}
