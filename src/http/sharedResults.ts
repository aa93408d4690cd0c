import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** A result as its subscribers are sent it: the `next` message's payload, serialised once. */
export interface Payload {
  json: string;
  /** False when the result carries errors. */
  ok: boolean;
}

/** Sends one subscription a result (a graphql-transport-ws `next` message on its socket). */
export type Deliver = (payload: Payload) => void;

/** A source that can hand its events over as they arrive (the hub's Feed) instead of being pulled. */
type Source<T> = AsyncIterator<T> & { listen?(listener: (event: T) => Promise<void> | void): void };

/**
 * Subscription execution that runs each event once per distinct operation on this replica: every
 * subscription whose operation has the same share key (its text, operation name and variables)
 * gets the same result for the same event, executed and serialised once, instead of once per
 * subscriber. A shared subscription's results are sent by its `deliver` as the events arrive,
 * not pulled through graphql-ws one message at a time: graphql-ws still runs its lifecycle
 * (subscribe, complete, errors), and its iterator only ends when the subscription does.
 *
 * Sound because who may receive an event is decided before execution, by each subscription's
 * feed (src/graphql/live/liveEvents.resolver.ts); the fields under Subscription read only the
 * event, never the caller (test/unit/sharedResults.test.ts walks the schema to keep it so).
 */
export class SharedResults {
  /** Per event object (the hub passes one object to every feed), payloads by share key. */
  private readonly byEvent = new WeakMap<object, Map<string, Payload | Promise<Payload>>>();
  private readonly targets = new WeakMap<ExecutionArgs, { key: string; deliver: Deliver }>();

  /** `serialize`: the payload of a `next` message for a result, errors formatted. */
  constructor(private readonly serialize: (result: ExecutionResult) => string) {}

  /** Marks the arguments of a subscription whose results may be shared under `key`, sent by `deliver`. */
  share(args: ExecutionArgs, key: string, deliver: Deliver): ExecutionArgs {
    this.targets.set(args, { key, deliver });
    return args;
  }

  /** graphql-ws's `subscribe`: graphql-js's, with the per-event execution shared. */
  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const target = this.targets.get(args);
    if (!target) return mapped(source, (event) => execute({ ...args, rootValue: event }));
    const { key, deliver } = target;
    return pushed(source[Symbol.asyncIterator]() as Source<unknown>, (event) => {
      const payload = this.payloadOf(event, key, args);
      return isPromise(payload) ? payload.then(deliver) : deliver(payload);
    });
  };

  private payloadOf(event: unknown, key: string, args: ExecutionArgs): Payload | Promise<Payload> {
    if (typeof event !== 'object' || event === null) return this.run(event, args);
    let payloads = this.byEvent.get(event);
    if (!payloads) this.byEvent.set(event, (payloads = new Map()));
    let payload = payloads.get(key);
    if (!payload) payloads.set(key, (payload = this.run(event, args)));
    return payload;
  }

  private run(event: unknown, args: ExecutionArgs): Payload | Promise<Payload> {
    const result = execute({ ...args, rootValue: event });
    const payload = (r: ExecutionResult): Payload => ({ json: this.serialize(r), ok: !r.errors });
    return isPromise(result) ? result.then(payload) : payload(result);
  }
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown }).then === 'function';

/**
 * A subscription whose events go to `onEvent` as the source hands them over (or as they are
 * pulled from a source that cannot hand them over), in order. Its iterator yields nothing: the
 * promise of its first `next()` settles when the subscription ends (done) or fails (rejected, so
 * graphql-ws sends the error).
 */
function pushed<T>(source: Source<T>, onEvent: (event: T) => Promise<void> | void): AsyncIterableIterator<ExecutionResult> {
  let ended = false;
  let outcome: Promise<IteratorResult<ExecutionResult>> | undefined;
  let fail: (err: unknown) => void = () => undefined;
  const end = async () => {
    ended = true;
    await source.return?.();
  };
  const handle = (event: T): Promise<void> | void => {
    if (ended) return;
    try {
      return onEvent(event)?.catch(fail);
    } catch (err) {
      fail(err);
    }
  };
  return {
    next() {
      outcome ??= new Promise((resolve, reject) => {
        fail = (err) => {
          if (ended) return;
          reject(err instanceof Error ? err : new Error(String(err)));
          void end();
        };
        const finished = source.listen ? (source.listen(handle), source.next()) : pump(source, handle);
        finished.then(() => resolve({ value: undefined, done: true }), fail);
      });
      return outcome;
    },
    return: () => end().then(() => ({ value: undefined, done: true as const })),
    throw: (err: unknown) =>
      source.throw ? source.throw(err).then(() => ({ value: undefined, done: true as const })) : Promise.reject(err),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Pulls every event of a source that cannot hand them over, each after the previous one's work. */
async function pump<T>(source: AsyncIterator<T>, handle: (event: T) => Promise<void> | void): Promise<void> {
  for (let r = await source.next(); !r.done; r = await source.next()) await handle(r.value);
}

/**
 * The source's events as results. An explicit iterator rather than an async generator: graphql-ws
 * ends a subscription with `return()` while a `next()` is pending, which a generator would queue
 * behind that `next()`; here it reaches the source (the hub's feed) at once.
 */
function mapped<T>(
  source: AsyncIterable<T>,
  map: (event: T) => ExecutionResult | Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
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
