import DataLoader from 'dataloader';
import { eachKey } from '../eachKey.js';
import { getUser } from '../../zoom/users.js';
import type { ZoomUser } from '../../zoom/types.js';
import type { ZoomContext } from '../../zoom/zoomContext.js';

export type UserLoader = DataLoader<string, ZoomUser | null>;

/**
 * One Zoom lookup per distinct user in a request. Zoom has no batch user endpoint, so the
 * batch fans out, but duplicates (the same host on many meetings) collapse to one call.
 */
export function createUserLoader(zoom: ZoomContext): UserLoader {
  return new DataLoader<string, ZoomUser | null>(
    eachKey((id: string) => getUser(zoom, id)),
    { cacheKeyFn: (id) => id.toLowerCase() },
  );
}
