/** Workshop metrics: workshopsPerWeek, workshopCoverage. */
import type { Account } from '../ingest/tables.ts';
import type { MetricResult } from '../report/model.ts';
import { booksPerCsm, idsOf, NO_BOOK, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import { countInWindow, datesOf, workshopsInWindow } from './table-index.ts';

/**
 * Distinct workshops delivered on book accounts in the trailing 91 days / 13, per CSM (a workshop
 * logged on several accounts counts once); a team or the org takes the mean over its CSMs, an
 * empty book counting as 0.
 */
export function workshopsPerWeek(ctx: ScoreContext): MetricResult {
  const { asOf } = ctx;
  const days = ctx.config.windows.workshopRateDays;
  const inWindow = (a: Account) => workshopsInWindow(ctx.index, a.id, asOf - days, asOf);
  const rates = booksPerCsm(ctx).map((book) => {
    const keys = new Set<string>();
    for (const a of book) for (const w of inWindow(a)) keys.add(w.key);
    return keys.size / (days / 7);
  });
  const value = rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length;
  const counted = ctx.scope.book.filter((a) => inWindow(a).length > 0);
  return result(value, target.atLeast(ctx.config.targets.workshopsPerWeek), idsOf(counted), idsOf(ctx.scope.book), value === null ? 'no CSMs' : undefined);
}

/** Accounts with a workshop in the trailing 92 days (P1) or 365 days (others) / bookSize. */
export function workshopCoverage(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const w = ctx.config.windows;
  const covered = scope.book.filter((a) => {
    const days = a.priority === 'P1' ? w.workshopCoverageP1Days : w.workshopCoverageDays;
    return countInWindow(datesOf(ctx.index, a.id, 'Workshop'), asOf - days, asOf) > 0;
  });
  const value = ratio(covered.length, scope.book.length);
  return result(value, null, idsOf(covered), idsOf(scope.book), value === null ? NO_BOOK : undefined);
}

/** workshopsPerWeek and workshopCoverage. */
export function workshopMetrics(ctx: ScoreContext): Results<'workshopsPerWeek' | 'workshopCoverage'> {
  return { workshopsPerWeek: workshopsPerWeek(ctx), workshopCoverage: workshopCoverage(ctx) };
}
