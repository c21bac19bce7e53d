/**
 * The fiscal calendar of METRICS.md: a fiscal year starts on the 1st of `fiscalYearStartMonth` and
 * is named by the calendar year in which it ends (start month 2: FY2027 = 2026-02-01..2027-01-31).
 * Quarter ids are `FY27-Q1`..`FY27-Q4`, fiscal-year ids `FY2027`.
 */
import { dayOf, partsOfDay, type Day } from '../dates.ts';

/** The calendar year in which the fiscal year holding (year, month) ends, and the quarter (1-4). */
function fiscalParts(day: Day, startMonth: number): { fy: number; quarter: number } {
  const { year, month } = partsOfDay(day);
  // A year starting in January ends in the same calendar year; any later start ends in the next one.
  const fy = startMonth === 1 || month < startMonth ? year : year + 1;
  const monthsIn = (month - startMonth + 12) % 12;
  return { fy, quarter: Math.floor(monthsIn / 3) + 1 };
}

/** The first day of fiscal year `fy` (named by its ending calendar year). */
function fiscalYearStart(fy: number, startMonth: number): Day {
  return dayOf(startMonth === 1 ? fy : fy - 1, startMonth, 1);
}

/** The first day of the month `months` after (year, month); month is 1-12. */
function monthStart(year: number, month: number, months: number): Day {
  const m = month - 1 + months;
  return dayOf(year + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, 1);
}

const twoDigits = (fy: number) => String(((fy % 100) + 100) % 100).padStart(2, '0');

/** `FY27-Q4` → fiscal year 2027 and quarter 4; throws on anything else. */
function parseQuarter(quarterId: string): { fy: number; quarter: number } {
  const m = /^FY(\d{2})-Q([1-4])$/.exec(quarterId);
  if (!m) throw new Error(`not a fiscal quarter id (FYyy-Qn): "${quarterId}"`);
  return { fy: 2000 + Number(m[1]), quarter: Number(m[2]) };
}

/** The fiscal year holding a day: `FY2027`. */
export function fiscalYearOf(day: Day, startMonth: number): string {
  return `FY${fiscalParts(day, startMonth).fy}`;
}

/** The fiscal quarter holding a day: `FY27-Q4`. */
export function fiscalQuarterOf(day: Day, startMonth: number): string {
  const { fy, quarter } = fiscalParts(day, startMonth);
  return `FY${twoDigits(fy)}-Q${quarter}`;
}

/** First and last day (inclusive) of a fiscal quarter. */
export function quarterRange(quarterId: string, startMonth: number): { start: Day; end: Day } {
  const { fy, quarter } = parseQuarter(quarterId);
  const { year, month } = partsOfDay(fiscalYearStart(fy, startMonth));
  const start = monthStart(year, month, (quarter - 1) * 3);
  return { start, end: monthStart(year, month, quarter * 3) - 1 };
}

/** First and last day (inclusive) of a fiscal year `FY2027`. */
export function fiscalYearRange(fiscalYearId: string, startMonth: number): { start: Day; end: Day } {
  const m = /^FY(\d{4})$/.exec(fiscalYearId);
  if (!m) throw new Error(`not a fiscal year id (FYyyyy): "${fiscalYearId}"`);
  const fy = Number(m[1]);
  return { start: fiscalYearStart(fy, startMonth), end: fiscalYearStart(fy + 1, startMonth) - 1 };
}

/** The quarter `by` quarters later (negative: earlier): `shiftQuarter('FY27-Q4', 1)` is `FY28-Q1`. */
export function shiftQuarter(quarterId: string, by: number): string {
  const { fy, quarter } = parseQuarter(quarterId);
  const n = fy * 4 + (quarter - 1) + by;
  return `FY${twoDigits(Math.floor(n / 4))}-Q${(((n % 4) + 4) % 4) + 1}`;
}
