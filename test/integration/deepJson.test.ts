import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach, type Harness } from '../helpers/gateway.js';
import { rawSocket } from '../helpers/subscriptions.js';
import { deliver, meetingEvent, WEBHOOK_SECRET } from '../helpers/webhooks.js';

const { track } = stopAfterEach();

/**
 * JSON text of `levels` arrays around 1 (`[[[1]]]` is 3), or of objects around "x". Built as
 * text: JSON.stringify itself overflows the stack on such values.
 */
const nestedList = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const nestedObject = (levels: number): string => `${'{"topic":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
/** JSON.stringify of `value`, with each `"$deep"` string replaced by the raw JSON text given. */
const jsonWith = (value: unknown, deep: string): string => JSON.stringify(value).replace('"$deep"', deep);

async function post(
  h: Harness,
  body: string,
): Promise<{ status: number; json: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, json: (await res.json()) as never };
}

/** 400 BAD_USER_INPUT naming HTTP_MAX_JSON_DEPTH, nothing sent to Zoom, no error logged. */
function expectDepthRefusal(
  h: Harness,
  r: { status: number; json: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } },
  max = 64,
) {
  expect(r.status).toBe(400);
  expect(r.json.errors).toHaveLength(1);
  expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'HTTP_MAX_JSON_DEPTH', max });
  expect(r.json.errors?.[0]?.message).toContain('HTTP_MAX_JSON_DEPTH');
  expect(h.fake.hits()).toBe(0);
}

const noErrorLogged = (h: Harness) =>
  expect(h.logs.filter((l) => /"level":(50|60)/.test(l) || /RangeError|Maximum call stack/.test(l))).toEqual([]);

describe('deeply nested JSON is bad input, never a stack overflow', () => {
  it('variables 5,000 levels deep (list and input object) are refused with the named limit', async () => {
    const h = track(await startHarness());
    h.fake.resetCounters();
    expectDepthRefusal(
      h,
      await post(h, jsonWith({ query: 'query ($a: [String]) { me { id } }', variables: { a: '$deep' } }, nestedList(5000))),
    );
    expectDepthRefusal(
      h,
      await post(h, jsonWith({ query: 'query ($a: MeetingInput) { me { id } }', variables: { a: '$deep' } }, nestedObject(5000))),
    );
    // A variable the operation does not declare, and the extensions, are read as deeply.
    expectDepthRefusal(h, await post(h, jsonWith({ query: '{ me { id } }', variables: { unused: '$deep' } }, nestedList(5000))));
    expectDepthRefusal(h, await post(h, jsonWith({ query: '{ me { id } }', extensions: { x: '$deep' } }, nestedObject(5000))));
    // In a batch, one deep operation refuses the request.
    expectDepthRefusal(
      h,
      await post(
        h,
        jsonWith(
          [{ query: '{ me { id } }' }, { query: 'query ($a: [String]) { me { id } }', variables: { a: '$deep' } }],
          nestedList(5000),
        ),
      ),
    );
    noErrorLogged(h);
  });

  it('GET: deep variables in the query string are refused the same way', async () => {
    const h = track(await startHarness());
    h.fake.resetCounters();
    const params = new URLSearchParams({ query: 'query ($a: [String]) { me { id } }', variables: `{"a":${nestedList(1000)}}` }); // a URL holds no more
    const res = await fetch(`${h.url}/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expectDepthRefusal(h, { status: res.status, json: (await res.json()) as never });
    // Brackets inside strings are not nesting.
    const inString = new URLSearchParams({
      query: '{ users(first: 1) { nodes { id } } }',
      variables: JSON.stringify({ a: '['.repeat(1000) }),
    });
    const ok = await fetch(`${h.url}/graphql?${inString}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    noErrorLogged(h);
  });

  it('the limit is configurable, and JSON just under it is answered as usual (no 500, no RangeError) even at the highest setting', async () => {
    const h = track(await startHarness({ env: { HTTP_MAX_JSON_DEPTH: '1000' } }));
    // Body { variables: { a: … } } adds two levels.
    const under = await post(
      h,
      jsonWith({ query: 'query ($a: [String]) { users(first: 1) { nodes { id } } }', variables: { a: '$deep' } }, nestedList(997)),
    );
    expect(under.status).toBe(400);
    // Refused by GraphQL's own validation ($a is never used), with Apollo's code: no depth limit, no 500.
    expect(under.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(under.json.errors?.[0]?.extensions?.limit).toBeUndefined();
    const deepInput = await post(
      h,
      jsonWith(
        { query: 'mutation ($a: CreateMeetingInput!) { createMeeting(input: $a) { id } }', variables: { a: '$deep' } },
        nestedObject(997),
      ),
    );
    expect(deepInput.status).toBe(400);
    expect(deepInput.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    h.fake.resetCounters();
    expectDepthRefusal(
      h,
      await post(h, jsonWith({ query: 'query ($a: [String]) { me { id } }', variables: { a: '$deep' } }, nestedList(999))),
      1000,
    );
    noErrorLogged(h);
  });

  it('a signed webhook nesting past the limit is refused before it is parsed or recorded', async () => {
    const h = track(await startHarness({ env: { ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET } }));
    const now = h.fake.clock.now();
    const base = JSON.parse(meetingEvent('meeting.updated', 81234567890, undefined, now)) as { payload: Record<string, unknown> };
    const deep = jsonWith({ ...base, payload: { ...base.payload, extra: '$deep' } }, nestedObject(5000));
    const r = await deliver(h.url, now, deep);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', limit: 'HTTP_MAX_JSON_DEPTH', max: 64 } }] });
    // An ordinary event is still accepted.
    expect((await deliver(h.url, now, meetingEvent('meeting.updated', 81234567890, undefined, now))).status).toBe(200);
    noErrorLogged(h);
  });

  it('a WebSocket subscribe message with deep variables is refused with the named limit; the connection stays open', async () => {
    const h = track(await startHarness());
    const { ws, messages } = await rawSocket(h.url);
    const next = async (count: number) => {
      for (let i = 0; i < 200 && messages.length < count; i++) await new Promise((r) => setTimeout(r, 10));
      return messages[count - 1] as { type: string; id?: string; payload?: unknown };
    };
    ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect((await next(1)).type).toBe('connection_ack');
    const query = 'subscription ($id: ID!) { meetingEvents(meetingId: $id) { type } }';
    ws.send(jsonWith({ id: 's1', type: 'subscribe', payload: { query, variables: { id: '1', extra: '$deep' } } }, nestedList(5000)));
    const refused = await next(2);
    expect(refused).toMatchObject({ id: 's1', type: 'error' });
    expect(refused.payload).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', limit: 'HTTP_MAX_JSON_DEPTH', max: 64 }) }),
    ]);
    // The same connection still answers the next subscribe, refused only for its own reasons.
    ws.send(JSON.stringify({ id: 's2', type: 'subscribe', payload: { query: '{ me { id } }' } }));
    const second = await next(3);
    expect(second).toMatchObject({ id: 's2', type: 'error' });
    expect(JSON.stringify(second.payload)).not.toContain('HTTP_MAX_JSON_DEPTH');
    ws.close();
    noErrorLogged(h);
  });
});
