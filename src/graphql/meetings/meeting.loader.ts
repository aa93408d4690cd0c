import DataLoader from 'dataloader';
import { eachKey } from '../eachKey.js';
import { getMeeting } from '../../zoom/meetings.js';
import { getInvitation } from '../../zoom/meetingStatus.js';
import { listRegistrants, type ListRegistrantsQuery } from '../../zoom/registrants.js';
import type { ZoomMeeting, ZoomRegistrantPage } from '../../zoom/types.js';
import type { ZoomContext } from '../../zoom/zoomContext.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';

export interface RegistrantPageKey extends ListRegistrantsQuery {
  meetingNumber: string;
}

/** Per-request loaders for what one query may ask of the same meeting many times (aliases, repeated lists). */
export interface MeetingLoaders {
  /** `GET /meetings/{id}`: the details list items lack (recurrence, occurrences). */
  meeting: DataLoader<string, ZoomMeeting | null>;
  invitation: DataLoader<string, string | null>;
  registrantPage: DataLoader<RegistrantPageKey, ZoomRegistrantPage, string>;
}

export const meetingLoader = (zoom: ZoomContext, kind: SessionKind = MEETING): MeetingLoaders['meeting'] =>
  new DataLoader(eachKey((id: string) => getMeeting(zoom, id, kind)));

export const invitationLoader = (zoom: ZoomContext): MeetingLoaders['invitation'] =>
  new DataLoader(eachKey((id: string) => getInvitation(zoom, id)));

export const registrantPageLoader = (zoom: ZoomContext, kind: SessionKind = MEETING): MeetingLoaders['registrantPage'] =>
  new DataLoader(
    eachKey(({ meetingNumber, ...q }: RegistrantPageKey) => listRegistrants(zoom, meetingNumber, q, kind)),
    {
      cacheKeyFn: (k) => JSON.stringify([k.meetingNumber, k.status, k.pageSize, k.nextPageToken ?? '']),
    },
  );
