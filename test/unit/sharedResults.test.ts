import {
  GraphQLID,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isObjectType,
  parse,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { SharedResults } from '../../src/http/sharedResults.js';
import { CALLER_DEPENDENT } from '../../src/http/subscriptions.js';

/** A source of events the test pushes, as the hub's feed is; `ended` once the subscription returns. */
function source() {
  const waiting: Array<(r: IteratorResult<object>) => void> = [];
  const queued: object[] = [];
  const state = { ended: false };
  const iterator: AsyncIterableIterator<object> = {
    next: () => {
      const event = queued.shift();
      if (event) return Promise.resolve({ value: event, done: false });
      if (state.ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: () => {
      state.ended = true;
      for (const w of waiting.splice(0)) w({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    iterator,
    state,
    push(event: object) {
      const w = waiting.shift();
      if (w) w({ value: event, done: false });
      else queued.push(event);
    },
  };
}

function fixture() {
  const feeds: Array<ReturnType<typeof source>> = [];
  let executions = 0;
  const Event = new GraphQLObjectType({
    name: 'Event',
    fields: {
      id: { type: GraphQLID },
      label: {
        type: GraphQLString,
        resolve: (e: { id: string }) => {
          executions++;
          return `event ${e.id}`;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        events: {
          type: Event,
          args: { topic: { type: GraphQLString } },
          subscribe: () => {
            const feed = source();
            feeds.push(feed);
            return feed.iterator;
          },
          resolve: (e: unknown) => e,
        },
        refused: {
          type: Event,
          subscribe: () => {
            throw new Error('not for you');
          },
        },
      },
    }),
  });
  const shared = new SharedResults();
  const args = (
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = JSON.stringify([query, variables]),
  ): ExecutionArgs => {
    const a: ExecutionArgs = { schema, document: parse(query), variableValues: variables, contextValue: {} };
    return key === null ? a : shared.share(a, key);
  };
  return { feeds, shared, args, executions: () => executions };
}

const QUERY = 'subscription ($t: String) { events(topic: $t) { id label } }';

async function start(shared: SharedResults, args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult>> {
  const result = await shared.subscribe(args);
  if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
  return result;
}

describe('SharedResults: one execution per event and operation', () => {
  it('hands every subscription with the same operation the same result, executed once', async () => {
    const f = fixture();
    const subs = await Promise.all([1, 2, 3].map(() => start(f.shared, f.args(QUERY, { t: 'a' }))));
    const nexts = subs.map((s) => s.next());
    const event = { id: '7' };
    for (const feed of f.feeds) feed.push(event);
    const results = await Promise.all(nexts);
    expect(results[0]!.value).toEqual({ data: { events: { id: '7', label: 'event 7' } } });
    expect(results[1]!.value).toBe(results[0]!.value);
    expect(results[2]!.value).toBe(results[0]!.value);
    expect(f.executions()).toBe(1);
  });

  it('executes separately for other variables, for another event, and for arguments not marked for sharing', async () => {
    const f = fixture();
    const a = await start(f.shared, f.args(QUERY, { t: 'a' }));
    const b = await start(f.shared, f.args(QUERY, { t: 'b' }));
    const c = await start(f.shared, f.args(QUERY, { t: 'a' }, null));
    const first = { id: '1' };
    for (const feed of f.feeds) feed.push(first);
    const [ra, rb, rc] = await Promise.all([a.next(), b.next(), c.next()]);
    expect(rb.value).not.toBe(ra.value);
    expect(rc.value).not.toBe(ra.value);
    expect(rc.value).toEqual(ra.value);
    expect(f.executions()).toBe(3);
    f.feeds[0]!.push({ id: '1' });
    const again = await a.next();
    expect(again.value).toEqual(ra.value);
    expect(again.value).not.toBe(ra.value);
    expect(f.executions()).toBe(4);
  });

  it('ends the source at once when the subscription returns while it waits for an event', async () => {
    const f = fixture();
    const sub = await start(f.shared, f.args(QUERY));
    const pending = sub.next();
    await sub.return!();
    expect(f.feeds[0]!.state.ended).toBe(true);
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });

  it('returns the errors of an operation that cannot subscribe, as graphql-js does', async () => {
    const f = fixture();
    const result = await f.shared.subscribe(f.args('subscription { refused { id } }', {}, 'k'));
    expect(Symbol.asyncIterator in result).toBe(false);
    expect((result as ExecutionResult).errors?.[0]?.message).toBe('not for you');
  });
});

/**
 * Sharing is sound only while nothing under Subscription depends on who asks. These are the
 * types a subscription result can contain today, reviewed for that: their fields read the event
 * only. A new type here needs the same review (src/http/sharedResults.ts) before it is added.
 */
const REVIEWED = ['MeetingEvent', 'MeetingParticipant', 'MeetingEventKind', 'ID', 'String', 'Int', 'Boolean', 'DateTime'];

describe('the gateway schema under Subscription', () => {
  it('reaches only types reviewed as independent of the caller', async () => {
    const schema = await buildGatewaySchema();
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) {
        let t = field.type;
        while ('ofType' in t) t = t.ofType;
        visit(t);
      }
    };
    const root = schema.getSubscriptionType();
    expect(root).toBeDefined();
    // Their results are shared per caller only (src/http/subscriptions.ts).
    expect([...CALLER_DEPENDENT]).toEqual(['accountUserEvents']);
    for (const field of Object.values(root!.getFields())) {
      if (CALLER_DEPENDENT.has(field.name)) continue;
      let t = field.type;
      while ('ofType' in t) t = t.ofType;
      visit(t);
    }
    expect(seen.has('MeetingEvent')).toBe(true);
    expect([...seen].filter((n) => !REVIEWED.includes(n))).toEqual([]);
  });
});
