import { parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CursorCodec } from '../../src/graphql/cursor.js';
import { CostCalculator, limitValidationRules } from '../../src/graphql/limits/index.js';
import { SATURATED, operationShapes } from '../../src/graphql/limits/shape.js';
import { MAX_FIRST } from '../../src/graphql/pagination.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';

/** `F0 { ...F1 ...F1 }`, …, `F<levels> { leaf }`: the leaf 2^levels times once expanded. */
function chain(levels: number, leaf: string): DocumentNode {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return parse(`{ ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { ${leaf} }`);
}

let schema: Awaited<ReturnType<typeof buildGatewaySchema>>;
const cursors = new CursorCodec([new Uint8Array(32).fill(1)], MAX_FIRST);
const limits = loadConfig({ GATEWAY_AUTH: 'none', CACHE_URL: 'memory://' }).limits;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

describe('the limits walk each fragment once', () => {
  for (const levels of [18, 20, 40]) {
    // A walk of the expanded operation would not finish for 40 levels (2^40 fields); how fast the walk is, the bench measures.
    it(`${levels}-level chain: all validation rules and the cost finish, with the expanded counts`, () => {
      const aliased = chain(levels, 'a: credentials { sandbox }');
      const costly = chain(levels, 'users(first: 300) { nodes { id } }');
      const rules = [...specifiedRules, ...limitValidationRules(limits)];
      // A fresh document: shapes and costs are remembered per document.
      const errors: readonly { message: string }[] = validate(schema, chain(levels, 'a: credentials { sandbox }'), rules);
      expect(errors.map((e) => e.message)).toEqual([`The operation uses ${2 ** levels} aliases; the limit is 30 (GRAPHQL_MAX_ALIASES).`]);
      expect([...operationShapes(aliased).values()][0]).toMatchObject({ aliases: 2 ** levels, depth: 2, fields: 2 ** levels * 2 });
      const cost: unknown = new CostCalculator(schema, cursors).cost(costly, undefined, undefined);
      expect(cost).toEqual({ cost: 2 ** levels });
    });
  }

  it('counts saturate instead of overflowing', () => {
    const [shape] = operationShapes(chain(80, 'a: credentials { sandbox }')).values();
    expect(shape?.aliases).toBe(SATURATED);
    expect(new CostCalculator(schema, cursors).cost(chain(80, 'users(first: 300) { nodes { id } }'), undefined, undefined)).toEqual({
      cost: SATURATED,
    });
  });
});

describe('cost', () => {
  const cost = (query: string, variables?: Record<string, unknown>) =>
    new CostCalculator(schema, cursors).cost(parse(query), undefined, variables);

  it('first: null, a null variable and an omitted first cost as the default, 30', () => {
    for (const [query, variables] of [
      ['{ meetings(first: null) { nodes { host { id } } } }', undefined],
      ['query($n: Int) { meetings(first: $n) { nodes { host { id } } } }', { n: null }],
      ['query($n: Int) { meetings(first: $n) { nodes { host { id } } } }', {}],
      ['{ meetings { nodes { host { id } } } }', undefined],
    ] as const) {
      expect(cost(query, variables)).toEqual({ cost: 31 });
    }
    expect(cost('query($n: Int = 5) { meetings(first: $n) { nodes { host { id } } } }')).toEqual({ cost: 6 });
  });

  it('a connection after a cursor counts every Zoom page it may fetch; a forged cursor counts one', () => {
    const small = cursors.encode({ t: 'tok', s: 1, i: -1, q: 'users:active' });
    expect(cost('query($c: String) { users(first: 3, after: $c) { nodes { id } } }', { c: small })).toEqual({ cost: 3 });
    expect(cost(`{ users(first: 300, after: "${small}") { nodes { id } } }`)).toEqual({ cost: 5 });
    const forged = new CursorCodec([new Uint8Array(32).fill(9)], MAX_FIRST).encode({ t: 'tok', s: 1, i: -1, q: 'users:active' });
    expect(cost(`{ users(first: 300, after: "${forged}") { nodes { id } } }`)).toEqual({ cost: 1 });
  });

  it('meeting data: recurrence, occurrences and invitation 1 each per meeting, registrants per page, writes 2', () => {
    expect(cost('{ meeting(id: "85746065432") { recurrence { type } occurrences { occurrenceId } invitation } }')).toEqual({ cost: 4 });
    expect(cost('{ meetings(first: 10) { nodes { registrants(first: 5) { nodes { email } } } } }')).toEqual({ cost: 11 });
    expect(cost('mutation { endMeeting(id: "85746065432") }')).toEqual({ cost: 2 });
    expect(cost('mutation { addMeetingRegistrant(meetingId: "85746065432", input: { email: "a@b.co", firstName: "A" }) { id } }')).toEqual({
      cost: 2,
    });
    expect(cost('mutation { updateMeetingRegistrantStatus(meetingId: "85746065432", action: APPROVE, registrantIds: ["a"]) }')).toEqual({
      cost: 2,
    });
  });

  it('webinar data costs as meeting data: a dashboard is one call per resource, times the instances it may list', () => {
    // webinar, host, panelists, one registrants page, instances + 10 × (participants, absentees).
    const dashboard =
      '{ webinar(id: "85746065432") { host { id } panelists { id } registrants(status: PENDING) { nodes { id } } pastInstances { participants { nodes { name } } absentees { nodes { email } } } } }';
    expect(cost(dashboard)).toEqual({ cost: 25 });
    expect(cost('{ webinars(first: 10) { nodes { host { id } panelists { id } } } }')).toEqual({ cost: 21 });
    expect(cost('mutation { startWebinarToken(webinarId: "85746065432") { zak } }')).toEqual({ cost: 2 });
    expect(cost('mutation { addWebinarPanelists(webinarId: "85746065432", panelists: [{ email: "a@b.co", name: "A" }]) { id } }')).toEqual({
      cost: 3,
    });
  });

  it('introspection costs nothing; invalid variables are reported', () => {
    expect(cost('{ __schema { types { name } } __typename }')).toEqual({ cost: 0 });
    expect(cost('query($n: Int!) { users(first: $n) { nodes { id } } }', { n: 'many' })).toMatchObject({
      invalidVariables: expect.stringContaining('$n'),
    });
  });
});
