import Keyv from 'keyv';
import { pino } from 'pino';
import { StoreCipher } from '../../src/store/encryption.js';
import { LocalLock } from '../../src/store/lock.js';
import { KeyvSharedStore } from '../../src/store/store.js';

export const TEST_KEY = Buffer.alloc(32, 1).toString('base64url');
export const silent = pino({ level: 'silent' });

/** A real Keyv memory store behind the production SharedStore, for unit tests. */
export function memoryStore(keys: Uint8Array[] = [new Uint8Array(Buffer.from(TEST_KEY, 'base64url'))]) {
  const keyv = new Keyv();
  return { keyv, store: new KeyvSharedStore(keyv, new StoreCipher(keys), new LocalLock(), silent) };
}

/**
 * The production SharedStore over a Keyv backend that throws ECONNREFUSED, as an unreachable
 * Redis or PostgreSQL does, while `failing` is true.
 */
export function flakyStore(failing: boolean) {
  const backend = new Map<string, unknown>();
  const state = { failing };
  const check = (op: string) => {
    if (state.failing) throw Object.assign(new Error(`connect ECONNREFUSED (${op})`), { code: 'ECONNREFUSED' });
  };
  const flaky = {
    get: (k: string) => (check('get'), backend.get(k)),
    set: (k: string, v: unknown) => (check('set'), backend.set(k, v)),
    delete: (k: string) => (check('delete'), backend.delete(k)),
    clear: () => backend.clear(),
  };
  const keyv = new Keyv({ store: flaky as unknown as Map<string, unknown>, throwOnErrors: true });
  const store = new KeyvSharedStore(keyv, new StoreCipher([new Uint8Array(Buffer.from(TEST_KEY, 'base64url'))]), new LocalLock(), silent);
  return { store, setFailing: (value: boolean) => void (state.failing = value) };
}

/** A hand-driven clock. */
export function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}
