import Keyv from 'keyv';
import { pino } from 'pino';
import { TokenCipher } from '../../src/store/encryption.js';
import { LocalLock } from '../../src/store/lock.js';
import { KeyvTokenStore } from '../../src/store/store.js';

export const TEST_KEY = Buffer.alloc(32, 1).toString('base64url');
export const silent = pino({ level: 'silent' });

/** A real Keyv memory store behind the production TokenStore, for unit tests. */
export function memoryStore(keys: Uint8Array[] = [new Uint8Array(Buffer.from(TEST_KEY, 'base64url'))]) {
  const keyv = new Keyv();
  return { keyv, store: new KeyvTokenStore(keyv, new TokenCipher(keys), new LocalLock(), silent) };
}

/** A hand-driven clock. */
export function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}
