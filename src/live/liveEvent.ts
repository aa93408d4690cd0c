import type { MeetingEvent, ParticipantInfo } from '../zoom/events.js';

export type LiveEventKind = 'STARTED' | 'ENDED' | 'UPDATED' | 'DELETED' | 'PARTICIPANT_JOINED' | 'PARTICIPANT_LEFT' | 'USER';

/**
 * The stream account user events are ordered in, where meeting events name their meeting: one
 * sequence for the whole account. Not a meeting number, so no meeting subscription matches it.
 */
export const ACCOUNT_USERS = 'account-users';

/** A Zoom `user.*` event as `accountUserEvents` subscribers receive it. */
export interface UserEventInfo {
  /** Zoom's event name, e.g. `user.deactivated`. */
  type: string;
  userId?: string;
  email?: string;
}

/** The Zoom events subscribers receive, by the kind they are delivered as. */
const KINDS: Partial<Record<MeetingEvent, LiveEventKind>> = {
  'meeting.started': 'STARTED',
  'meeting.ended': 'ENDED',
  'meeting.updated': 'UPDATED',
  'meeting.deleted': 'DELETED',
  'meeting.participant_joined': 'PARTICIPANT_JOINED',
  'meeting.participant_left': 'PARTICIPANT_LEFT',
  'webinar.started': 'STARTED',
  'webinar.ended': 'ENDED',
  'webinar.updated': 'UPDATED',
  'webinar.deleted': 'DELETED',
  'webinar.participant_joined': 'PARTICIPANT_JOINED',
  'webinar.participant_left': 'PARTICIPANT_LEFT',
};

/** The kind a Zoom event is delivered as; undefined for one subscribers do not receive (`meeting.created`). */
export const liveKindOf = (event: MeetingEvent): LiveEventKind | undefined => KINDS[event];

/** One Zoom meeting event as every replica passes it on; `sequence` is assigned once, when it is published. */
export interface LiveEvent {
  /** The meeting number, or ACCOUNT_USERS for a user event: the stream `sequence` counts in. */
  meetingId: string;
  kind: LiveEventKind;
  /** Per meeting, shared by every replica: 1, 2, 3 … in publication order. */
  sequence: number;
  /** Zoom's `event_ts` (epoch ms); the receiving replica's clock when Zoom sent none. */
  occurredAt: number;
  /** The host's Zoom user id when the event names it. */
  hostId?: string;
  topic?: string;
  /** `start_time` of STARTED, `end_time` of ENDED. */
  at?: string;
  participant?: ParticipantInfo;
  /** USER events only. */
  user?: UserEventInfo;
  /** Set on a webinar's events: `meetingEvents` and `myMeetingEvents` carry meetings' only, `webinarEvents` webinars' only. */
  webinar?: true;
}

export type UnsequencedEvent = Omit<LiveEvent, 'sequence'>;

/** A delivery's claim, as SharedStore.claim takes it: the same keys in the same store. */
export interface DeliveryClaim {
  keys: readonly string[];
  ttlMs: number;
}

/** Where the webhook receiver hands each event, once per delivery (after its claim). */
export interface LiveEventSink {
  publish(event: UnsequencedEvent): Promise<void>;
  /**
   * Claims the delivery and, when this caller won every key, publishes the event, in one step of
   * the store; false for a delivery claimed already. Absent where the bus cannot: the receiver
   * then claims in the store first.
   */
  publishOnce?(event: UnsequencedEvent, claim: DeliveryClaim): Promise<boolean>;
}
