/** How numbers, dates, times and config values read on every page. */
import type { MetricKey } from '../report/model.ts';
import { METRIC_UNITS } from './labels.ts';

const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `0.755` → `75.5%`; null → `n/a`. */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return `${numberFormat.format(Math.round(x * 1000) / 10)}%`;
}

/** `1234567.8` → `$1,234,568`; null → `n/a`. */
export function formatMoney(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return moneyFormat.format(x);
}

/** `12` → `12 days`, `1` → `1 day`, `12.5` → `12.5 days`; null → `n/a`. */
export function formatDays(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return `${numberFormat.format(x)} ${x === 1 ? 'day' : 'days'}`;
}

/** A plain number with at most one decimal; null → `n/a`. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return numberFormat.format(x);
}

/** A metric's value in its unit. */
export function formatMetric(key: MetricKey, value: number | null): string {
  switch (METRIC_UNITS[key]) {
    case 'percent':
      return formatPercent(value);
    case 'money':
      return formatMoney(value);
    case 'days':
      return formatDays(value);
    case 'rate':
      return value === null ? 'n/a' : `${formatNumber(value)} / week`;
    default:
      return formatNumber(value);
  }
}

/** An ISO date as shown (`2026-11-20`), or `n/a`. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'n/a';
}

/** An export's ISO time as `2026-11-20 06:02 UTC` (the offset as written when not UTC). */
export function formatExportTime(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const zone = !m[3] || m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`;
  return `${m[1]} ${m[2]} ${zone}`;
}

/** "yes" / "no" for a flag. */
export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** How a config value reads on the definitions page. */
export type ConfigUnit = 'percent' | 'days' | 'months' | 'number';

/**
 * A config value as text: a number in its unit, `null` as "no target", a `{min, max}` range as
 * "12 to 20", and a per-segment or per-role object as "Strategic: 75%; Growth: 20%; Scale: no target".
 */
export function formatConfigValue(value: unknown, unit: ConfigUnit, depth = 0): string {
  if (value === null || value === undefined) return 'no target';
  if (typeof value === 'number') {
    if (unit === 'percent') return formatPercent(value);
    if (unit === 'days') return formatDays(value);
    if (unit === 'months') return `${formatNumber(value)} ${value === 1 ? 'month' : 'months'}`;
    return formatNumber(value);
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.min === 'number' && typeof o.max === 'number') {
      return `${formatConfigValue(o.min, unit)} to ${formatConfigValue(o.max, unit)}`;
    }
    return keys.map((k) => `${k}: ${formatConfigValue(o[k], unit, depth + 1)}`).join(depth === 0 ? '; ' : ', ');
  }
  return String(value);
}
