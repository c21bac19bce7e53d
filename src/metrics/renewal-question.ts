/** renewalQuestionRate: renewals ahead that were asked about in time. */
import { addMonthsToDay } from '../dates.ts';
import type { MetricResult } from '../report/model.ts';
import { idsOf, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import { countInWindow, datesOf } from './table-index.ts';

/**
 * Of book accounts with Renewal Date R in (T, T + 3 months], those with a `Renewal Call` dated in
 * [R − 4 months, T] (calendar months, clamped to the month's end).
 */
export function renewalQuestionRate(ctx: ScoreContext): MetricResult {
  const { asOf } = ctx;
  const w = ctx.config.windows;
  const until = addMonthsToDay(asOf, w.renewalQuestionMonths);
  const renewing = ctx.scope.book.filter((a) => a.renewalDate !== null && a.renewalDate > asOf && a.renewalDate <= until);
  const asked = renewing.filter((a) => {
    const from = addMonthsToDay(a.renewalDate!, -w.renewalQuestionLeadMonths);
    // countInWindow is exclusive at its lower end; from − 1 makes the window [from, T].
    return countInWindow(datesOf(ctx.index, a.id, 'Renewal Call'), from - 1, asOf) > 0;
  });
  const value = ratio(asked.length, renewing.length);
  const note = value === null ? 'no book account renews in the window' : undefined;
  return result(value, target.atLeast(ctx.config.targets.renewalQuestionRate, 'percent'), idsOf(asked), idsOf(renewing), note);
}

/** renewalQuestionRate. */
export function renewalQuestionMetrics(ctx: ScoreContext): Results<'renewalQuestionRate'> {
  return { renewalQuestionRate: renewalQuestionRate(ctx) };
}
