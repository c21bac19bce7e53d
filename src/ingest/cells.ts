/**
 * Cell readers for the row schemas: each turns one raw cell into its contract value and, when it
 * cannot, records why. A required value that is missing or does not parse fails the row (a zod
 * issue); an optional one is kept empty with a warning. Values whose meaning depends on the whole
 * column (slash-date order, bare percents) get a provisional value and are noted for the end of the
 * file, so the file is read once.
 */
import type { z } from 'zod';
import type { Day } from '../dates.ts';
import { isoFromDay } from '../dates.ts';
import type { Roster } from './roster.ts';
import { canonicalSalesforceId } from './salesforce-id.ts';
import { parseCount, parseDate, parseEmail, parseMoney, parsePercent, slashDay, slashEvidence, type ZonedDay } from './values.ts';

/** A problem with one cell. */
export interface CellIssue {
  column: string;
  value: string;
  rule: string;
  message: string;
}

/** A cell whose final value is decided when the file ends. */
export type DeferredCell =
  | { kind: 'slash'; column: string; raw: string; first: number; second: number; year: number; past: boolean }
  | { kind: 'percent'; column: string; raw: string; value: number };

/** What the cell readers of one file need to know. */
export interface CellSettings {
  asOf: Day;
  zoned: ZonedDay;
  /** `dayFirst.<file>` of the config, by contract column. */
  dayFirst: Record<string, boolean>;
  /** `decimalComma.<file>` of the config, by contract column. */
  decimalComma: Record<string, boolean>;
  roster: Roster | null;
}

type Ctx = z.core.$RefinementCtx<unknown>;

const CACHE_LIMIT = 50_000;

/**
 * A copy of a piece of a file's text that does not hold the rest of the text in memory. The CSV
 * parser's cells are views into the text it parsed (for 13 characters or more), so one kept cell
 * would keep its whole piece of the file alive; a kept value is copied instead: prefixing a
 * character makes a new string, and cutting it off again makes a view of that small string.
 */
export function detach(piece: string): string {
  return piece.length < 13 ? piece : (' ' + piece).slice(1);
}

/** The cell readers of one file, with the per-row and per-column state they keep. */
export class Cells {
  /** Warnings of the row being read. */
  warnings: CellIssue[] = [];
  /** Cells of the row being read whose value waits for the end of the file. */
  deferred: DeferredCell[] = [];
  /** Per column: how many slash dates show day-first and month-first order by themselves. */
  readonly slashEvidence = new Map<string, { dayFirst: number; monthFirst: number }>();
  /** Per column: whether a bare percent above 1 was seen (then bare numbers are percents). */
  readonly bareAboveOne = new Map<string, boolean>();
  private ctx: Ctx | null = null;
  private failed = false;
  private readonly idCache = new Map<string, string | null>();
  private readonly dateCache = new Map<string, Day | null>();
  private readonly personCache = new Map<string, string | null>();
  private readonly keptCache = new Map<string, string>();

  readonly settings: CellSettings;

  constructor(settings: CellSettings) {
    this.settings = settings;
  }

  /** Starts a row; call from the schema's transform with its context. */
  begin(ctx: Ctx): this {
    this.ctx = ctx;
    this.failed = false;
    // Reused row after row: the reader copies what it keeps.
    if (this.warnings.length > 0) this.warnings = [];
    if (this.deferred.length > 0) this.deferred = [];
    return this;
  }

  /** Whether a required value of the row failed (the transform then returns z.NEVER). */
  get rowFailed(): boolean {
    return this.failed;
  }

  /** Fails the row: the cell (or the row, for a rule across cells) is rejected. */
  error(column: string, value: string, rule: string, message: string): void {
    this.failed = true;
    this.ctx!.issues.push({ code: 'custom', message, input: value, params: { column, value, rule } });
  }

  /** Keeps the row with a warning. */
  warn(column: string, value: string, rule: string, message: string): void {
    this.warnings.push({ column, value, rule, message });
  }

  private bad(column: string, raw: string, required: boolean, rule: string, what: string): null {
    const message = `"${raw.trim()}" is not ${what}`;
    if (required) this.error(column, raw, rule, message);
    else this.warn(column, raw, rule, `${message}; kept empty`);
    return null;
  }

  private missing(column: string): void {
    this.error(column, '', 'missing-value', `${column} is required but empty`);
  }

  /** Trimmed text; null when empty. */
  text(column: string, raw: string, required: true): string;
  text(column: string, raw: string, required?: boolean): string | null;
  text(column: string, raw: string, required = false): string | null {
    const t = raw.trim();
    if (t !== '') return this.keep(t);
    if (required) this.missing(column);
    return required ? '' : null;
  }

  /** Fails the row when a required cell is empty; for a value that is checked but not kept. */
  present(column: string, raw: string): void {
    if (raw.trim() === '') this.missing(column);
  }

  /**
   * A value the row keeps: detached from the file's text, and one string for values that repeat
   * (regions, stages, subjects of a workshop logged on many accounts).
   */
  keep(value: string): string {
    let kept = this.keptCache.get(value);
    if (kept === undefined) {
      kept = detach(value);
      if (this.keptCache.size >= CACHE_LIMIT) this.keptCache.clear();
      this.keptCache.set(kept, kept);
    }
    return kept;
  }

  /** An email in lower case. */
  email(column: string, raw: string, required: true): string;
  email(column: string, raw: string, required?: boolean): string | null;
  email(column: string, raw: string, required = false): string | null {
    if (raw.trim() === '') {
      if (required) this.missing(column);
      return required ? '' : null;
    }
    const email = parseEmail(raw);
    return email !== null ? this.keep(email) : (this.bad(column, raw, required, 'invalid-email', 'an email address') ?? (required ? '' : null));
  }

  /** A Salesforce ID in its canonical 18-character form. */
  sfId(column: string, raw: string): string {
    let id = this.idCache.get(raw);
    if (id === undefined) {
      const canonical = raw.trim() === '' ? null : canonicalSalesforceId(raw);
      id = canonical === null ? null : detach(canonical);
      if (this.idCache.size >= CACHE_LIMIT) this.idCache.clear();
      this.idCache.set(detach(raw), id); // the key must not hold the file's text either
    }
    if (id !== null) return id;
    if (raw.trim() === '') this.missing(column);
    else this.bad(column, raw, true, 'invalid-id', 'a Salesforce ID (15 or 18 letters and digits)');
    return '';
  }

  /**
   * A date or date-time as a day. `past` marks columns that record events: a date after the
   * as-of date is kept with a `future-date` warning.
   */
  date(column: string, raw: string, required: true, past?: boolean): Day;
  date(column: string, raw: string, required?: boolean, past?: boolean): Day | null;
  date(column: string, raw: string, required = false, past = false): Day | null {
    if (raw.trim() === '') {
      if (required) this.missing(column);
      return required ? 0 : null;
    }
    let day = this.dateCache.get(raw);
    if (day === undefined) {
      const p = parseDate(raw, this.settings.zoned);
      if (p === null) day = null;
      else if (p.kind === 'day') day = p.day;
      else return this.slash(column, raw, p, required, past);
      // Only plain dates repeat often enough to be worth caching.
      if (raw.length <= 10) {
        if (this.dateCache.size >= CACHE_LIMIT) this.dateCache.clear();
        this.dateCache.set(raw, day);
      }
    }
    if (day === null) return this.bad(column, raw, required, 'invalid-date', 'a date') ?? (required ? 0 : null);
    if (past) this.checkPast(column, raw, day);
    return day;
  }

  /** Warns about an event date after the as-of date. */
  checkPast(column: string, raw: string, day: Day): void {
    if (day > this.settings.asOf) {
      this.warn(column, raw, 'future-date', `${isoFromDay(day)} is after the as-of date ${isoFromDay(this.settings.asOf)}; ignored by the metrics`);
    }
  }

  private slash(column: string, raw: string, p: { first: number; second: number; year: number }, required: boolean, past: boolean): Day | null {
    const evidence = slashEvidence(p);
    if (evidence === 'invalid') return this.bad(column, raw, required, 'invalid-date', 'a date') ?? (required ? 0 : null);
    const configured = this.settings.dayFirst[column];
    if (configured !== undefined) {
      if ((evidence === 'day-first' && !configured) || (evidence === 'month-first' && configured)) {
        this.error(column, raw, 'date-order-conflict', `"${raw.trim()}" cannot be ${configured ? 'day-first' : 'month-first'}, the order the config sets for ${column}`);
        return 0;
      }
      const day = slashDay(p, configured);
      if (day === null) return this.bad(column, raw, required, 'invalid-date', 'a date') ?? (required ? 0 : null);
      if (past) this.checkPast(column, raw, day);
      return day;
    }
    const day = slashDay(p, evidence === 'day-first');
    if (day === null) return this.bad(column, raw, required, 'invalid-date', 'a date') ?? (required ? 0 : null);
    let counts = this.slashEvidence.get(column);
    if (!counts) this.slashEvidence.set(column, (counts = { dayFirst: 0, monthFirst: 0 }));
    if (evidence === 'day-first') counts.dayFirst++;
    if (evidence === 'month-first') counts.monthFirst++;
    this.deferred.push({ kind: 'slash', column, raw, first: p.first, second: p.second, year: p.year, past });
    return day;
  }

  /** Money; decimal comma when the config says so for this column. */
  money(column: string, raw: string): number | null {
    if (raw.trim() === '') return null;
    return parseMoney(raw, this.settings.decimalComma[column] ?? false) ?? this.bad(column, raw, false, 'invalid-number', 'an amount');
  }

  /** A percent as a fraction; a bare number waits for the column's decision. */
  percent(column: string, raw: string, required: true): number;
  percent(column: string, raw: string, required?: boolean): number | null;
  percent(column: string, raw: string, required = false): number | null {
    if (raw.trim() === '') {
      if (required) this.missing(column);
      return required ? 0 : null;
    }
    const p = parsePercent(raw, this.settings.decimalComma[column] ?? false);
    if (p === null || p.value < 0) return this.bad(column, raw, required, 'invalid-percent', 'a percentage') ?? (required ? 0 : null);
    if (p.kind === 'fraction') return p.value;
    if (p.value > 1) this.bareAboveOne.set(column, true);
    this.deferred.push({ kind: 'percent', column, raw, value: p.value });
    return p.value;
  }

  /** A whole number, at least 0. */
  count(column: string, raw: string): number | null {
    if (raw.trim() === '') return null;
    return parseCount(raw) ?? this.bad(column, raw, false, 'invalid-number', 'a whole number');
  }

  /** One of an enum's values; an unknown value fails a required column, or warns in an optional one. */
  oneOf<T extends string>(column: string, raw: string, lookup: (t: string) => T | null, values: readonly string[], required: true): T;
  oneOf<T extends string>(column: string, raw: string, lookup: (t: string) => T | null, values: readonly string[], required?: boolean): T | null;
  oneOf<T extends string>(column: string, raw: string, lookup: (t: string) => T | null, values: readonly string[], required = false): T | null {
    if (raw.trim() === '') {
      if (required) this.missing(column);
      return required ? ('' as T) : null;
    }
    return lookup(raw) ?? (this.bad(column, raw, required, 'unknown-value', `one of ${values.join(', ')}`) as T | null) ?? (required ? ('' as T) : null);
  }

  /** The roster email a person cell names, or null (empty, or nobody in the roster). */
  person(raw: string): string | null {
    let email = this.personCache.get(raw);
    if (email === undefined) {
      email = this.settings.roster?.resolve(raw) ?? null;
      if (this.personCache.size >= CACHE_LIMIT) this.personCache.clear();
      this.personCache.set(detach(raw), email);
    }
    return email;
  }
}
