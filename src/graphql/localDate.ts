import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { badUserInput } from '../errors.js';

/** A calendar day, `yyyy-mm-dd` (RFC 3339 full-date), as Zoom's `from`/`to` take it (UTC days). */
export const LocalDate = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
});

const DAY_MS = 86_400_000;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The same day of another month, or that month's last day (a month after Jan 31 is Feb 28 or 29). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return dayOf(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** `from` must not come after `to`; refused before any Zoom call. */
export function checkDayOrder(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && dayMs(from) > dayMs(to)) throw badUserInput(`from (${from}) is after to (${to}).`, 'from');
}

/**
 * A recordings window: Zoom answers for at most one month and silently cuts a longer range to
 * the month before `to` (zoom/api#36), so a longer one is refused rather than half answered.
 * One end alone gets the other a month away; neither means Zoom's default (today).
 */
export function monthWindow(from: string | null | undefined, to: string | null | undefined): { from?: string; to?: string } {
  checkDayOrder(from, to);
  if (!from && !to) return {};
  const start = from ?? addMonths(to!, -1);
  const end = to ?? addMonths(from!, 1);
  // Zoom keeps the month before `to`: an earlier `from` is what it would cut away.
  if (dayMs(start) < dayMs(addMonths(end, -1))) {
    throw badUserInput(
      `from and to may be at most one month apart (Zoom's limit); got ${Math.round((dayMs(end) - dayMs(start)) / DAY_MS)} days.`,
      'to',
    );
  }
  return { from: start, to: end };
}
