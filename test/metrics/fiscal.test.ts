import { describe, expect, it } from 'vitest';
import { isoFromDay } from '../../src/dates.ts';
import { fiscalQuarterOf, fiscalYearOf, fiscalYearRange, quarterRange, shiftQuarter } from '../../src/metrics/fiscal.ts';
import { day } from './build-tables.ts';

const isoRange = (r: { start: number; end: number }) => [isoFromDay(r.start), isoFromDay(r.end)];

describe('fiscal calendar starting in February (default)', () => {
  it('names the year by the calendar year in which it ends', () => {
    expect(fiscalYearOf(day('2026-01-31'), 2)).toBe('FY2026');
    expect(fiscalYearOf(day('2026-02-01'), 2)).toBe('FY2027');
    expect(fiscalYearOf(day('2027-01-31'), 2)).toBe('FY2027');
  });
  it('numbers quarters from February', () => {
    expect(fiscalQuarterOf(day('2026-02-01'), 2)).toBe('FY27-Q1');
    expect(fiscalQuarterOf(day('2026-04-30'), 2)).toBe('FY27-Q1');
    expect(fiscalQuarterOf(day('2026-05-01'), 2)).toBe('FY27-Q2');
    expect(fiscalQuarterOf(day('2026-11-20'), 2)).toBe('FY27-Q4');
    expect(fiscalQuarterOf(day('2027-01-31'), 2)).toBe('FY27-Q4');
    expect(fiscalQuarterOf(day('2027-02-01'), 2)).toBe('FY28-Q1');
  });
  it('gives the first and last day of quarters and years', () => {
    expect(isoRange(quarterRange('FY27-Q1', 2))).toEqual(['2026-02-01', '2026-04-30']);
    expect(isoRange(quarterRange('FY27-Q4', 2))).toEqual(['2026-11-01', '2027-01-31']);
    expect(isoRange(quarterRange('FY29-Q1', 2))).toEqual(['2028-02-01', '2028-04-30']);
    expect(isoRange(fiscalYearRange('FY2027', 2))).toEqual(['2026-02-01', '2027-01-31']);
    expect(isoRange(fiscalYearRange('FY2029', 2))).toEqual(['2028-02-01', '2029-01-31']);
  });
});

describe('fiscal calendar with other start months', () => {
  it('start month 1: the fiscal year is the calendar year', () => {
    expect(fiscalYearOf(day('2026-01-01'), 1)).toBe('FY2026');
    expect(fiscalYearOf(day('2026-12-31'), 1)).toBe('FY2026');
    expect(fiscalQuarterOf(day('2026-03-31'), 1)).toBe('FY26-Q1');
    expect(fiscalQuarterOf(day('2026-04-01'), 1)).toBe('FY26-Q2');
    expect(fiscalQuarterOf(day('2026-12-31'), 1)).toBe('FY26-Q4');
    expect(isoRange(quarterRange('FY26-Q4', 1))).toEqual(['2026-10-01', '2026-12-31']);
    expect(isoRange(fiscalYearRange('FY2026', 1))).toEqual(['2026-01-01', '2026-12-31']);
  });
  it('start month 11: November opens the next fiscal year', () => {
    expect(fiscalYearOf(day('2026-10-31'), 11)).toBe('FY2026');
    expect(fiscalYearOf(day('2026-11-01'), 11)).toBe('FY2027');
    expect(fiscalQuarterOf(day('2026-11-01'), 11)).toBe('FY27-Q1');
    expect(fiscalQuarterOf(day('2027-01-31'), 11)).toBe('FY27-Q1');
    expect(fiscalQuarterOf(day('2027-02-01'), 11)).toBe('FY27-Q2');
    expect(fiscalQuarterOf(day('2027-10-31'), 11)).toBe('FY27-Q4');
    expect(isoRange(quarterRange('FY27-Q1', 11))).toEqual(['2026-11-01', '2027-01-31']);
    expect(isoRange(quarterRange('FY27-Q4', 11))).toEqual(['2027-08-01', '2027-10-31']);
    expect(isoRange(fiscalYearRange('FY2027', 11))).toEqual(['2026-11-01', '2027-10-31']);
  });
  it('every day of a quarter range maps back to that quarter', () => {
    for (const start of [1, 2, 7, 11, 12]) {
      const { start: s, end: e } = quarterRange('FY27-Q3', start);
      expect(fiscalQuarterOf(s, start)).toBe('FY27-Q3');
      expect(fiscalQuarterOf(e, start)).toBe('FY27-Q3');
      expect(fiscalQuarterOf(s - 1, start)).toBe('FY27-Q2');
      expect(fiscalQuarterOf(e + 1, start)).toBe('FY27-Q4');
    }
  });
});

describe('shiftQuarter', () => {
  it('moves across fiscal-year boundaries both ways', () => {
    expect(shiftQuarter('FY27-Q4', 1)).toBe('FY28-Q1');
    expect(shiftQuarter('FY27-Q1', -1)).toBe('FY26-Q4');
    expect(shiftQuarter('FY27-Q2', 3)).toBe('FY28-Q1');
    expect(shiftQuarter('FY27-Q2', -6)).toBe('FY25-Q4');
    expect(shiftQuarter('FY27-Q2', 0)).toBe('FY27-Q2');
  });
  it('rejects ids that are not quarters', () => {
    expect(() => shiftQuarter('FY2027-Q1', 1)).toThrow(/not a fiscal quarter id/);
    expect(() => quarterRange('FY27-Q5', 2)).toThrow(/not a fiscal quarter id/);
    expect(() => fiscalYearRange('FY27', 2)).toThrow(/not a fiscal year id/);
  });
});
