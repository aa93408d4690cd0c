import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ZoomPastInstance } from '../../zoom/pastTypes.js';
import type { ZoomMeeting } from '../../zoom/types.js';
import type { ZoomPanelist } from '../../zoom/webinars.js';
import { Connection } from '../connection.js';
import { DateTime } from '../dateTime.js';
import { known } from '../meetings/known.js';
import { WebinarType } from './webinarType.enum.js';

const date = (v: string | undefined) => (v ? new Date(v) : null);

@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A Zoom webinar. List results carry fewer fields than a single webinar.' })
export class Webinar {
  @Field(() => ID, { description: 'Webinar number: 64-bit, so an ID (string).' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'UUID of this webinar instance.' })
  uuid!: string | null;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => WebinarType, { nullable: true })
  type!: WebinarType | null;

  @Field(() => DateTime, { nullable: true })
  startTime!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes.' })
  duration!: number | null;

  @Field(() => String, { nullable: true })
  timezone!: string | null;

  @Field(() => String, { nullable: true })
  agenda!: string | null;

  @Field(() => String, { nullable: true })
  joinUrl!: string | null;

  @Field(() => ID)
  hostId!: string;

  hostEmail!: string | null;

  /** Zoom's object, for field resolvers; a list item lacks `settings`, `recurrence` and `occurrences`. */
  zoom?: ZoomMeeting;

  static from(w: ZoomMeeting): Webinar {
    return Object.assign(new Webinar(), {
      zoom: w,
      id: String(w.id),
      uuid: w.uuid ?? null,
      topic: w.topic ?? null,
      type: known(WebinarType, w.type),
      startTime: date(w.start_time),
      duration: w.duration ?? null,
      timezone: w.timezone || null,
      agenda: w.agenda ?? null,
      joinUrl: w.join_url ?? null,
      hostId: w.host_id,
      hostEmail: w.host_email ?? null,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A page of webinars; cursors wrap Zoom next_page_token values.' })
export class WebinarConnection extends Connection('Webinar', Webinar) {}

@ObjectType({ simpleResolvers: true, description: 'Someone who speaks at a webinar, with video and screen sharing.' })
export class Panelist {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The panelist’s own link; treat it as a credential.' })
  joinUrl!: string | null;

  static from(p: ZoomPanelist): Panelist {
    return Object.assign(new Panelist(), { id: p.id, email: p.email, name: p.name, joinUrl: p.join_url ?? null });
  }
}

@InputType({ description: 'A panelist to add: Zoom emails the invitation.' })
export class PanelistInput {
  @Field(() => String, { description: 'At most 128 characters.' })
  email!: string;

  @Field(() => String, { description: '1–64 characters.' })
  name!: string;
}

@ObjectType({ description: 'An ended instance of a webinar.' })
export class PastWebinar {
  @Field(() => ID, { description: 'The instance UUID.' })
  uuid!: string;

  @Field(() => DateTime, { nullable: true })
  startTime!: string | null;

  /** The webinar number and its host: who may read the reports. */
  meetingId!: string;
  hostId!: string;
  hostEmail!: string | null;

  static from(p: ZoomPastInstance, webinar: { id: string; hostId: string; hostEmail: string | null }): PastWebinar {
    return Object.assign(new PastWebinar(), {
      uuid: p.uuid,
      startTime: p.start_time || null,
      meetingId: webinar.id,
      hostId: webinar.hostId,
      hostEmail: webinar.hostEmail,
    });
  }
}
