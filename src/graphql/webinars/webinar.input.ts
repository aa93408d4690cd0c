import { Field, InputType, Int } from 'type-graphql';
import { DateTime } from '../dateTime.js';
import { RecurrenceInput } from '../meetings/meeting.input.js';
import { RegistrationApproval } from '../meetings/meetingSettings.enum.js';
import { WebinarType } from './webinarType.enum.js';

// The webinar body is the meeting body's subset (SPEC23): it is checked by toMeetingBody, so the
// limits are the meetings' (webinarBody.ts).

@InputType({ description: 'Body of updateWebinar: only the fields given change; at least one is required.' })
export class UpdateWebinarInput {
  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  topic?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the webinar starts, with Z or an offset, in whole seconds.' })
  startTime?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes, 1 or more.' })
  duration?: number | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  agenda?: string | null;

  @Field(() => RecurrenceInput, { nullable: true, description: 'For RECURRING_FIXED_TIME webinars.' })
  recurrence?: RecurrenceInput | null;
}

@InputType({ description: 'Body of createWebinar.' })
export class CreateWebinarInput extends UpdateWebinarInput {
  @Field(() => String, { description: 'At most 200 characters.' })
  declare topic: string;

  @Field(() => WebinarType, { nullable: true, defaultValue: WebinarType.WEBINAR })
  type?: WebinarType | null;

  @Field(() => RegistrationApproval, { nullable: true, description: 'Whether attendees register, and who approves them.' })
  approvalType?: RegistrationApproval | null;
}
