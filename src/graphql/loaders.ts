import DataLoader from 'dataloader';
import type { ZoomContext } from '../zoom/zoomContext.js';
import { MEETING, type SessionKind } from '../zoom/sessionKind.js';
import { listPanelists, type ZoomPanelist } from '../zoom/webinars.js';
import { eachKey } from './eachKey.js';
import { invitationLoader, meetingLoader, registrantPageLoader, type MeetingLoaders } from './meetings/meeting.loader.js';
import { PastLoaders } from './past/past.loader.js';
import { createUserLoader, type UserLoader } from './users/user.loader.js';

/** What a request reads of meetings or of webinars more than once. */
export interface SessionLoaders extends Omit<MeetingLoaders, 'invitation'> {
  past: PastLoaders;
  /** Webinars only. */
  panelists?: DataLoader<string, ZoomPanelist[]>;
}

/**
 * One request's loaders, each built on first use: most requests ask for one of them or none.
 * Getters on the prototype, so a request pays for one small object, not a closure per loader.
 */
export class RequestLoaders implements MeetingLoaders {
  private meetingLoader?: MeetingLoaders['meeting'];
  private invitationLoader?: MeetingLoaders['invitation'];
  private registrantPageLoader?: MeetingLoaders['registrantPage'];
  private userLoader?: UserLoader;
  private pastLoaders?: PastLoaders;
  private webinarLoaders?: SessionLoaders;

  constructor(private readonly zoom: ZoomContext) {}

  get meeting(): MeetingLoaders['meeting'] {
    return (this.meetingLoader ??= meetingLoader(this.zoom));
  }

  get invitation(): MeetingLoaders['invitation'] {
    return (this.invitationLoader ??= invitationLoader(this.zoom));
  }

  get registrantPage(): MeetingLoaders['registrantPage'] {
    return (this.registrantPageLoader ??= registrantPageLoader(this.zoom));
  }

  get user(): UserLoader {
    return (this.userLoader ??= createUserLoader(this.zoom));
  }

  get past(): PastLoaders {
    return (this.pastLoaders ??= new PastLoaders(this.zoom));
  }

  /** The loaders of meetings or of webinars: the same reads under the other kind's paths. */
  of(kind: SessionKind): SessionLoaders {
    if (kind === MEETING) return this;
    return (this.webinarLoaders ??= {
      meeting: meetingLoader(this.zoom, kind),
      registrantPage: registrantPageLoader(this.zoom, kind),
      past: new PastLoaders(this.zoom, kind),
      panelists: new DataLoader(eachKey((id: string) => listPanelists(this.zoom, id))),
    });
  }
}
