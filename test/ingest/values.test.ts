import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../../src/dates.ts';
import {
  calendarDay, decideSlashOrder, enumLookup, parseCount, parseDate, parseEmail, parseMoney, parsePercent, slashDay, slashEvidence, zonedDayFn,
} from '../../src/ingest/values.ts';

const utc = zonedDayFn('UTC');
const la = zonedDayFn('America/Los_Angeles');
const day = (text: string, zoned = utc) => {
  const p = parseDate(text, zoned);
  if (p === null) return null;
  const d = p.kind === 'day' ? p.day : slashDay(p, false);
  return d === null ? null : isoFromDay(d);
};

describe('parseDate(text, zoned)', () => {
  it('reads every form of the contract', () => {
    expect(day('2026-03-15')).toBe('2026-03-15');
    expect(day('2026-03-15T14:05:00Z')).toBe('2026-03-15');
    expect(day('2026-03-15T14:05:00-08:00')).toBe('2026-03-15');
    expect(day('2026-03-15 14:05:00')).toBe('2026-03-15');
    expect(day('3/15/2026')).toBe('2026-03-15');
    expect(day('03/15/2026 2:05 PM')).toBe('2026-03-15');
    expect(day('Mar 15, 2026')).toBe('2026-03-15');
    expect(day('March 15 2026')).toBe('2026-03-15');
    expect(day(' 2026-03-15 ')).toBe('2026-03-15');
  });
  it('converts a date-time with an offset to the configured time zone, on both sides of midnight', () => {
    expect(day('2026-03-15T07:59:59Z', la)).toBe('2026-03-15'); // 00:59 PDT
    expect(day('2026-03-15T06:59:59Z', la)).toBe('2026-03-14'); // 23:59 PDT
    expect(day('2026-03-15T23:30:00-08:00', utc)).toBe('2026-03-16');
    expect(day('2026-03-15T23:30:00-08:00', la)).toBe('2026-03-16'); // 00:30 PDT: DST began on 8 March
    expect(day('2013-11-23T02:30:31-08:00', la)).toBe('2013-11-23');
    expect(day('2013-11-23T02:30:31-08:00', utc)).toBe('2013-11-23');
    expect(day('2013-11-22T20:30:31-08:00', utc)).toBe('2013-11-23');
  });
  it('takes the date of a date-time without a zone as written', () => {
    expect(day('2026-03-15 23:59:00', la)).toBe('2026-03-15');
    expect(day('03/15/2026 11:59 PM', la)).toBe('2026-03-15');
  });
  it('returns null for text that is not a date or a date that does not exist', () => {
    for (const t of ['TBD', '2026-02-30', '2026-13-01', '2026-03-15T25:00:00Z', '13/13/2026', 'Foo 3, 2026', '2026/03/15', '15.03.2026']) {
      expect(day(t), t).toBeNull();
    }
  });
});

describe('slash dates', () => {
  it('slashEvidence tells which order a value shows by itself', () => {
    expect(slashEvidence({ first: 13, second: 3 })).toBe('day-first');
    expect(slashEvidence({ first: 3, second: 13 })).toBe('month-first');
    expect(slashEvidence({ first: 12, second: 12 })).toBe('ambiguous');
    expect(slashEvidence({ first: 13, second: 13 })).toBe('invalid');
  });
  it('decideSlashOrder is month-first unless the column shows day-first or the config says so', () => {
    expect(decideSlashOrder(0, 0, undefined)).toBe(false);
    expect(decideSlashOrder(1, 0, undefined)).toBe(true);
    expect(decideSlashOrder(2, 1, undefined)).toBe(true);
    expect(decideSlashOrder(1, 1, undefined)).toBe(false);
    expect(decideSlashOrder(0, 5, true)).toBe(true);
    expect(decideSlashOrder(5, 0, false)).toBe(false);
  });
  it('slashDay reads the order it is given and refuses impossible dates', () => {
    const p = { first: 5, second: 3, year: 2026 };
    expect(isoFromDay(slashDay(p, false)!)).toBe('2026-05-03');
    expect(isoFromDay(slashDay(p, true)!)).toBe('2026-03-05');
    expect(slashDay({ first: 31, second: 2, year: 2026 }, true)).toBeNull();
  });
});

describe('parseMoney(text, decimalComma)', () => {
  it('reads the forms exports write', () => {
    expect(parseMoney('1234.5')).toBe(1234.5);
    expect(parseMoney('1,234.50')).toBe(1234.5);
    expect(parseMoney('$1,234.50')).toBe(1234.5);
    expect(parseMoney('USD 1,234.50')).toBe(1234.5);
    expect(parseMoney('(1,234.50)')).toBe(-1234.5);
    expect(parseMoney('-1,234.50')).toBe(-1234.5);
    expect(parseMoney('-$1,234.50')).toBe(-1234.5);
    expect(parseMoney('0')).toBe(0);
  });
  it('reads a decimal comma only when asked', () => {
    expect(parseMoney('1.234,50', true)).toBe(1234.5);
    expect(parseMoney('1234,5', true)).toBe(1234.5);
    expect(parseMoney('1.234,50')).toBeNull();
    expect(parseMoney('1,5')).toBeNull();
  });
  it('refuses text that is not an amount', () => {
    for (const t of ['', 'n/a', '12a', '1,23,4', '$', '1.2.3']) expect(parseMoney(t), t).toBeNull();
  });
});

describe('parsePercent(text)', () => {
  it('reads 45% and 45.5 % as fractions and keeps a bare number for the column to decide', () => {
    expect(parsePercent('45%')).toEqual({ kind: 'fraction', value: 0.45 });
    expect(parsePercent('45.5 %')).toEqual({ kind: 'fraction', value: 0.455 });
    expect(parsePercent('0.45')).toEqual({ kind: 'bare', value: 0.45 });
    expect(parsePercent('45')).toEqual({ kind: 'bare', value: 45 });
    expect(parsePercent('45,5 %', true)).toEqual({ kind: 'fraction', value: 0.455 });
    expect(parsePercent('high')).toBeNull();
  });
});

describe('small parsers', () => {
  it('parseCount takes whole numbers only', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount('3.0')).toBe(3);
    expect(parseCount('3.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
  });
  it('parseEmail lower-cases and refuses non-emails', () => {
    expect(parseEmail(' Ada@Example.COM ')).toBe('ada@example.com');
    expect(parseEmail('Ada Byron')).toBeNull();
  });
  it('enumLookup compares case-insensitively after trimming, with aliases', () => {
    const p = enumLookup(['P1', 'P2'], { 'Priority 1': 'P1', '1': 'P1' });
    expect(p(' p1 ')).toBe('P1');
    expect(p('PRIORITY  1')).toBe('P1');
    expect(p('1')).toBe('P1');
    expect(p('P3')).toBeNull();
  });
  it('dayFromIso and the parsers agree on day numbers', () => {
    expect(parseDate('2026-03-15', utc)).toEqual({ kind: 'day', day: dayFromIso('2026-03-15') });
  });
});

describe('calendarDay(year, month, day)', () => {
  it('knows month lengths and leap years', () => {
    expect(calendarDay(2024, 2, 29)).toBe(dayFromIso('2024-02-29'));
    expect(calendarDay(2026, 2, 29)).toBeNull();
    expect(calendarDay(2000, 2, 29)).toBe(dayFromIso('2000-02-29'));
    expect(calendarDay(1900, 2, 29)).toBeNull();
    expect(calendarDay(2026, 4, 31)).toBeNull();
    expect(calendarDay(2026, 12, 31)).toBe(dayFromIso('2026-12-31'));
    expect(calendarDay(2026, 0, 1)).toBeNull();
  });
});
