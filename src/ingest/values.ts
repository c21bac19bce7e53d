/**
 * Parsers for cell values as real exports write them (DATA-CONTRACT.md "Values as real exports
 * write them"). Each takes the raw cell text and returns the normalised value, or null when the
 * text does not parse. Empty text is the caller's business (required or optional column).
 */
import { dayOf, type Day } from '../dates.ts';

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * A parsed date cell: a calendar day, or a slash date whose order (month-first or day-first) is
 * decided over the whole column.
 */
export type ParsedDate = { kind: 'day'; day: Day } | { kind: 'slash'; first: number; second: number; year: number };

/** Turns an instant (ms since the epoch) into the calendar day of a time zone. */
export type ZonedDay = (utcMs: number) => Day;

const MONTHS = new Map<string, number>(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
FULL_MONTHS.forEach((m, i) => MONTHS.set(m, i + 1));
MONTHS.set('sept', 9);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?$/i;
const MONTH_NAME_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const DAY_FIRST_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})$/;

const DAYS_OVER_28 = [3, 0, 3, 2, 3, 2, 3, 3, 2, 3, 2, 3];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day of a calendar date, or null when it does not exist (2026-02-30). */
export function calendarDay(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 28 + DAYS_OVER_28[month - 1]! + (month === 2 && isLeap(year) ? 1 : 0)) return null;
  return dayOf(year, month, day);
}

function validTime(h: string | undefined, mi: string | undefined, s: string | undefined, ampm?: string): boolean {
  if (h === undefined) return true;
  const hour = Number(h);
  if (Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return false;
  return ampm ? hour >= 1 && hour <= 12 : hour <= 23;
}

/**
 * Parses a date or date-time cell. A date-time with a zone or offset is converted with `zoned`
 * (the configured time zone) and then used as a date; a date-time without one is already local,
 * so its date is taken as written.
 */
export function parseDate(text: string, zoned: ZonedDay): ParsedDate | null {
  const fast = isoFast(text, zoned);
  if (fast !== undefined) return fast === null ? null : { kind: 'day', day: fast };
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s, zone] = m;
    if (!validTime(h, mi, s)) return null;
    const local = calendarDay(Number(y), Number(mo), Number(d));
    if (local === null) return null;
    if (!zone) return { kind: 'day', day: local };
    const ms = local * 86_400_000 + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s ?? 0) * 1000;
    return { kind: 'day', day: zoned(ms - offsetMinutes(zone) * 60_000) };
  }
  m = SLASH.exec(t);
  if (m) {
    const [, a, b, y, h, mi, s, ampm] = m;
    if (!validTime(h, mi, s, ampm)) return null;
    return { kind: 'slash', first: Number(a), second: Number(b), year: Number(y) };
  }
  m = MONTH_NAME_FIRST.exec(t);
  if (m) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    const day = month ? calendarDay(Number(m[3]), month, Number(m[2])) : null;
    return day === null ? null : { kind: 'day', day };
  }
  m = DAY_FIRST_NAME.exec(t);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    const day = month ? calendarDay(Number(m[3]), month, Number(m[1])) : null;
    return day === null ? null : { kind: 'day', day };
  }
  return null;
}

const digit = (t: string, i: number) => {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
};

/**
 * The common ISO shapes (`2026-03-15`, `2026-03-15T14:05:00Z`, `…-08:00`) read without a regular
 * expression, as most rows of a large export carry them; undefined for any other shape.
 */
function isoFast(t: string, zoned: ZonedDay): Day | null | undefined {
  const n = t.length;
  if ((n !== 10 && n !== 20 && n !== 25) || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const y = digit(t, 0) * 1000 + digit(t, 1) * 100 + digit(t, 2) * 10 + digit(t, 3);
  const mo = digit(t, 5) * 10 + digit(t, 6);
  const d = digit(t, 8) * 10 + digit(t, 9);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  const local = calendarDay(y, mo, d);
  if (n === 10 || local === null) return local;
  if (t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return undefined; // T, :, :
  const h = digit(t, 11) * 10 + digit(t, 12);
  const mi = digit(t, 14) * 10 + digit(t, 15);
  const sec = digit(t, 17) * 10 + digit(t, 18);
  if (h < 0 || mi < 0 || sec < 0) return undefined;
  if (h > 23 || mi > 59 || sec > 59) return null;
  let offset: number;
  if (n === 20) {
    if (t.charCodeAt(19) !== 90) return undefined; // Z
    offset = 0;
  } else {
    const sign = t.charCodeAt(19) === 45 ? -1 : t.charCodeAt(19) === 43 ? 1 : 0;
    const oh = digit(t, 20) * 10 + digit(t, 21);
    const om = digit(t, 23) * 10 + digit(t, 24);
    if (sign === 0 || t.charCodeAt(22) !== 58 || oh < 0 || om < 0) return undefined;
    offset = sign * (oh * 60 + om);
  }
  return zoned(local * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 - offset * 60_000);
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/** Which order a slash date shows by itself: a number above 12 can only be the day. */
export function slashEvidence(p: { first: number; second: number }): 'month-first' | 'day-first' | 'ambiguous' | 'invalid' {
  if (p.first > 12 && p.second > 12) return 'invalid';
  if (p.first > 12) return 'day-first';
  if (p.second > 12) return 'month-first';
  return 'ambiguous';
}

/** The day of a slash date read in the given order, or null when no such date exists. */
export function slashDay(p: { first: number; second: number; year: number }, dayFirst: boolean): Day | null {
  return dayFirst ? calendarDay(p.year, p.second, p.first) : calendarDay(p.year, p.first, p.second);
}

/**
 * A column's slash-date order: the config's when it says, else month-first unless the column
 * shows a day above 12 in the first place. When it shows both, the order more of its values show
 * wins (month-first on a tie) and the others are conflicts.
 */
export function decideSlashOrder(dayFirstEvidence: number, monthFirstEvidence: number, configDayFirst: boolean | undefined): boolean {
  if (configDayFirst !== undefined) return configDayFirst;
  return dayFirstEvidence > monthFirstEvidence;
}

/** A cached instant → calendar-day function for an IANA time zone. */
export function zonedDayFn(timeZone: string): ZonedDay {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (ms) => Math.floor(ms / 86_400_000);
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Offsets change only on quarter-hour boundaries, so one lookup per 15 minutes is exact.
  const offsets = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * 900_000;
      const parts = Object.fromEntries(fmt.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
      const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
      offset = wall - at;
      offsets.set(bucket, offset);
    }
    return Math.floor((ms + offset) / 86_400_000);
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers

const DOT_DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const COMMA_DECIMAL = /^(?:\d{1,3}(?:[.\s\u00a0\u202f]\d{3})+|\d+)?(?:,\d+)?$/;

/** An unsigned number with optional thousands separators; decimal comma only when asked. */
function parseUnsigned(t: string, decimalComma: boolean): number | null {
  if (t === '' || t === '.' || t === ',') return null;
  if (decimalComma) {
    if (!COMMA_DECIMAL.test(t)) return null;
    return Number(t.replace(/[.\s\u00a0\u202f]/g, '').replace(',', '.'));
  }
  if (!DOT_DECIMAL.test(t)) return null;
  return Number(t.replace(/,/g, ''));
}

const CURRENCY = /^(?:[A-Z]{3}\s*|[$€£¥]\s*)|(?:\s*[A-Z]{3}|\s*[$€£¥])$/;

/**
 * Money: `1234.5`, `1,234.50`, `$1,234.50`, `USD 1,234.50`, `(1,234.50)` (negative), `-1,234.50`;
 * `1.234,50` only with `decimalComma`.
 */
export function parseMoney(text: string, decimalComma = false): number | null {
  let t = text.trim();
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  // The sign may stand before or after the currency: -$5, $-5.
  let signed = false;
  if (t.startsWith('-')) {
    signed = true;
    t = t.slice(1).trim();
  }
  t = t.replace(CURRENCY, '');
  if (!signed && t.startsWith('-')) {
    signed = true;
    t = t.slice(1).trim();
  }
  if (signed) negative = !negative;
  const n = parseUnsigned(t.trim(), decimalComma);
  if (n === null) return null;
  return negative ? -n : n;
}

/** A parsed percent cell: a definite fraction (`45%`), or a bare number decided over the column. */
export type ParsedPercent = { kind: 'fraction'; value: number } | { kind: 'bare'; value: number };

/** Percent: `45%`, `45.5 %`, or a bare number (see `parsePercentColumn` for what bare means). */
export function parsePercent(text: string, decimalComma = false): ParsedPercent | null {
  let t = text.trim();
  const isPercent = t.endsWith('%');
  if (isPercent) t = t.slice(0, -1).trim();
  let negative = false;
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  }
  const n = parseUnsigned(t, decimalComma);
  if (n === null) return null;
  const v = negative ? -n : n;
  return isPercent ? { kind: 'fraction', value: v / 100 } : { kind: 'bare', value: v };
}

/** A count: a whole number, at least 0 (`3`, `3.0`, `1,200`). */
export function parseCount(text: string): number | null {
  const n = parseUnsigned(text.trim(), false);
  return n !== null && Number.isInteger(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Text

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;

/** An email in lower case, or null when the text is not one. */
export function parseEmail(text: string): string | null {
  const t = text.trim().toLowerCase();
  return EMAIL.test(t) ? t : null;
}

/** The key enums and names are compared by: trimmed, lower case, single spaces. */
export function foldKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An enum lookup that compares case-insensitively after trimming; aliases map to a value. */
export function enumLookup<T extends string>(values: readonly T[], aliases: Record<string, T> = {}): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const v of values) map.set(foldKey(v), v).set(v, v);
  for (const [alias, v] of Object.entries(aliases)) map.set(foldKey(alias), v).set(alias, v);
  // Most cells carry the exact spelling: look that up before folding.
  return (text) => map.get(text) ?? map.get(foldKey(text)) ?? null;
}
