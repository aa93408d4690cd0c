import type { ZoomMeetingBody } from '../../zoom/types.js';
import { toMeetingBody } from '../meetings/meetingBody.js';
import type { CreateWebinarInput, UpdateWebinarInput } from './webinar.input.js';
import { MEETING_TYPE_OF, WebinarType } from './webinarType.enum.js';

/**
 * A webinar's create or update body: the meeting body's checks (topic, agenda, start, zone,
 * recurrence) with the matching meeting type, then Zoom's webinar type number.
 */
export function toWebinarBody(input: CreateWebinarInput | UpdateWebinarInput, mode: 'create' | 'update'): ZoomMeetingBody {
  const type = 'type' in input ? (input.type ?? WebinarType.WEBINAR) : undefined;
  const approval = 'approvalType' in input ? input.approvalType : undefined;
  const body = toMeetingBody(
    {
      topic: input.topic,
      startTime: input.startTime,
      duration: input.duration,
      timezone: input.timezone,
      agenda: input.agenda,
      recurrence: input.recurrence,
      ...(type !== undefined ? { type: MEETING_TYPE_OF[type] } : {}),
      ...(approval !== undefined && approval !== null ? { settings: { approvalType: approval } } : {}),
    },
    mode,
  );
  return type !== undefined ? { ...body, type } : body;
}
