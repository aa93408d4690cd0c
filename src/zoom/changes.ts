/**
 * A change to Zoom's data that cached reads must not outlive: made by the gateway itself (a
 * mutation) or reported by Zoom (a webhook). Producers say what changed; the read cache decides
 * which cached answers that affects.
 */
export type ZoomChange =
  /** A meeting was created, updated or deleted; `hostId` (Zoom user id) when known. */
  | { kind: 'meeting'; meetingId: string; hostId?: string; hostEmail?: string }
  /** A user was created, updated, (de)activated, deleted or disassociated; id and/or email. */
  | { kind: 'user'; userId?: string; email?: string }
  /** A meeting's registrants were added to or changed status. */
  | { kind: 'registrants'; meetingId: string }
  /** A webinar's panelists were added or removed. */
  | { kind: 'panelists'; webinarId: string }
  /** A user left with a transfer: its meetings (and recordings) may now have another host. */
  | { kind: 'transfer'; userId?: string; email?: string; toEmail: string };

/** Where producers report changes; every replica sharing the store must see their effect. */
export interface ZoomChangeSink {
  changed(change: ZoomChange): Promise<void>;
}

/** A sink that does nothing: caching is off. */
export const ignoreChanges: ZoomChangeSink = { changed: async () => {} };
