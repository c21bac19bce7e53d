/** Engagement metrics: cadenceCompliance, nonEngagedCount, callsPerWeek. */
import type { Account } from '../ingest/tables.ts';
import { booksPerCsm, callsRoleOf, factsOf, idsOf, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import { countInWindow, datesOf } from './table-index.ts';
import type { MetricResult } from './types.ts';

/** Accounts with a cadence interval and not `cadenceOverdue` / accounts with a cadence interval. */
export function cadenceCompliance(ctx: ScoreContext): MetricResult {
  const withInterval = ctx.scope.book.filter((a) => factsOf(ctx, a).cadenceInterval !== null);
  const compliant = withInterval.filter((a) => !factsOf(ctx, a).cadenceOverdue);
  const value = ratio(compliant.length, withInterval.length);
  const note = value === null ? 'no book account with a cadence interval' : undefined;
  return result(value, target.atLeast(ctx.config.targets.cadenceCompliance, 'percent'), idsOf(compliant), idsOf(withInterval), note);
}

/** Book accounts with `nonEngaged`. */
export function nonEngagedCount(ctx: ScoreContext): MetricResult {
  const counted = ctx.scope.book.filter((a) => factsOf(ctx, a).nonEngaged);
  return result(counted.length, target.atMost(ctx.config.targets.nonEngagedCount), idsOf(counted));
}

/**
 * Cadence calls on book accounts in the trailing 28 days / 4, per CSM; a team or the org takes the
 * mean over its CSMs, an empty book counting as 0.
 */
export function callsPerWeek(ctx: ScoreContext): MetricResult {
  const { asOf } = ctx;
  const days = ctx.config.windows.callsWindowDays;
  const callsOn = (a: Account) => countInWindow(datesOf(ctx.index, a.id, 'Cadence Call'), asOf - days, asOf);
  const rates = booksPerCsm(ctx).map((book) => book.reduce((n, a) => n + callsOn(a), 0) / (days / 7));
  const value = rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length;
  const counted = ctx.scope.book.filter((a) => callsOn(a) > 0);
  const role = callsRoleOf(ctx.scope);
  const t = role === null ? null : target.atLeast(ctx.config.targets.callsPerWeek[role]);
  return result(value, t, idsOf(counted), idsOf(ctx.scope.book), value === null ? 'no CSMs' : undefined);
}

/** cadenceCompliance, nonEngagedCount and callsPerWeek. */
export function engagementMetrics(ctx: ScoreContext): Results<'cadenceCompliance' | 'nonEngagedCount' | 'callsPerWeek'> {
  return { cadenceCompliance: cadenceCompliance(ctx), nonEngagedCount: nonEngagedCount(ctx), callsPerWeek: callsPerWeek(ctx) };
}
