/**
 * How the exports write values: dates in the shapes Gainsight and Salesforce use, money with and
 * without currency signs, percents, and record IDs. Each function formats one value; which shape a
 * row gets is the caller's draw.
 */
import { caseSuffix } from '../../src/ingest/salesforce-id.ts';
import { isoFromDay, partsOfDay, type Day } from '../../src/dates.ts';
import type { Rng } from './random.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-03-15`. */
export const isoDate = (day: Day): string => isoFromDay(day);

/** `3/15/2026`: the US slash date of Salesforce reports (unpadded month and day). */
export function usDate(day: Day): string {
  const { year, month, day: d } = partsOfDay(day);
  return `${month}/${d}/${year}`;
}

/** Zone offsets (minutes east of UTC) that date-times are written with. */
const OFFSETS = [-480, -420, -300, -240, 60, 120, 330, 540] as const;

export type DateTimeStyle = 'utc' | 'offset' | 'date' | 'space';

/**
 * One instant written as `2026-03-15T14:05:00Z`, with a zone offset (`2026-03-15T06:05:00-08:00`,
 * the same instant in local time), as a plain date, or as `2026-03-15 14:05:00`. `minute` is the
 * minute of the UTC day, so every style names the same UTC calendar date or instant.
 */
export function dateTime(day: Day, minute: number, style: DateTimeStyle, rng: Rng): string {
  if (style === 'date') return isoFromDay(day);
  const second = rng.int(0, 59);
  if (style === 'utc' || style === 'space') {
    const t = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}`;
    return style === 'utc' ? `${isoFromDay(day)}T${t}Z` : `${isoFromDay(day)} ${t}`;
  }
  const offset = rng.pick(OFFSETS);
  let local = minute + offset;
  let localDay = day;
  if (local < 0) { local += 1440; localDay--; }
  if (local >= 1440) { local -= 1440; localDay++; }
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${isoFromDay(localDay)}T${pad(Math.floor(local / 60))}:${pad(local % 60)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `1,234,567.50`: thousands grouped, two decimals. */
export function grouped(amount: number): string {
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** `$1,234.50`, or `($1,234.50)` when negative, as Salesforce reports write currency. */
export const dollars = (amount: number): string => (amount < 0 ? `($${grouped(amount)})` : `$${grouped(amount)}`);

/** A money cell in one of the shapes Gainsight exports use: `125000`, `$125,000.00`, `USD 125,000.00`. */
export function moneyCell(amount: number, rng: Rng): string {
  const shape = rng.weighted({ bare: 6, dollars: 3, usd: 1 });
  if (shape === 'bare') return String(Math.round(amount));
  return shape === 'dollars' ? dollars(amount) : `USD ${grouped(amount)}`;
}

/** A fraction as a percent cell: `72%` or `72.5 %`. */
export function percentCell(fraction: number, rng: Rng): string {
  const pct = Math.round(fraction * 1000) / 10;
  return rng.chance(0.8) ? `${Math.round(pct)}%` : `${pct} %`;
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PODS = ['Dn', '5g', '8a', 'Hs', '4x'] as const;

/** A Salesforce record ID: a 15-character base and its 18-character form. */
export interface SalesforceId {
  id15: string;
  id18: string;
}

/** A fresh 15/18-character Salesforce ID with the given key prefix (`001` account, `006` opportunity). */
export function salesforceId(prefix: string, rng: Rng, used: Set<string>): SalesforceId {
  for (;;) {
    let id15 = prefix + rng.pick(PODS) + '0000';
    while (id15.length < 15) id15 += ALNUM[rng.int(0, ALNUM.length - 1)];
    if (used.has(id15)) continue;
    used.add(id15);
    return { id15, id18: id15 + caseSuffix(id15) };
  }
}

const GSID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A Gainsight record ID (GSID-like, upper case) with a two-character object prefix. */
export function gsid(prefix: string, rng: Rng, used: Set<string>, length = 18): string {
  for (;;) {
    let id = prefix;
    while (id.length < length) id += GSID_CHARS[rng.int(0, GSID_CHARS.length - 1)];
    if (used.has(id)) continue;
    used.add(id);
    return id;
  }
}
