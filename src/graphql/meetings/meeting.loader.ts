import DataLoader from 'dataloader';
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

// Zoom has no batch endpoints for these: a batch fans out, duplicates collapse to one call each.
const each = <K, V>(load: (key: K) => Promise<V>) => (keys: readonly K[]) =>
  Promise.all(keys.map((k) => load(k).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))));

export function createMeetingLoaders(zoom: ZoomContext): MeetingLoaders {
  return {
    meeting: new DataLoader(each((id: string) => getMeeting(zoom, id))),
    invitation: new DataLoader(each((id: string) => getInvitation(zoom, id))),
    registrantPage: new DataLoader(each(({ meetingNumber, ...q }: RegistrantPageKey) => listRegistrants(zoom, meetingNumber, q)), {
      cacheKeyFn: (k) => JSON.stringify([k.meetingNumber, k.status, k.pageSize, k.nextPageToken ?? '']),
    }),
  };
}
