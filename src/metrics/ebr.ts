/** EBR metrics: ebrCoverage, ebrOverdueCount, ebrsLast30Days. */
import type { Account } from '../ingest/tables.ts';
import type { MetricResult } from '../report/model.ts';
import { factsOf, idsOf, NO_BOOK, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import { countInWindow, datesOf } from './table-index.ts';

/** Book accounts with ≥ 1 EBR in the trailing 365 days / bookSize. */
export function ebrCoverage(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const from = asOf - ctx.config.windows.ebrWindowDays;
  const covered = scope.book.filter((a) => countInWindow(datesOf(ctx.index, a.id, 'EBR'), from, asOf) > 0);
  const min = ctx.config.targets.ebrCoverage[ctx.segment];
  const value = ratio(covered.length, scope.book.length);
  return result(value, min === null ? null : target.atLeast(min, 'percent'), idsOf(covered), idsOf(scope.book), value === null ? NO_BOOK : undefined);
}

/** Book accounts with `ebrOverdue`. */
export function ebrOverdueCount(ctx: ScoreContext): MetricResult {
  const overdue = ctx.scope.book.filter((a) => factsOf(ctx, a).ebrOverdue);
  return result(overdue.length, null, idsOf(overdue));
}

/** EBR activities on book accounts in the trailing 30 days; target min to max per CSM, times n for n CSMs. */
export function ebrsLast30Days(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const from = asOf - ctx.config.windows.ebrsRecentDays;
  let count = 0;
  const counted: Account[] = [];
  for (const a of scope.book) {
    const n = countInWindow(datesOf(ctx.index, a.id, 'EBR'), from, asOf);
    if (n > 0) counted.push(a);
    count += n;
  }
  const perCsm = ctx.config.targets.ebrsLast30DaysPerCsm;
  const csms = scope.csms.length;
  return result(count, target.between(perCsm.min * csms, perCsm.max * csms), idsOf(counted), idsOf(scope.book));
}

/** ebrCoverage, ebrOverdueCount and ebrsLast30Days. */
export function ebrMetrics(ctx: ScoreContext): Results<'ebrCoverage' | 'ebrOverdueCount' | 'ebrsLast30Days'> {
  return { ebrCoverage: ebrCoverage(ctx), ebrOverdueCount: ebrOverdueCount(ctx), ebrsLast30Days: ebrsLast30Days(ctx) };
}
