import DataLoader from 'dataloader';
import { eachKey } from '../eachKey.js';
import { listAbsentees, listParticipants, listPastInstances } from '../../zoom/pastMeetings.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';
import type { ZoomRegistrantPage } from '../../zoom/types.js';
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
  private absenteesLoader?: DataLoader<ParticipantsPageKey, ZoomRegistrantPage, string>;

  /** `kind`: the past meetings or the past webinars (`/past_webinars/…`). */
  constructor(
    private readonly zoom: ZoomContext,
    private readonly kind: SessionKind = MEETING,
  ) {}

  get instances(): DataLoader<string, ZoomPastInstance[]> {
    return (this.instancesLoader ??= new DataLoader(eachKey((id: string) => listPastInstances(this.zoom, id, this.kind))));
  }

  get participants(): DataLoader<ParticipantsPageKey, ZoomParticipantPage, string> {
    return (this.participantsLoader ??= pageLoader((k) => listParticipants(this.zoom, k.uuid, query(k), this.kind)));
  }

  /** Webinars only: who registered and did not come. */
  get absentees(): DataLoader<ParticipantsPageKey, ZoomRegistrantPage, string> {
    return (this.absenteesLoader ??= pageLoader((k) => listAbsentees(this.zoom, k.uuid, query(k))));
  }

  get recordings(): DataLoader<string, ZoomMeetingRecording | null> {
    return (this.recordingsLoader ??= new DataLoader(eachKey((id: string) => getMeetingRecordings(this.zoom, id))));
  }
}

const query = (k: ParticipantsPageKey) => ({ meetingId: k.meetingId, pageSize: k.pageSize, nextPageToken: k.token });

const pageLoader = <T>(load: (k: ParticipantsPageKey) => Promise<T>): DataLoader<ParticipantsPageKey, T, string> =>
  new DataLoader(eachKey(load), { cacheKeyFn: (k) => `${k.uuid}\n${k.pageSize}\n${k.token ?? ''}` });
