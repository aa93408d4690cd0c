import DataLoader from 'dataloader';
import { eachKey } from '../eachKey.js';
import { listParticipants, listPastInstances } from '../../zoom/pastMeetings.js';
import type { ZoomMeetingRecording, ZoomParticipantPage, ZoomPastInstance } from '../../zoom/pastTypes.js';
import { getMeetingRecordings } from '../../zoom/recordings.js';
import type { ZoomContext } from '../../zoom/zoomContext.js';

export interface ParticipantsPageKey {
  uuid: string;
  meetingId: string;
  pageSize: number;
  token?: string;
}

/**
 * One Zoom call per distinct past-meeting resource in a request: a meeting asked for twice (two
 * aliased lists, one meeting in both) costs one instances call, and so does one participants
 * page or one recording. Zoom has no batch endpoints for these, so a batch fans out. Built on
 * first use: most requests ask for none of them.
 */
export class PastLoaders {
  private instancesLoader?: DataLoader<string, ZoomPastInstance[]>;
  private participantsLoader?: DataLoader<ParticipantsPageKey, ZoomParticipantPage, string>;
  private recordingsLoader?: DataLoader<string, ZoomMeetingRecording | null>;

  constructor(private readonly zoom: ZoomContext) {}

  get instances(): DataLoader<string, ZoomPastInstance[]> {
    return (this.instancesLoader ??= new DataLoader(eachKey((id: string) => listPastInstances(this.zoom, id))));
  }

  get participants(): DataLoader<ParticipantsPageKey, ZoomParticipantPage, string> {
    return (this.participantsLoader ??= new DataLoader(
      eachKey((k: ParticipantsPageKey) => listParticipants(this.zoom, k.uuid, { meetingId: k.meetingId, pageSize: k.pageSize, nextPageToken: k.token })),
      { cacheKeyFn: (k) => `${k.uuid}\n${k.pageSize}\n${k.token ?? ''}` },
    ));
  }

  get recordings(): DataLoader<string, ZoomMeetingRecording | null> {
    return (this.recordingsLoader ??= new DataLoader(eachKey((id: string) => getMeetingRecordings(this.zoom, id))));
  }
}
