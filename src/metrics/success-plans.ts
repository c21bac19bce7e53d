/** Success-plan metrics: successPlanCoverage, greenSuccessPlanRate. */
import type { Account, SuccessPlan } from '../ingest/tables.ts';
import { tenureStartedBefore } from './account-facts.ts';
import { idsOf, segmentValue, type Results, type ScoreContext } from './scope.ts';
import { ratio, result, target } from './status.ts';
import type { MetricResult } from './types.ts';

const NO_FILE = 'success_plans.csv not supplied';

/** Book accounts whose tenure started more than 30 days before T (start < T − 30 days), or long-standing. */
export function eligibleAccounts(ctx: ScoreContext): Account[] {
  const by = ctx.asOf - ctx.config.windows.successPlanTenureDays;
  return ctx.scope.book.filter((a) => tenureStartedBefore(a, by));
}

/** The account's Active plans that exist at T (a plan created after T does not exist yet). */
function activePlans(ctx: ScoreContext, a: Account): SuccessPlan[] {
  return (ctx.index.plansByAccount.get(a.id) ?? []).filter((p) => p.status === 'Active' && (p.createdDate === null || p.createdDate <= ctx.asOf));
}

function planRate(ctx: ScoreContext, min: number | null, counts: (plans: SuccessPlan[]) => boolean): MetricResult {
  const t = min === null ? null : target.atLeast(min, 'percent');
  if (!ctx.index.has.successPlans) return result(null, t, [], [], NO_FILE);
  const eligible = eligibleAccounts(ctx);
  const counted = eligible.filter((a) => counts(activePlans(ctx, a)));
  const value = ratio(counted.length, eligible.length);
  return result(value, t, idsOf(counted), idsOf(eligible), value === null ? 'no eligible book accounts' : undefined);
}

/** Eligible accounts with ≥ 1 Active success plan / eligible accounts. */
export function successPlanCoverage(ctx: ScoreContext): MetricResult {
  return planRate(ctx, segmentValue(ctx, ctx.config.targets.successPlanCoverage), (plans) => plans.length > 0);
}

/** Eligible accounts with an Active plan whose Plan Health is Green / eligible accounts. */
export function greenSuccessPlanRate(ctx: ScoreContext): MetricResult {
  return planRate(ctx, segmentValue(ctx, ctx.config.targets.greenSuccessPlanRate), (plans) => plans.some((p) => p.planHealth === 'Green'));
}

/** successPlanCoverage and greenSuccessPlanRate. */
export function successPlanMetrics(ctx: ScoreContext): Results<'successPlanCoverage' | 'greenSuccessPlanRate'> {
  return { successPlanCoverage: successPlanCoverage(ctx), greenSuccessPlanRate: greenSuccessPlanRate(ctx) };
}
