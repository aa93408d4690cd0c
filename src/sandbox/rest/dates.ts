import { DAY_MS, toZoomIso } from '../clock.js';

/** A `format: date` value (`yyyy-mm-dd`) as the first ms of that UTC day; undefined when not a real date. */
export function parseDay(v: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(ms) && toZoomIso(ms).slice(0, 10) === v ? ms : undefined;
}

export const dayOf = (ms: number): string => toZoomIso(ms).slice(0, 10);
export const startOfDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** Whether `iso` falls on a UTC day from `fromDay` to `toDay`, both included. */
export const withinDays = (iso: string | undefined, fromDay: number, toDay: number): boolean => {
  if (iso === undefined) return false;
  const t = Date.parse(iso);
  return t >= fromDay && t < toDay + DAY_MS;
};
