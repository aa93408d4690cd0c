import DataLoader from 'dataloader';
import { eachKey } from '../eachKey.js';
import { getMeeting } from '../../zoom/meetings.js';
import { getInvitation } from '../../zoom/meetingStatus.js';
import { listRegistrants, type ListRegistrantsQuery } from '../../zoom/registrants.js';
import type { ZoomMeeting, ZoomRegistrantPage } from '../../zoom/types.js';
import type { ZoomContext } from '../../zoom/zoomContext.js';

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

/** Each loader is built on first use: most requests ask for none of them. */
export function createMeetingLoaders(zoom: ZoomContext): MeetingLoaders {
  let meeting: MeetingLoaders['meeting'] | undefined;
  let invitation: MeetingLoaders['invitation'] | undefined;
  let registrantPage: MeetingLoaders['registrantPage'] | undefined;
  return {
    get meeting() {
      return (meeting ??= new DataLoader(eachKey((id: string) => getMeeting(zoom, id))));
    },
    get invitation() {
      return (invitation ??= new DataLoader(eachKey((id: string) => getInvitation(zoom, id))));
    },
    get registrantPage() {
      return (registrantPage ??= new DataLoader(eachKey(({ meetingNumber, ...q }: RegistrantPageKey) => listRegistrants(zoom, meetingNumber, q)), {
        cacheKeyFn: (k) => JSON.stringify([k.meetingNumber, k.status, k.pageSize, k.nextPageToken ?? '']),
      }));
    },
  };
}
