import { emailProblem, zoomUserIdProblem, type Role } from '../identity.js';

export interface ApiKeyEntry {
  name: string;
  /** SHA-256 of the key, lower-case hex; the key itself is never configured. */
  sha256: string;
  role: Role;
  zoomUser?: string;
}

/** Parses `name:sha256hex:role[:zoomUserIdOrEmail],…`, collecting every malformed entry. */
export function parseApiKeys(value: string): { keys: ApiKeyEntry[]; errors: string[] } {
  const keys: ApiKeyEntry[] = [];
  const errors: string[] = [];
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((entry, i) => {
      const [name, sha256, role, zoomUser, ...rest] = entry.split(':');
      if (!name || !sha256 || !/^[0-9a-f]{64}$/i.test(sha256) || (role !== 'admin' && role !== 'user') || rest.length > 0) {
        errors.push(`entry ${i + 1} ("${name ?? ''}…") must be name:sha256hex:role[:zoomUserIdOrEmail] with role admin or user`);
        return;
      }
      const identityProblem = zoomUser ? (zoomUser.includes('@') ? emailProblem(zoomUser) : zoomUserIdProblem(zoomUser)) : undefined;
      if (identityProblem) {
        errors.push(`entry ${i + 1} ("${name}"): the Zoom user ${identityProblem}`);
        return;
      }
      keys.push({ name, sha256: sha256.toLowerCase(), role, ...(zoomUser ? { zoomUser } : {}) });
    });
  return { keys, errors };
}
