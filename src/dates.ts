/**
 * Calendar dates as whole day numbers (days since 1970-01-01), the one date type of the tables
 * and the metrics: cheap to store and compare, and `b - a` is `days(a, b)` of METRICS.md.
 */
// The function's own module: the package index loads every date-fns function at start-up.
import { addMonths } from 'date-fns/addMonths';

export type Day = number;

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date; month is 1-12. */
export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** `2026-03-15` → day number; throws on anything else (for trusted input such as --as-of). */
export function dayFromIso(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(y, mo, d);
  if (isoFromDay(day) !== iso) throw new Error(`not a calendar date: "${iso}"`);
  return day;
}

// A build turns the same few thousand days into text hundreds of thousands of times.
const isoCache = new Map<Day, string>();

/** Day number → `YYYY-MM-DD`. */
export function isoFromDay(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

/** Year, month (1-12) and day of month of a day number. */
export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `days(a, b)` of METRICS.md: b − a in whole days. */
export function daysBetween(a: Day, b: Day): number {
  return b - a;
}

/**
 * Calendar months added, clamped to the month's last day (date-fns `addMonths`). The metrics ask
 * the same few (T, n) pairs for every account, so each answer is kept.
 */
export function addMonthsToDay(day: Day, months: number): Day {
  let byDay = shiftedDays.get(months);
  if (!byDay) shiftedDays.set(months, (byDay = new Map()));
  let shifted = byDay.get(day);
  if (shifted === undefined) byDay.set(day, (shifted = addMonthsNow(day, months)));
  return shifted;
}
const shiftedDays = new Map<number, Map<Day, Day>>();

function addMonthsNow(day: Day, months: number): Day {
  const { year, month, day: dom } = partsOfDay(day);
  // date-fns works on local time; a local noon keeps DST shifts from moving the date.
  const shifted = addMonths(new Date(year, month - 1, dom, 12), months);
  return dayOf(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

/** Day of week, ISO numbering: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
