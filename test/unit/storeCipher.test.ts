import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { StoreCipher } from '../../src/store/encryption.js';

const KEY = new Uint8Array(32).fill(7);
const OLD = new Uint8Array(32).fill(8);
const VALUE = { accessToken: 'eyJ.secret', expiresAt: 1_767_225_600_000, scopes: ['user:read'], name: 'Zoë ✓' };

/** What earlier releases wrote: jose's compact JWE, `dir` + `A256GCM`, kid as StoreCipher names it. */
async function joseSealed(key: Uint8Array, value: unknown): Promise<string> {
  const kid = decodeProtectedHeader(await new StoreCipher([key]).seal(0)).kid as string;
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid })
    .encrypt(key);
}

/** `sealed` with part `i` (0 header … 4 tag) replaced. */
const withPart = (sealed: string, i: number, part: string) =>
  sealed
    .split('.')
    .map((p, n) => (n === i ? part : p))
    .join('.');
/** The same part with its first character changed. */
const flipped = (part: string) => (part[0] === 'A' ? 'B' : 'A') + part.slice(1);

describe('StoreCipher', () => {
  it('round-trips a value, with a fresh IV each time (equal values never look equal at rest)', async () => {
    const c = new StoreCipher([KEY]);
    const [a, b] = [await c.seal(VALUE), await c.seal(VALUE)];
    expect(a).not.toBe(b);
    expect(await c.open(a)).toEqual(VALUE);
    expect(a).not.toContain('secret');
  });

  it('writes standard compact JWE: jose opens what it seals, and it opens what jose sealed (stores written before)', async () => {
    const c = new StoreCipher([KEY]);
    const sealed = await c.seal(VALUE);
    expect(decodeProtectedHeader(sealed)).toEqual({ alg: 'dir', enc: 'A256GCM', kid: expect.any(String) });
    const { plaintext } = await compactDecrypt(sealed, KEY);
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(VALUE);
    expect(await c.open(await joseSealed(KEY, VALUE))).toEqual(VALUE);
  });

  it('seals with the first key and opens with any configured one (key rotation)', async () => {
    const before = await new StoreCipher([OLD]).seal(VALUE);
    const rotated = new StoreCipher([KEY, OLD]);
    expect(await rotated.open(before)).toEqual(VALUE);
    const after = await rotated.seal(VALUE);
    expect(await new StoreCipher([KEY]).open(after)).toEqual(VALUE);
    await expect(new StoreCipher([OLD]).open(after)).rejects.toThrow(/no configured key/);
  });

  it('refuses an altered header, IV, ciphertext or tag, and anything that is not such a JWE', async () => {
    const c = new StoreCipher([KEY]);
    const sealed = await c.seal(VALUE);
    const parts = sealed.split('.');
    // The header is authenticated: the same fields in another order (or spacing) fail the tag.
    const reordered = Buffer.from(JSON.stringify({ enc: 'A256GCM', alg: 'dir', kid: decodeProtectedHeader(sealed).kid })).toString(
      'base64url',
    );
    const refused = [
      withPart(sealed, 0, reordered),
      withPart(sealed, 2, flipped(parts[2]!)),
      withPart(sealed, 3, flipped(parts[3]!)),
      withPart(sealed, 4, flipped(parts[4]!)),
      withPart(sealed, 4, parts[4]!.slice(0, 10)),
      withPart(sealed, 1, 'AAAA'),
      withPart(sealed, 0, Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A128GCM', kid: 'x' })).toString('base64url')),
      withPart(
        sealed,
        0,
        Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: decodeProtectedHeader(sealed).kid, zip: 'DEF' })).toString(
          'base64url',
        ),
      ),
      withPart(sealed, 0, 'bm90IGpzb24'),
      sealed.split('.').slice(0, 4).join('.'),
      '',
      'plain text',
    ];
    for (const bad of refused) await expect(c.open(bad), bad).rejects.toThrow();
    expect(await c.open(sealed)).toEqual(VALUE);
  });
});
