/** Milliseconds since the epoch. Injected so tests can share the fake Zoom's clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
