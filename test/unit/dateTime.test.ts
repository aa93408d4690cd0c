import { describe, expect, it } from 'vitest';
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
