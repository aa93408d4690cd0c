import { describe, expect, it } from 'vitest';
import { checkDayOrder, monthWindow } from '../../src/graphql/localDate.js';

describe('recording windows: at most one month, refused rather than cut', () => {
  it('keeps a window of up to one calendar month, both ends included', () => {
    expect(monthWindow('2026-06-01', '2026-07-01')).toEqual({ from: '2026-06-01', to: '2026-07-01' });
    expect(monthWindow('2026-06-10', '2026-06-10')).toEqual({ from: '2026-06-10', to: '2026-06-10' });
  });

  it('fills the missing end a month away; neither end leaves Zoom its default', () => {
    expect(monthWindow('2026-06-10', null)).toEqual({ from: '2026-06-10', to: '2026-07-10' });
    expect(monthWindow(undefined, '2026-03-31')).toEqual({ from: '2026-02-28', to: '2026-03-31' });
    expect(monthWindow('2024-01-31', null)).toEqual({ from: '2024-01-31', to: '2024-02-29' });
    expect(monthWindow(null, null)).toEqual({});
  });

  it('refuses a longer window or a from after to as BAD_USER_INPUT', () => {
    expect(() => monthWindow('2026-01-31', '2026-03-01')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => monthWindow('2026-06-01', '2026-07-02')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { argument: 'to' } }),
    );
    expect(() => monthWindow('2026-06-02', '2026-06-01')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { argument: 'from' } }),
    );
    expect(() => checkDayOrder('2026-06-02', '2026-06-01')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkDayOrder('2026-06-01', null)).not.toThrow();
  });
});
