import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * Subscription execution that runs each event once per distinct operation on this replica: every
 * subscription whose operation has the same share key (its text, operation name and variables)
 * gets the same result object for the same event, instead of executing it again per subscriber.
 *
 * Sound because who may receive an event is decided before execution, by each subscription's
 * feed (src/graphql/live/liveEvents.resolver.ts); the fields under Subscription read only the
 * event, never the caller (test/unit/sharedResults.test.ts walks the schema to keep it so).
 */
export class SharedResults {
  /** Per event object (the hub passes one object to every feed), results by share key. */
  private readonly byEvent = new WeakMap<object, Map<string, Result>>();
  private readonly keys = new WeakMap<ExecutionArgs, string>();

  /** Marks the arguments of a subscription whose results may be shared under `key`. */
  share(args: ExecutionArgs, key: string): ExecutionArgs {
    this.keys.set(args, key);
    return args;
  }

  /** graphql-ws's `subscribe`: graphql-js's, with the per-event execution shared. */
  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const key = this.keys.get(args);
    return mapped(
      source,
      key === undefined ? (event) => execute({ ...args, rootValue: event }) : (event) => this.resultOf(event, key, args),
    );
  };

  private resultOf(event: unknown, key: string, args: ExecutionArgs): Result {
    if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
    let results = this.byEvent.get(event);
    if (!results) this.byEvent.set(event, (results = new Map()));
    let result = results.get(key);
    if (!result) results.set(key, (result = execute({ ...args, rootValue: event })));
    return result;
  }
}

/**
 * The source's events as results. An explicit iterator rather than an async generator: graphql-ws
 * ends a subscription with `return()` while a `next()` is pending, which a generator would queue
 * behind that `next()`; here it reaches the source (the hub's feed) at once.
 */
function mapped<T>(source: AsyncIterable<T>, map: (event: T) => Result): AsyncIterableIterator<ExecutionResult> {
  const it = source[Symbol.asyncIterator]();
  const done = (): Promise<IteratorResult<ExecutionResult>> => Promise.resolve({ value: undefined, done: true });
  return {
    async next() {
      const r = await it.next();
      return r.done ? { value: undefined, done: true } : { value: await map(r.value), done: false };
    },
    return: () => (it.return ? it.return().then(() => ({ value: undefined, done: true as const })) : done()),
    throw: (err: unknown) => (it.throw ? it.throw(err).then(() => ({ value: undefined, done: true as const })) : Promise.reject(err)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
