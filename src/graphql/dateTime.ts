import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

const base = GraphQLDateTime.toConfig();

/**
 * graphql-scalars' DateTime, except that results leave as ISO strings rather than Date objects:
 * the JSON text is identical (Date's toJSON is toISOString), but JSON.stringify calls a
 * Date's toJSON through its slow path, which made up most of the serialisation of a user page.
 */
export const DateTime = new GraphQLScalarType({
  ...base,
  serialize(value) {
    const out = base.serialize(value);
    return out instanceof Date ? out.toISOString() : out;
  },
});
