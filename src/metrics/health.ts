/** Health metrics: healthFreshness, redCount, atRiskRenewalArr. */
import { factsOf, idsOf, NO_BOOK, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import type { MetricResult } from './types.ts';

/** Book accounts not `healthStale` / bookSize. */
export function healthFreshness(ctx: ScoreContext): MetricResult {
  const book = ctx.scope.book;
  const fresh = book.filter((a) => !factsOf(ctx, a).healthStale);
  const value = ratio(fresh.length, book.length);
  return result(value, target.atLeast(ctx.config.targets.healthFreshness, 'percent'), idsOf(fresh), idsOf(book), value === null ? NO_BOOK : undefined);
}

/** Book accounts with Health Red. */
export function redCount(ctx: ScoreContext): MetricResult {
  const red = ctx.scope.book.filter((a) => a.health === 'Red');
  return result(red.length, null, idsOf(red));
}

/** Σ ARR of book accounts renewing in (T, T + 90 days] that are `atRisk`; an empty ARR adds 0. */
export function atRiskRenewalArr(ctx: ScoreContext): MetricResult {
  const { asOf } = ctx;
  const until = asOf + ctx.config.windows.atRiskRenewalDays;
  const counted = ctx.scope.book.filter((a) => a.renewalDate !== null && a.renewalDate > asOf && a.renewalDate <= until && factsOf(ctx, a).atRisk);
  const value = counted.reduce((sum, a) => sum + (a.arr ?? 0), 0);
  // Without ctas.csv an open Risk CTA cannot be known; Health Red still counts.
  const note = ctx.index.has.ctas ? undefined : 'ctas.csv not supplied: open Risk CTAs are not counted';
  return result(value, null, idsOf(counted), [], note);
}

/** healthFreshness, redCount and atRiskRenewalArr. */
export function healthMetrics(ctx: ScoreContext): Results<'healthFreshness' | 'redCount' | 'atRiskRenewalArr'> {
  return { healthFreshness: healthFreshness(ctx), redCount: redCount(ctx), atRiskRenewalArr: atRiskRenewalArr(ctx) };
}
