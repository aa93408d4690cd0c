import DataLoader from 'dataloader';
import { getMeeting } from '../../zoom/meetings.js';
import type { ZoomMeeting } from '../../zoom/types.js';
import type { ZoomContext } from '../../zoom/zoomContext.js';

export type MeetingLoader = DataLoader<string, ZoomMeeting | null>;

/**
 * One Zoom lookup per distinct meeting (number or UUID, as checkMeetingId returns it) in a
 * request: a federated router's entity references to the same meeting collapse to one call.
 */
export function createMeetingLoader(zoom: ZoomContext): MeetingLoader {
  return new DataLoader<string, ZoomMeeting | null>((ids) =>
    Promise.all(ids.map((id) => getMeeting(zoom, id).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))))),
  );
}
