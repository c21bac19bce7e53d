/** EBR metrics: ebrCoverage, ebrOverdueCount, ebrsLast30Days, highArrEbrCoverage. */
import type { Account } from '../ingest/tables.ts';
import { factsOf, idsOf, NO_BOOK, segmentValue, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import { countInWindow, datesOf } from './table-index.ts';
import type { MetricResult } from './types.ts';
import { countInTrailingMonths } from './windows.ts';

/** Book accounts with ≥ 1 EBR in the trailing 12 months (`T − 12 months ≤ d ≤ T`) / bookSize. */
export function ebrCoverage(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const months = ctx.config.windows.ebrWindowMonths;
  const covered = scope.book.filter((a) => countInTrailingMonths(datesOf(ctx.index, a.id, 'EBR'), asOf, months) > 0);
  const min = segmentValue(ctx, ctx.config.targets.ebrCoverage);
  const value = ratio(covered.length, scope.book.length);
  return result(value, min === null ? null : target.atLeast(min, 'percent'), idsOf(covered), idsOf(scope.book), value === null ? NO_BOOK : undefined);
}

/** Book accounts with `ebrOverdue` (Strategic accounts only). */
export function ebrOverdueCount(ctx: ScoreContext): MetricResult {
  const overdue = ctx.scope.book.filter((a) => factsOf(ctx, a).ebrOverdue);
  return result(overdue.length, null, idsOf(overdue));
}

/** EBR activities on book accounts in the trailing 30 days; Strategic CSMs at least 1 (more than 2 is not a miss). */
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
  const min = segmentValue(ctx, ctx.config.targets.ebrsLast30Days);
  return result(count, min === null ? null : target.atLeast(min), idsOf(counted), idsOf(scope.book));
}

/** `highArr` book accounts with ≥ 2 EBRs in the trailing 12 months / `highArr` book accounts ("EBR twice per year"). */
export function highArrEbrCoverage(ctx: ScoreContext): MetricResult {
  const { asOf, scope } = ctx;
  const w = ctx.config.windows;
  const highArr = scope.book.filter((a) => factsOf(ctx, a).highArr);
  const covered = highArr.filter((a) => countInTrailingMonths(datesOf(ctx.index, a.id, 'EBR'), asOf, w.highArrEbrWindowMonths) >= w.highArrEbrCount);
  const min = segmentValue(ctx, ctx.config.targets.highArrEbrCoverage);
  const value = ratio(covered.length, highArr.length);
  const note = value === null ? 'no highArr book accounts (Strategic accounts with an ARR)' : undefined;
  return result(value, min === null ? null : target.atLeast(min, 'percent'), idsOf(covered), idsOf(highArr), note);
}

/** ebrCoverage, ebrOverdueCount, ebrsLast30Days and highArrEbrCoverage. */
export function ebrMetrics(ctx: ScoreContext): Results<'ebrCoverage' | 'ebrOverdueCount' | 'ebrsLast30Days' | 'highArrEbrCoverage'> {
  return { ebrCoverage: ebrCoverage(ctx), ebrOverdueCount: ebrOverdueCount(ctx), ebrsLast30Days: ebrsLast30Days(ctx), highArrEbrCoverage: highArrEbrCoverage(ctx) };
}
