import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

const base = GraphQLDateTime.toConfig();

/** Zoom's own shape, `2019-06-24T08:38:39Z`, with every field in range. */
const ZOOM_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same text as `new Date(v).toISOString()` for Zoom's shape, without building a Date. */
function fromZoomShape(v: string): string | undefined {
  if (!ZOOM_DATE_TIME.test(v)) return undefined;
  const month = Number(v.slice(5, 7));
  const day = Number(v.slice(8, 10));
  if (day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeap(Number(v.slice(0, 4))))) return undefined;
  return `${v.slice(0, 19)}.000Z`;
}

/**
 * graphql-scalars' DateTime, except that results leave as ISO strings rather than Date objects:
 * the JSON text is identical (Date's toJSON is toISOString), but JSON.stringify calls a
 * Date's toJSON through its slow path, which made up most of the serialisation of a user page.
 * Zoom's date-time strings are normalised without a Date; anything else goes through
 * graphql-scalars' checks.
 */
export const DateTime = new GraphQLScalarType({
  ...base,
  // graphql-scalars names no specification; clients and codegen read this (`@specifiedBy`).
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize(value) {
    if (typeof value === 'string') {
      const fast = fromZoomShape(value);
      if (fast !== undefined) return fast;
    }
    const out = base.serialize(value);
    return out instanceof Date ? out.toISOString() : out;
  },
});
