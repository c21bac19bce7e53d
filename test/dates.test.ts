import { describe, expect, it } from 'vitest';
import { addMonthsToDay, dayFromIso, daysBetween, isoFromDay, isoWeekday } from '../src/dates.ts';

describe('dates', () => {
  it('dayFromIso and isoFromDay round-trip, and days(a, b) counts whole days', () => {
    expect(isoFromDay(dayFromIso('2026-03-15'))).toBe('2026-03-15');
    expect(daysBetween(dayFromIso('2026-02-28'), dayFromIso('2026-03-01'))).toBe(1);
    expect(daysBetween(dayFromIso('2028-02-28'), dayFromIso('2028-03-01'))).toBe(2);
  });
  it('dayFromIso rejects a date that is not on the calendar', () => {
    expect(() => dayFromIso('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => dayFromIso('3/15/2026')).toThrow(/not an ISO date/);
  });
  it('addMonthsToDay clamps to the last day of the month', () => {
    expect(isoFromDay(addMonthsToDay(dayFromIso('2026-11-30'), 3))).toBe('2027-02-28');
    expect(isoFromDay(addMonthsToDay(dayFromIso('2026-05-31'), -3))).toBe('2026-02-28');
    expect(isoFromDay(addMonthsToDay(dayFromIso('2026-03-08'), 1))).toBe('2026-04-08');
  });
  it('isoWeekday numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday(dayFromIso('2026-11-23'))).toBe(1);
    expect(isoWeekday(dayFromIso('2026-11-29'))).toBe(7);
  });
});
