/** Workshop metrics: workshopsPerWeek, workshopCoverage. */
import { idsOf, NO_BOOK, segmentValue, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import { countInWindow, datesOf, workshopsPresentedInWindow } from './table-index.ts';
import type { MetricResult } from './types.ts';
import { countInTrailingMonths } from './windows.ts';

/**
 * Distinct workshops delivered by the CSM (the workshop's author resolves to the CSM: "a specifically
 * scheduled event in which the CSM presents") in the trailing 91 days / 13, whatever the account;
 * a team or the org takes the mean over its CSMs. The numerator lists the book accounts of the
 * scope that had a workshop in the window, whoever presented it.
 */
export function workshopsPerWeek(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const days = ctx.config.windows.workshopRateDays;
  const rates = scope.csms.map((c) => workshopsPresentedInWindow(ctx.index, c.email, asOf - days, asOf).length / (days / 7));
  const value = rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length;
  const counted = scope.book.filter((a) => countInWindow(datesOf(ctx.index, a.id, 'Workshop'), asOf - days, asOf) > 0);
  const min = segmentValue(ctx, ctx.config.targets.workshopsPerWeek);
  return result(value, min === null ? null : target.atLeast(min), idsOf(counted), idsOf(scope.book), value === null ? 'no CSMs' : undefined);
}

/** Accounts with a workshop in the trailing 3 months (P1) or trailing 12 months (others) / bookSize. */
export function workshopCoverage(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const w = ctx.config.windows;
  const covered = scope.book.filter((a) => {
    const months = a.priority === 'P1' ? w.workshopCoverageP1Months : w.workshopCoverageMonths;
    return countInTrailingMonths(datesOf(ctx.index, a.id, 'Workshop'), asOf, months) > 0;
  });
  const value = ratio(covered.length, scope.book.length);
  return result(value, null, idsOf(covered), idsOf(scope.book), value === null ? NO_BOOK : undefined);
}

/** workshopsPerWeek and workshopCoverage. */
export function workshopMetrics(ctx: ScoreContext): Results<'workshopsPerWeek' | 'workshopCoverage'> {
  return { workshopsPerWeek: workshopsPerWeek(ctx), workshopCoverage: workshopCoverage(ctx) };
}
