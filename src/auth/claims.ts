import type { JWTPayload } from 'jose';
import { unauthenticated } from '../errors.js';
import { emailProblem, zoomUserIdProblem } from '../identity.js';
import type { Principal, Role } from './principal.js';

const ROLES: readonly Role[] = ['admin', 'user'];

/**
 * JWT claims → principal: `sub` (required), `zoom_user_id` and/or `email`, `roles`.
 * Absent `roles` means `user`; unknown role names are ignored, so a token never gains more
 * than the roles the gateway knows. `zoom_user_id` must look like a Zoom user id and `email` like an
 * email, and neither may be `me`: over an account token `me` is the account owner, so a caller
 * who could choose its own claims would otherwise act as the owner.
 */
export function principalFromClaims(payload: JWTPayload): Principal {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub === '') throw unauthenticated('The bearer token has no "sub" claim naming the caller.');
  const zoomUserId = identityClaim(payload, 'zoom_user_id', zoomUserIdProblem);
  const email = identityClaim(payload, 'email', emailProblem);
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

function identityClaim(payload: JWTPayload, claim: string, problem: (v: string) => string | undefined): string | undefined {
  const value = optionalString(payload, claim);
  const why = value === undefined ? undefined : problem(value);
  if (why) throw unauthenticated(`The bearer token's "${claim}" claim ${why}.`);
  return value;
}

function rolesOf(value: unknown): Role[] {
  if (value === undefined) return ['user'];
  if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) {
    throw unauthenticated('The bearer token\'s "roles" claim must be an array of strings, e.g. ["admin"].');
  }
  const known = ROLES.filter((r) => value.includes(r));
  return known.length > 0 ? known : ['user'];
}
