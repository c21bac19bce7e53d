/** Status of a metric value against its target, and the small builders metric code shares. */
import type { MetricResult, Status, Target } from '../report/model.ts';

/**
 * `on-target` inside [min, max] (inclusive), `off-target` outside, `no-target` without a target,
 * `no-data` when the value is null. Metrics with a `watch` band (bookSize, p1Ratio) decide it themselves.
 */
export function statusOf(value: number | null, target: Target | null): Status {
  if (!target) return 'no-target';
  if (value === null) return 'no-data';
  if (target.min !== undefined && value < target.min) return 'off-target';
  if (target.max !== undefined && value > target.max) return 'off-target';
  return 'on-target';
}

/** A ratio, or null when the denominator is 0 (never 0, never NaN). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** A result with the default status rule. */
export function result(
  value: number | null,
  target: Target | null,
  numerator: readonly string[],
  denominator: readonly string[] = [],
  note?: string,
): MetricResult {
  return {
    value,
    target,
    status: statusOf(value, target),
    numerator: [...numerator],
    denominator: [...denominator],
    ...(note !== undefined ? { note } : {}),
  };
}

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Target builders with the label a page shows. */
export const target = {
  atLeast: (min: number, unit: 'percent' | 'number' = 'number'): Target => ({ min, label: `≥ ${unit === 'percent' ? percent(min) : min}` }),
  atMost: (max: number, unit: 'percent' | 'number' = 'number'): Target => ({ max, label: `≤ ${unit === 'percent' ? percent(max) : max}` }),
  between: (min: number, max: number): Target => ({ min, max, label: `${min} to ${max}` }),
  exactly: (value: number, unit: 'percent' | 'number' = 'number'): Target => ({ min: value, max: value, label: unit === 'percent' ? percent(value) : `${value}` }),
};
