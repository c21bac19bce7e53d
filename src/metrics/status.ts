/** Status of a metric value against its target, and the small builders metric code shares. */
import { METRIC_KEYS, type MetricKey, type MetricResult, type RollUp, type Status, type Target } from './types.ts';

/**
 * `no-data` when the value is null, `no-target` without a target, `on-target` inside [min, max]
 * (inclusive), `off-target` outside. Metrics with a `watch` band (bookSize, p1Ratio) decide it themselves.
 */
export function statusOf(value: number | null, target: Target | null): Status {
  // A null value is no-data whether or not it has a target.
  if (value === null) return 'no-data';
  if (!target) return 'no-target';
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

/**
 * A team's or the org's status of one metric, rolled up from its CSMs' results: n counts the CSMs
 * with a target and a value (status on-target, watch or off-target), k those on target. `on-target`
 * when k = n, `watch` when k ≥ n / 2, `off-target` when k < n / 2, `no-target` when n = 0; a null
 * value of the scope itself is `no-data`.
 */
export function rollUpStatus(value: number | null, csmResults: readonly MetricResult[]): { status: Status; rollUp: RollUp } {
  let of = 0;
  let onTarget = 0;
  for (const r of csmResults) {
    if (r.status !== 'on-target' && r.status !== 'watch' && r.status !== 'off-target') continue;
    of += 1;
    if (r.status === 'on-target') onTarget += 1;
  }
  const rollUp = { onTarget, of };
  if (value === null) return { status: 'no-data', rollUp };
  if (of === 0) return { status: 'no-target', rollUp };
  return { status: onTarget === of ? 'on-target' : onTarget * 2 >= of ? 'watch' : 'off-target', rollUp };
}

/** The target a page shows for a rolled-up metric: "5 of 8 CSMs on target"; null when no CSM has a target. */
export function rollUpTarget(rollUp: RollUp): Target | null {
  return rollUp.of === 0 ? null : { label: `${rollUp.onTarget} of ${rollUp.of} CSMs on target` };
}

/**
 * A team's or the org's results with targets and statuses rolled up from its CSMs' results (never a
 * per-CSM target applied to a sum); the values and what they counted stay the scope's own.
 */
export function rollUpScorecard<K extends MetricKey>(card: Record<K, MetricResult>, csmCards: readonly Record<K, MetricResult>[]): Record<K, MetricResult> {
  const out = {} as Record<K, MetricResult>;
  for (const key of METRIC_KEYS) {
    if (!(key in card)) continue;
    const k = key as K;
    const r = card[k];
    const { status, rollUp } = rollUpStatus(r.value, csmCards.map((c) => c[k]));
    out[k] = { ...r, target: rollUpTarget(rollUp), status, rollUp };
  }
  return out;
}
