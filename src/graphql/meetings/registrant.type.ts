import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { ZoomRegistrant } from '../../zoom/types.js';
import { Connection } from '../connection.js';
import { DateTime } from '../dateTime.js';
import { known } from './known.js';
import { RegistrantStatus } from './registrant.enum.js';

@ObjectType({ simpleResolvers: true, description: 'Someone registered for a meeting.' })
export class MeetingRegistrant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => RegistrantStatus, { nullable: true, description: 'Null on addMeetingRegistrant’s answer: Zoom’s reply does not say.' })
  status!: RegistrantStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The registrant’s own join link: it admits them by name. Only the meeting’s host and admins see it; Zoom emails it to the registrant.',
  })
  joinUrl!: string | null;

  @Field(() => DateTime, { nullable: true })
  createdAt!: Date | null;

  static from(r: ZoomRegistrant, showJoinUrl: boolean): MeetingRegistrant {
    return Object.assign(new MeetingRegistrant(), {
      id: String(r.id ?? ''),
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name || null,
      status: known(RegistrantStatus, r.status),
      joinUrl: showJoinUrl ? (r.join_url ?? null) : null,
      createdAt: r.create_time ? new Date(r.create_time) : null,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'A page of registrants; cursors wrap Zoom next_page_token values.' })
export class MeetingRegistrantConnection extends Connection('MeetingRegistrant', MeetingRegistrant) {}

@InputType({ description: 'Body of addMeetingRegistrant.' })
export class AddMeetingRegistrantInput {
  @Field(() => String, { description: 'At most 128 characters.' })
  email!: string;

  @Field(() => String, { description: '1–64 characters.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'At most 64 characters.' })
  lastName?: string | null;
}
