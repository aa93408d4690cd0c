import type { Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';

/** The account of an authenticated caller, on every transport. */
export const callerAccount = (principal: Principal): string => `caller:${principal.id}`;

/** What metrics see: each request's measured work, and requests that waited or were refused. */
export interface PacingObserver {
  work?(ms: number): void;
  paced?(outcome: 'waited' | 'refused'): void;
}

interface Account {
  /** Parse work charged and not yet paid off, ms, as of `at`. */
  owed: number;
  at: number;
  /** Requests of this caller released while it was over its budget and not yet charged. */
  running: number;
  /** Requests waiting for their turn, oldest first. */
  readonly waiting: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** A request's turn: `charge` hands over the work it measured (ms); later calls do nothing. */
export interface Turn {
  /** It waited behind its caller's earlier requests. */
  readonly waited: boolean;
  charge(ms: number): void;
}

interface Waiter {
  /** Its turn has come. */
  go(): void;
  /** It waited `maxWaitMs`. */
  giveUp(): void;
  deadline: ReturnType<typeof setTimeout> | undefined;
}

/** How long a waiting request sleeps at most before it looks at the clock again. */
const RECHECK_MS = 100;
/** Accounts kept before the paid-off ones are dropped. */
const KEPT_ACCOUNTS = 10_000;

/**
 * Each caller's share of the event loop spent before execution: reading and parsing the JSON
 * body, the request limits' parse and walk of its documents (GRAPHQL_CALLER_PARSE_MS_PER_SECOND).
 *
 * A caller's account is a leaky bucket in milliseconds of that work: each request adds what it
 * measured, and the account pays off `msPerSecond` every second of the clock. While the debt is at
 * most one second's worth, requests go through at once and in parallel. Past it, the caller's
 * requests wait before their bodies are read, and go one at a time, each once the debt is
 * back within bounds and the one before it has been charged. A caller sending documents built to
 * be expensive so takes at most `msPerSecond` of every second, and every other caller's request
 * finds the event loop free the rest of the time; a caller whose requests cost what ordinary
 * queries cost (tens of microseconds) never comes near the bound.
 *
 * Waiting costs a socket and a queue entry: the body stays in the kernel until the request's
 * turn. A request that would wait past `maxWaitMs` is refused (the route answers 503 with
 * `Retry-After`).
 */
export class ParsePacing {
  private readonly accounts = new Map<string, Account>();
  private queued = 0;

  constructor(
    readonly msPerSecond: number,
    private readonly clock: Clock,
    private readonly maxWaitMs: number,
    private readonly observe: PacingObserver = {},
  ) {
    if (!(msPerSecond > 0)) throw new RangeError(`msPerSecond must be positive (got ${msPerSecond})`);
  }

  /** The bound on a caller's debt: one second of its budget. */
  get burstMs(): number {
    return this.msPerSecond;
  }

  /** What `caller` owes now, ms. */
  owed(caller: string): number {
    const account = this.accounts.get(caller);
    return account ? this.settle(account) : 0;
  }

  /** Requests of all callers waiting for their turn. */
  get waitingTotal(): number {
    return this.queued;
  }

  /** Requests of `caller` waiting for their turn. */
  waiting(caller: string): number {
    return this.accounts.get(caller)?.waiting.length ?? 0;
  }

  /**
   * Resolves with the request's turn when it has come, or with the number of seconds to wait
   * before retrying when it would wait past `maxWaitMs`. `onCancel` receives a function to call
   * if the client goes away meanwhile.
   */
  enter(caller: string, onCancel?: (cancel: () => void) => void): Promise<Turn | number> {
    const account = this.accounts.get(caller);
    if (!account || (account.waiting.length === 0 && this.settle(account) <= this.burstMs)) {
      return Promise.resolve(this.turn(caller, false));
    }
    // Every request waiting ahead of this one will add about as much as this caller owes beyond the bound.
    const expectedMs = ((this.settle(account) - this.burstMs) * (account.waiting.length + 1) * 1000) / this.msPerSecond;
    if (expectedMs > this.maxWaitMs) {
      this.observe.paced?.('refused');
      return Promise.resolve(Math.max(1, Math.ceil(expectedMs / 1000)));
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        go: () => {
          account.running++;
          this.observe.paced?.('waited');
          resolve(this.turn(caller, true));
        },
        giveUp: () => {
          this.observe.paced?.('refused');
          resolve(Math.max(1, Math.ceil(this.maxWaitMs / 1000)));
        },
        deadline: undefined,
      };
      waiter.deadline = setTimeout(() => this.drop(account, waiter, true), this.maxWaitMs);
      account.waiting.push(waiter);
      this.queued++;
      onCancel?.(() => this.drop(account, waiter, false));
      this.schedule(account);
    });
  }

  /** Adds `ms` of work to `caller`'s account. */
  charge(caller: string, ms: number): void {
    const account = this.account(caller);
    this.settle(account);
    account.owed += ms;
  }

  private turn(caller: string, waited: boolean): Turn {
    let charged = false;
    return {
      waited,
      charge: (ms) => {
        if (charged) return;
        charged = true;
        this.charge(caller, ms);
        this.observe.work?.(ms);
        const account = this.accounts.get(caller)!;
        if (waited) account.running--;
        this.schedule(account);
      },
    };
  }

  /** Lets the oldest waiter go when its turn has come, or sleeps until it may have. */
  private schedule(account: Account): void {
    if (account.timer !== undefined || account.waiting.length === 0 || account.running > 0) return;
    const over = this.settle(account) - this.burstMs;
    if (over <= 0) {
      const next = account.waiting.shift()!;
      this.queued--;
      clearTimeout(next.deadline);
      next.go();
      return;
    }
    account.timer = setTimeout(
      () => {
        account.timer = undefined;
        this.schedule(account);
      },
      Math.min(RECHECK_MS, Math.ceil((over * 1000) / this.msPerSecond)),
    );
  }

  private drop(account: Account, waiter: Waiter, timedOut: boolean): void {
    clearTimeout(waiter.deadline);
    const i = account.waiting.indexOf(waiter);
    if (i < 0) return;
    account.waiting.splice(i, 1);
    this.queued--;
    if (timedOut) waiter.giveUp();
    if (account.waiting.length === 0 && account.timer !== undefined) {
      clearTimeout(account.timer);
      account.timer = undefined;
    }
  }

  /** Pays off what the clock allows since the account was last looked at; answers what is owed. */
  private settle(account: Account): number {
    const now = this.clock.now();
    if (now > account.at) {
      account.owed = Math.max(0, account.owed - ((now - account.at) * this.msPerSecond) / 1000);
      account.at = now;
    }
    return account.owed;
  }

  private account(caller: string): Account {
    let account = this.accounts.get(caller);
    if (!account) {
      if (this.accounts.size >= KEPT_ACCOUNTS) this.forgetPaidOff();
      account = { owed: 0, at: this.clock.now(), running: 0, waiting: [], timer: undefined };
      this.accounts.set(caller, account);
    }
    return account;
  }

  private forgetPaidOff(): void {
    for (const [caller, account] of this.accounts) {
      if (account.waiting.length === 0 && account.running === 0 && this.settle(account) === 0) this.accounts.delete(caller);
    }
  }
}
