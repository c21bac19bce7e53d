/**
 * Calendar-month windows of METRICS.md, in one place: "in the trailing N months" is
 * `T − N months ≤ d ≤ T`, months added or taken away with date-fns and clamped to the month's last
 * day (2027-03-31 − 1 month = 2027-02-28). Every window the handbook words in months or a year goes
 * through here; windows it words in days or weeks stay plain day arithmetic.
 */
import { addMonthsToDay, type Day } from '../dates.ts';
import { countInWindow } from './table-index.ts';

/** T − n calendar months, clamped to the month's last day. */
export function monthsBefore(t: Day, n: number): Day {
  return addMonthsToDay(t, -n);
}

/** T + n calendar months, clamped to the month's last day. */
export function monthsAfter(t: Day, n: number): Day {
  return addMonthsToDay(t, n);
}

/** Whether d lies in the trailing n months of T: `T − n months ≤ d ≤ T`. */
export function withinTrailingMonths(d: Day, t: Day, n: number): boolean {
  return monthsBefore(t, n) <= d && d <= t;
}

/** How many dates of an ascending list lie in the trailing n months of T (`T − n months ≤ d ≤ T`). */
export function countInTrailingMonths(sorted: readonly Day[], t: Day, n: number): number {
  // countInWindow is exclusive at its lower end; one day earlier makes the start inclusive.
  return countInWindow(sorted, monthsBefore(t, n) - 1, t);
}
