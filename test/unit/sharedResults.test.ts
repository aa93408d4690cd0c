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
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { SharedResults, type Payload } from '../../src/http/sharedResults.js';
import { LiveHub } from '../../src/live/hub.js';
import type { LiveEvent } from '../../src/live/liveEvent.js';
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
      // A field that waits (as one reading Zoom does), for events that say how long.
      later: {
        type: GraphQLString,
        resolve: async (e: { id: string; waitMs?: number }) => {
          await new Promise((r) => setTimeout(r, e.waitMs ?? 0));
          return `later ${e.id}`;
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
        hub: {
          type: Event,
          subscribe: () =>
            hub.subscribe(
              () => true,
              () => undefined,
            ),
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
  let arrive: (event: LiveEvent) => void = () => undefined;
  const hub = new LiveHub(
    { publish: async () => undefined, onEvent: (l) => void (arrive = l), close: async () => undefined },
    { dropped: () => undefined },
    pino({ level: 'silent' }),
  );
  const shared = new SharedResults((r) => JSON.stringify(r));
  /** Each subscription's payloads, as its socket would be sent them. */
  const sent = new Map<ExecutionArgs, Payload[]>();
  const args = (
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = JSON.stringify([query, variables]),
    deliver?: (p: Payload) => void,
  ): ExecutionArgs => {
    const a: ExecutionArgs = { schema, document: parse(query), variableValues: variables, contextValue: {} };
    if (key === null) return a;
    const got: Payload[] = [];
    sent.set(a, got);
    return shared.share(a, key, deliver ?? ((p) => void got.push(p)));
  };
  return {
    feeds,
    shared,
    args,
    sent: (a: ExecutionArgs) => sent.get(a)!,
    executions: () => executions,
    arrive: (e: LiveEvent) => arrive(e),
  };
}

const QUERY = 'subscription ($t: String) { events(topic: $t) { id label } }';

async function start(shared: SharedResults, args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult>> {
  const result = await shared.subscribe(args);
  if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
  return result;
}

/** Lets pulled sources' promises settle. */
const settle = () => new Promise((r) => setImmediate(r));

describe('SharedResults: one execution per event and operation', () => {
  it('sends every subscription with the same operation the same payload, executed and serialised once', async () => {
    const f = fixture();
    const argsOf = [1, 2, 3].map(() => f.args(QUERY, { t: 'a' }));
    const subs = await Promise.all(argsOf.map((a) => start(f.shared, a)));
    for (const s of subs) void s.next();
    const event = { id: '7' };
    for (const feed of f.feeds) feed.push(event);
    await settle();
    const [first, ...others] = argsOf.map((a) => f.sent(a));
    expect(first).toEqual([{ json: JSON.stringify({ data: { events: { id: '7', label: 'event 7' } } }), ok: true }]);
    for (const o of others) expect(o[0]).toBe(first![0]);
    expect(f.executions()).toBe(1);
  });

  it('executes separately for other variables, for another event, and for arguments not marked for sharing', async () => {
    const f = fixture();
    const argsA = f.args(QUERY, { t: 'a' });
    const argsB = f.args(QUERY, { t: 'b' });
    const a = await start(f.shared, argsA);
    const b = await start(f.shared, argsB);
    const c = await start(f.shared, f.args(QUERY, { t: 'a' }, null));
    void a.next();
    void b.next();
    const pulled = c.next();
    const first = { id: '1' };
    for (const feed of f.feeds) feed.push(first);
    await settle();
    const [ra] = f.sent(argsA);
    const [rb] = f.sent(argsB);
    expect(rb).not.toBe(ra);
    expect(rb).toEqual(ra);
    expect((await pulled).value).toEqual(JSON.parse(ra!.json));
    expect(f.executions()).toBe(3);
    f.feeds[0]!.push({ id: '1' });
    await settle();
    const again = f.sent(argsA)[1];
    expect(again).toEqual(ra);
    expect(again).not.toBe(ra);
    expect(f.executions()).toBe(4);
  });

  it('sends a feed’s events as they arrive and in order, an event that waits holding back the ones after it', async () => {
    const f = fixture();
    const argsOf = [f.args('subscription { hub { id later } }'), f.args('subscription { hub { id } }')];
    const subs = await Promise.all(argsOf.map((a) => start(f.shared, a)));
    for (const s of subs) void s.next();
    const event = (sequence: number, waitMs: number) =>
      Object.assign(
        { meetingId: '81234567890', kind: 'UPDATED' as const, sequence, occurredAt: sequence },
        { id: String(sequence), waitMs },
      );
    f.arrive(event(1, 30));
    f.arrive(event(2, 0));
    // The operation without a waiting field is sent both at once, before any turn of the event loop.
    expect(f.sent(argsOf[1]!).map((p) => JSON.parse(p.json).data.hub.id)).toEqual(['1', '2']);
    expect(f.sent(argsOf[0]!)).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(f.sent(argsOf[0]!).map((p) => JSON.parse(p.json).data.hub.later)).toEqual(['later 1', 'later 2']);
  });

  it('ends the source at once when the subscription returns while it waits for an event', async () => {
    const f = fixture();
    const sub = await start(f.shared, f.args(QUERY));
    const pending = sub.next();
    await sub.return!();
    expect(f.feeds[0]!.state.ended).toBe(true);
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });

  it('fails the subscription, and ends its source, when a result cannot be sent', async () => {
    const f = fixture();
    const sub = await start(
      f.shared,
      f.args(QUERY, {}, 'k', () => {
        throw new Error('socket gone');
      }),
    );
    const pending = sub.next();
    f.feeds[0]!.push({ id: '1' });
    await expect(pending).rejects.toThrow('socket gone');
    expect(f.feeds[0]!.state.ended).toBe(true);
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

  it('resolves an event at once, without a promise, so every subscriber is sent it in the same turn', async () => {
    const schema = await buildGatewaySchema();
    const fields = schema.getSubscriptionType()!.getFields();
    const event: LiveEvent = { meetingId: '81234567890', kind: 'STARTED', sequence: 3, occurredAt: Date.UTC(2026, 0, 1), hostId: 'h1' };
    for (const name of ['meetingEvents', 'myMeetingEvents', 'webinarEvents']) {
      const value = fields[name]!.resolve!(event, { meetingId: '81234567890' }, {}, {} as never);
      expect(value).not.toBeInstanceOf(Promise);
      expect(value).toMatchObject({
        meetingId: '81234567890',
        kind: 'STARTED',
        sequence: 3,
        occurredAt: '2026-01-01T00:00:00.000Z',
        hostId: 'h1',
      });
    }
    const user: LiveEvent = {
      meetingId: 'account-users',
      kind: 'USER',
      sequence: 1,
      occurredAt: 0,
      user: { type: 'user.updated', userId: 'u1' },
    };
    expect(fields.accountUserEvents!.resolve!(user, {}, {}, {} as never)).not.toBeInstanceOf(Promise);
  });
});
