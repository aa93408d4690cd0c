import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/graphql/cursor.js';
import { buildGatewaySubgraphSchema } from '../../src/graphql/federation.js';
import { CostCalculator } from '../../src/graphql/limits/index.js';
import { SATURATED } from '../../src/graphql/limits/shape.js';
import { MAX_FIRST } from '../../src/graphql/pagination.js';

let costs: CostCalculator;
beforeAll(async () => {
  costs = new CostCalculator(await buildGatewaySubgraphSchema(), new CursorCodec([new Uint8Array(32).fill(2)], MAX_FIRST));
});
const cost = (query: string, variables?: Record<string, unknown>) => costs.cost(parse(query), undefined, variables);
const refs = (typename: string, n: number) => Array.from({ length: n }, (_, i) => ({ __typename: typename, id: `id${i}` }));

describe('_entities cost: per representation, with its own type’s share of the selection', () => {
  const selection = `{ ... on User { meetings(first: 10) { nodes { host { id } } } } ... on Meeting { host { email } } }`;
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) ${selection} }`;

  it('a User costs its look-up, a page of meetings and each meeting’s host; a Meeting its look-up and host', () => {
    // User: 1 + (1 page + 10 × 1 host) = 12; Meeting: 1 + 1 = 2.
    expect(cost(query, { r: refs('User', 3) })).toEqual({ cost: 36 });
    expect(cost(query, { r: refs('Meeting', 3) })).toEqual({ cost: 6 });
    expect(cost(query, { r: [...refs('User', 2), ...refs('Meeting', 5)] })).toEqual({ cost: 34 });
    expect(cost(query, { r: [] })).toEqual({ cost: 0 });
  });

  it('inline representations cost as variables do; unknown types count their look-up only', () => {
    const inline = `{ _entities(representations: [{ __typename: "User", id: "a" }, { __typename: "Meeting", id: "1" }, { __typename: "Nope" }]) ${selection} }`;
    expect(cost(inline)).toEqual({ cost: 15 });
  });

  it('named fragments apply by type condition, _Entity ones to every type, and are costed once per type', () => {
    const q = `query ($r: [_Any!]!) { _entities(representations: $r) { ...E } }
      fragment E on _Entity { ...U ...U ...M }
      fragment U on User { meetings(first: 5) { nodes { id } } }
      fragment M on Meeting { host { id } }`;
    // User: 1 + 2 × (1 page) = 3; Meeting: 1 + 1 = 2.
    expect(cost(q, { r: [...refs('User', 2), ...refs('Meeting', 1)] })).toEqual({ cost: 8 });
  });

  it('a fragment chain under _entities saturates instead of blowing up', () => {
    const levels = 60;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on User { ...F${i + 1} ...F${i + 1} }`);
    const q = `query ($r: [_Any!]!) { _entities(representations: $r) { ...F0 } } ${fragments.join(' ')} fragment F${levels} on User { meetings { nodes { id } } }`;
    expect(cost(q, { r: refs('User', 1) })).toEqual({ cost: SATURATED });
  });

  it('_service is free', () => {
    expect(cost('{ _service { sdl } }')).toEqual({ cost: 0 });
  });
});
