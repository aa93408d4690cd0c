export interface HoldHandle {
  /** Let every waiting (and future) request to the route proceed; the hold ends. */
  release(): void;
  /** Requests currently waiting. */
  waiting(): number;
  /** Resolves once at least `count` requests are waiting. */
  whenWaiting(count?: number): Promise<void>;
}

/** A gate requests wait at until released, or until their client goes away. */
export class Hold implements HoldHandle {
  private readonly waiters = new Set<() => void>();
  private watchers: Array<{ count: number; resolve: () => void }> = [];
  released = false;

  wait(signal: AbortSignal): Promise<void> {
    if (this.released || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
      this.notify();
    });
  }

  release(): void {
    this.released = true;
    for (const done of [...this.waiters]) done();
  }

  waiting(): number {
    return this.waiters.size;
  }

  whenWaiting(count = 1): Promise<void> {
    if (this.waiters.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  private notify(): void {
    const ready = this.watchers.filter((w) => this.waiters.size >= w.count);
    this.watchers = this.watchers.filter((w) => this.waiters.size < w.count);
    for (const w of ready) w.resolve();
  }
}
