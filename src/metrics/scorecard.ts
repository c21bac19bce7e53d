/**
 * The scorecard of METRICS.md for one scope (a CSM, a team, the org), composed from the metric
 * families. Per-account facts are computed once per T by the caller and shared by every scope.
 * A CSM's targets follow its segment or role; a team's or the org's scorecard comes without
 * targets, to be rolled up from its CSMs' scorecards (rollUpScorecard in status.ts).
 */
import type { Config } from '../config.ts';
import type { Day } from '../dates.ts';
import type { AccountFactsDays } from './account-facts.ts';
import { ebrMetrics } from './ebr.ts';
import { engagementMetrics } from './engagement.ts';
import { healthMetrics } from './health.ts';
import { playsActiveMetrics } from './plays-active.ts';
import { priorityMetrics } from './priority.ts';
import { renewalQuestionMetrics } from './renewal-question.ts';
import { targetSegmentOf, type ScoreContext, type ScoreScope } from './scope.ts';
import { successPlanMetrics } from './success-plans.ts';
import type { TableIndex } from './table-index.ts';
import { SCORECARD_KEYS, type MetricResult, type ScorecardKey } from './types.ts';
import { workshopMetrics } from './workshops.ts';

export { targetSegmentOf, type ScoreScope } from './scope.ts';

export type { ScorecardKey } from './types.ts';

/**
 * Every scorecard metric of a scope as of T. `p1RatioAtPreviousQuarterEnd` is the scope's p1Ratio
 * at the end of the previous fiscal quarter from history (null when there is no snapshot).
 */
export function computeScorecard(
  scope: ScoreScope,
  index: TableIndex,
  facts: Map<string, AccountFactsDays>,
  asOf: Day,
  config: Config,
  p1RatioAtPreviousQuarterEnd: number | null,
): Record<ScorecardKey, MetricResult> {
  const ctx: ScoreContext = { scope, index, facts, asOf, config, segment: targetSegmentOf(scope) };
  const all: Record<ScorecardKey, MetricResult> = {
    ...priorityMetrics(ctx, p1RatioAtPreviousQuarterEnd),
    ...ebrMetrics(ctx),
    ...engagementMetrics(ctx),
    ...healthMetrics(ctx),
    ...successPlanMetrics(ctx),
    ...workshopMetrics(ctx),
    ...playsActiveMetrics(ctx),
    ...renewalQuestionMetrics(ctx),
  };
  // In the order pages show them.
  return Object.fromEntries(SCORECARD_KEYS.map((k) => [k, all[k]])) as Record<ScorecardKey, MetricResult>;
}
