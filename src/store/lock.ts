/** Mutual exclusion for one credential identity; `withLock` runs `fn` while holding it. */
export interface Lock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close?(): Promise<void>;
}

/** In-process lock: enough when one process owns the store (memory, SQLite). */
export class LocalLock implements Lock {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
