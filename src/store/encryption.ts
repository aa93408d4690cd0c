import { createHash, webcrypto } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';

const kidOf = (key: Uint8Array) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/**
 * Seals store values as compact JWE (`dir` + `A256GCM`). New writes use the first key; the
 * others still open old entries, so keys rotate without losing stored refresh tokens. Each key is
 * imported into WebCrypto once, not on every seal and open.
 */
export class StoreCipher {
  private readonly keys: Map<string, Promise<webcrypto.CryptoKey>>;
  private readonly currentKid: string;

  constructor(keys: Uint8Array[]) {
    const [current] = keys;
    if (!current) throw new Error('StoreCipher needs at least one key');
    const imported = (key: Uint8Array) => {
      const cryptoKey = webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
      // A key WebCrypto refuses fails each seal or open that uses it, not the process.
      cryptoKey.catch(() => undefined);
      return cryptoKey;
    };
    this.keys = new Map(keys.map((k) => [kidOf(k), imported(k)]));
    this.currentKid = kidOf(current);
  }

  async seal(value: unknown): Promise<string> {
    const key = await this.keys.get(this.currentKid)!;
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: this.currentKid })
      .encrypt(key);
  }

  /** Throws when no configured key opens the value. */
  async open(sealed: string): Promise<unknown> {
    const { kid } = decodeProtectedHeader(sealed);
    const key = typeof kid === 'string' ? await this.keys.get(kid) : undefined;
    if (!key) throw new Error(`no configured key for kid ${String(kid)}`);
    const { plaintext } = await compactDecrypt(sealed, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return JSON.parse(new TextDecoder().decode(plaintext));
  }
}
