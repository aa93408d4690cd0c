/**
 * Identical reads in flight at the same moment share one upstream call. Unlike SingleFlight
 * (tokens), callers learn whether they joined, and a write can detach every flight in progress:
 * a read that starts after a write never receives an answer fetched before it.
 */
export class Coalescer {
  private flights = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): { result: Promise<T>; joined: boolean } {
    const existing = this.flights.get(key);
    if (existing) return { result: existing as Promise<T>, joined: true };
    const flights = this.flights;
    const flight = fn().finally(() => {
      if (flights.get(key) === flight) flights.delete(key);
    });
    flights.set(key, flight);
    return { result: flight, joined: false };
  }

  /** Flights already running finish for their callers; later callers start new ones. */
  detachAll(): void {
    if (this.flights.size > 0) this.flights = new Map();
  }

  get size(): number {
    return this.flights.size;
  }
}

/**
 * Freezes a parsed JSON answer in place: every caller of a shared flight (or of the cache)
 * holds the same object, so none may change what the others see.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
