import { createHash } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';

const kidOf = (key: Uint8Array) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/**
 * Seals store values as compact JWE (`dir` + `A256GCM`). New writes use the first key; the
 * others still open old entries, so keys rotate without losing stored refresh tokens.
 */
export class StoreCipher {
  private readonly keys: Map<string, Uint8Array>;
  private readonly currentKid: string;

  constructor(keys: Uint8Array[]) {
    const [current] = keys;
    if (!current) throw new Error('StoreCipher needs at least one key');
    this.keys = new Map(keys.map((k) => [kidOf(k), k]));
    this.currentKid = kidOf(current);
  }

  async seal(value: unknown): Promise<string> {
    const key = this.keys.get(this.currentKid) as Uint8Array;
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: this.currentKid })
      .encrypt(key);
  }

  /** Throws when no configured key opens the value. */
  async open(sealed: string): Promise<unknown> {
    const { kid } = decodeProtectedHeader(sealed);
    const key = typeof kid === 'string' ? this.keys.get(kid) : undefined;
    if (!key) throw new Error(`no configured key for kid ${String(kid)}`);
    const { plaintext } = await compactDecrypt(sealed, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return JSON.parse(new TextDecoder().decode(plaintext));
  }
}
