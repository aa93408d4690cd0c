import { createHash } from 'node:crypto';

export type PkceMethod = 'S256' | 'plain';

/** NOTE: `code_challenge_method` "Defaults to 'plain' if not present" (Zoom Postman mirror, docs/zoom.md#user-oauth). */
export function pkceMethod(challenge: string | undefined, method: string | undefined): PkceMethod | 'invalid' | undefined {
  if (challenge === undefined || challenge === '') return undefined;
  const m = method ?? 'plain';
  return m === 'S256' || m === 'plain' ? m : 'invalid';
}

export function verifyPkce(challenge: string, method: PkceMethod, verifier: string | null): boolean {
  if (!verifier) return false;
  const derived = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge;
}
