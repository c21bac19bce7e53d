/** Book and priority metrics: bookSize, p1Ratio, misprioritizedCount. */
import { factsOf, idsOf, NO_BOOK, segmentValue, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import type { MetricResult, Status, Target } from './types.ts';

/** Book accounts; outside the Strategic 12-to-20 range is `watch`, never `off-target`. */
export function bookSize(ctx: ScoreContext): MetricResult {
  const range = segmentValue(ctx, ctx.config.targets.bookSize);
  const t = range ? target.between(range.min, range.max) : null;
  const value = ctx.scope.book.length;
  const r = result(value, t, idsOf(ctx.scope.book));
  return { ...r, status: r.status === 'off-target' ? 'watch' : r.status };
}

/**
 * The p1Ratio status: at or below target on-target; above target but at most the watch maximum
 * `watch`; above the watch maximum, or above target both now and at the previous quarter's end,
 * `off-target`.
 */
export function p1RatioStatus(value: number | null, t: Target | null, watchMax: number, previous: number | null): Status {
  if (value === null) return 'no-data';
  if (!t || t.max === undefined) return 'no-target';
  if (value <= t.max) return 'on-target';
  if (value > watchMax) return 'off-target';
  return previous !== null && previous > t.max ? 'off-target' : 'watch';
}

/** P1 accounts / bookSize, with the watch band and the two-quarter rule. */
export function p1Ratio(ctx: ScoreContext, p1RatioAtPreviousQuarterEnd: number | null): MetricResult {
  const max = segmentValue(ctx, ctx.config.targets.p1Ratio);
  const t = max === null ? null : target.atMost(max, 'percent');
  const book = ctx.scope.book;
  const p1 = book.filter((a) => a.priority === 'P1');
  const value = ratio(p1.length, book.length);
  const r = result(value, t, idsOf(p1), idsOf(book), value === null ? NO_BOOK : undefined);
  return { ...r, status: p1RatioStatus(value, t, ctx.config.targets.p1RatioWatchMax, p1RatioAtPreviousQuarterEnd) };
}

/** Book accounts with `misprioritized` (P2 or unprioritised, with a P1 reason). */
export function misprioritizedCount(ctx: ScoreContext): MetricResult {
  const counted = ctx.scope.book.filter((a) => factsOf(ctx, a).misprioritized);
  // Without ctas.csv the expansion-play and at-risk reasons cannot be known; the others still count.
  const note = ctx.index.has.ctas ? undefined : 'ctas.csv not supplied: the expansion-play and at-risk reasons are not counted';
  return result(counted.length, target.atMost(ctx.config.targets.misprioritizedCount), idsOf(counted), [], note);
}

/** bookSize, p1Ratio and misprioritizedCount. */
export function priorityMetrics(ctx: ScoreContext, p1RatioAtPreviousQuarterEnd: number | null): Results<'bookSize' | 'p1Ratio' | 'misprioritizedCount'> {
  return { bookSize: bookSize(ctx), p1Ratio: p1Ratio(ctx, p1RatioAtPreviousQuarterEnd), misprioritizedCount: misprioritizedCount(ctx) };
}
