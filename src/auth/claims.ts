import type { JWTPayload } from 'jose';
import { unauthenticated } from '../errors.js';
import type { Principal, Role } from './principal.js';

const ROLES: readonly Role[] = ['admin', 'user'];

/**
 * JWT claims → principal: `sub` (required), `zoom_user_id` and/or `email`, `roles`.
 * Absent `roles` means `user`; unknown role names are ignored, so a token never gains more
 * than the roles the gateway knows.
 */
export function principalFromClaims(payload: JWTPayload): Principal {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub === '') throw unauthenticated('The bearer token has no "sub" claim naming the caller.');
  const zoomUserId = optionalString(payload, 'zoom_user_id');
  const email = optionalString(payload, 'email');
  return {
    id: sub,
    ...(zoomUserId ? { zoomUserId } : {}),
    ...(email ? { email } : {}),
    roles: rolesOf(payload.roles),
    ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}),
  };
}

function optionalString(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw unauthenticated(`The bearer token's "${claim}" claim must be a string.`);
  return value.trim() || undefined;
}

function rolesOf(value: unknown): Role[] {
  if (value === undefined) return ['user'];
  if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) {
    throw unauthenticated('The bearer token\'s "roles" claim must be an array of strings, e.g. ["admin"].');
  }
  const known = ROLES.filter((r) => value.includes(r));
  return known.length > 0 ? known : ['user'];
}
