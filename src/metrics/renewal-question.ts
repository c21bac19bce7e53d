/** renewalQuestionRate: renewals ahead that were asked about in the handbook's window, 3-4 months before. */
import { factsOf, idsOf, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import type { MetricResult } from './types.ts';
import { monthsAfter } from './windows.ts';

/**
 * Of book accounts with Renewal Date R in (T, T + 3 months] (their window to ask has closed, or
 * closes at the end of T), those whose `renewalQuestion` is `asked`: a Renewal Call in
 * [R − 4 months, R − 3 months]. A call asked late or not at all does not count.
 */
export function renewalQuestionRate(ctx: ScoreContext): MetricResult {
  const { asOf } = ctx;
  const until = monthsAfter(asOf, ctx.config.windows.renewalQuestionMonths);
  const renewing = ctx.scope.book.filter((a) => a.renewalDate !== null && a.renewalDate > asOf && a.renewalDate <= until);
  const asked = renewing.filter((a) => factsOf(ctx, a).renewalQuestion === 'asked');
  const value = ratio(asked.length, renewing.length);
  const note = value === null ? 'no book account renews in the window' : undefined;
  return result(value, target.atLeast(ctx.config.targets.renewalQuestionRate, 'percent'), idsOf(asked), idsOf(renewing), note);
}

/** renewalQuestionRate. */
export function renewalQuestionMetrics(ctx: ScoreContext): Results<'renewalQuestionRate'> {
  return { renewalQuestionRate: renewalQuestionRate(ctx) };
}
