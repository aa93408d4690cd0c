import type { Role } from '../identity.js';

export type { Role };

/** Who is calling the gateway, as established by caller authentication. */
export interface Principal {
  /** Stable caller id (JWT `sub`, API key name). */
  id: string;
  /** The caller's own Zoom user, by id and/or email; absent for service callers. */
  zoomUserId?: string;
  email?: string;
  /**
   * `zoomUserId` comes from an install link, not from the credential: only that user's own live
   * grant may serve it, never an account token.
   */
  zoomUserLinked?: boolean;
  roles: Role[];
  /** Epoch ms at which the credential stops being valid (a JWT's `exp`); long-lived connections close then. */
  expiresAt?: number;
}

export const isAdmin = (p: Principal): boolean => p.roles.includes('admin');

/** The caller's Zoom user as Zoom accepts it in a path: id first, else email. */
export const zoomUserOf = (p: Principal): string | undefined => p.zoomUserId ?? p.email;
