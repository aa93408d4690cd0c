import { describe, expect, it } from 'vitest';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateTime } from '../../src/graphql/dateTime.js';

describe('DateTime results', () => {
  it("leave as the same ISO text a Date would give, for Zoom's shape and for Dates", () => {
    for (const v of ['2019-06-24T08:38:39Z', '2024-02-29T23:59:59Z', '2000-02-29T00:00:00Z', '1999-12-31T00:00:00Z']) {
      expect(DateTime.serialize(v)).toBe(new Date(v).toISOString());
    }
    expect(DateTime.serialize(new Date('2019-06-24T08:38:39.123Z'))).toBe('2019-06-24T08:38:39.123Z');
    expect(DateTime.serialize('2019-06-24T10:38:39+02:00')).toBe('2019-06-24T08:38:39.000Z');
  });

  it('refuses what is not a date-time, days past the end of the month included', () => {
    for (const v of [
      '2019-13-01T00:00:00Z',
      '2019-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2019-04-31T00:00:00Z',
      '2019-06-24T24:00:00Z',
      'yesterday',
      '',
    ]) {
      expect(() => DateTime.serialize(v), v).toThrow();
    }
  });
});

describe("DateTime's fast path for Zoom's shape", () => {
  // The check it replaced, as the reference: a regular expression, then the month's last day.
  const ZOOM = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
  const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const fallback = GraphQLDateTime.toConfig().serialize;
  const reference = (v: string): unknown => {
    if (ZOOM.test(v)) {
      const month = Number(v.slice(5, 7));
      const day = Number(v.slice(8, 10));
      if (day <= DAYS[month - 1]! && !(month === 2 && day === 29 && !leap(Number(v.slice(0, 4))))) return `${v.slice(0, 19)}.000Z`;
    }
    const out = fallback(v);
    return out instanceof Date ? out.toISOString() : out;
  };
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };

  it('answers as the regular expression it replaced did, for every character changed anywhere in a date-time', () => {
    const replacements = ['0', '1', '2', '3', '5', '6', '9', 'a', '-', ':', '.', 'T', 't', 'Z', 'z', ' ', '/', '٣', '\u0000'];
    const seen = new Set<string>();
    for (const valid of ['2019-06-24T08:38:39Z', '2024-02-29T23:59:59Z', '1900-02-28T00:00:00Z', '2000-12-31T19:09:50Z']) {
      const candidates = [valid, valid.slice(0, -1), `${valid}Z`, ` ${valid}`, valid.replace('Z', '.000Z'), valid.replace('Z', '+02:00')];
      for (let i = 0; i < valid.length; i++) for (const c of replacements) candidates.push(valid.slice(0, i) + c + valid.slice(i + 1));
      for (const v of candidates) {
        if (seen.has(v)) continue;
        seen.add(v);
        expect(
          outcome(() => DateTime.serialize(v)),
          v,
        ).toEqual(outcome(() => reference(v)));
      }
    }
    expect(seen.size).toBeGreaterThan(1000);
  });
});
