/** What each metric, status and scope is called on the pages, and the unit its value reads in. */
import type { AccountFacts, MetricKey, PlayQuarter, Status } from '../report/model.ts';

/** The three scopes a scorecard belongs to; the org's slug is `org`. */
export type ScopeKind = 'org' | 'team' | 'csm';

/** How a metric's number reads. */
export type Unit = 'count' | 'percent' | 'rate' | 'money' | 'days';

/** A display name per metric key. */
export const METRIC_LABELS: Record<MetricKey, string> = {
  bookSize: 'Book size',
  p1Ratio: 'P1 ratio',
  misprioritizedCount: 'Misprioritised accounts',
  ebrCoverage: 'EBR coverage',
  ebrOverdueCount: 'EBRs overdue',
  ebrsLast30Days: 'EBRs in the last 30 days',
  highArrEbrCoverage: 'Highest-ARR accounts with 2 EBRs',
  cadenceCompliance: 'Cadence compliance',
  nonEngagedCount: 'Non-engaged accounts',
  callsPerWeek: 'Cadence calls per week',
  healthFreshness: 'Health freshness',
  redCount: 'Red accounts',
  successPlanCoverage: 'Success plan coverage',
  greenSuccessPlanRate: 'Green success plans',
  workshopsPerWeek: 'Workshops per week',
  workshopCoverage: 'Workshop coverage',
  enablementActive: 'Enablement plays open',
  expansionActive: 'Expansion plays open',
  renewalQuestionRate: 'Renewal question asked',
  atRiskRenewalArr: 'At-risk renewal ARR (90 days)',
  ttfeMedianDays: 'Time to first engage (median)',
  ttfeWithinTarget: 'First engage within target',
  ttfvMedianDays: 'Time to first value (median)',
  ttfvWithinTarget: 'First value within target',
  ttoMedianDays: 'Time to onboarded (median)',
  ttoWithinTarget: 'Onboarded within target',
  overdueOnboardingCount: 'Overdue onboardings',
};

/** The unit of each metric's value. */
export const METRIC_UNITS: Record<MetricKey, Unit> = {
  bookSize: 'count',
  p1Ratio: 'percent',
  misprioritizedCount: 'count',
  ebrCoverage: 'percent',
  ebrOverdueCount: 'count',
  ebrsLast30Days: 'count',
  highArrEbrCoverage: 'percent',
  cadenceCompliance: 'percent',
  nonEngagedCount: 'count',
  callsPerWeek: 'rate',
  healthFreshness: 'percent',
  redCount: 'count',
  successPlanCoverage: 'percent',
  greenSuccessPlanRate: 'percent',
  workshopsPerWeek: 'rate',
  workshopCoverage: 'percent',
  enablementActive: 'count',
  expansionActive: 'count',
  renewalQuestionRate: 'percent',
  atRiskRenewalArr: 'money',
  ttfeMedianDays: 'days',
  ttfeWithinTarget: 'percent',
  ttfvMedianDays: 'days',
  ttfvWithinTarget: 'percent',
  ttoMedianDays: 'days',
  ttoWithinTarget: 'percent',
  overdueOnboardingCount: 'count',
};

/** The few metrics shown in headline tiles and in the compact team and CSM tables. */
export const KEY_METRICS: readonly MetricKey[] = [
  'bookSize',
  'p1Ratio',
  'cadenceCompliance',
  'callsPerWeek',
  'ebrCoverage',
  'healthFreshness',
  'successPlanCoverage',
  'atRiskRenewalArr',
];

/** The chip of a status: an icon and words, so colour is never the only signal. */
export const STATUS_TEXT: Record<Status, { icon: string; text: string }> = {
  'on-target': { icon: '✓', text: 'on target' },
  watch: { icon: '!', text: 'watch' },
  'off-target': { icon: '✗', text: 'off target' },
  'no-target': { icon: '–', text: 'no target' },
  'no-data': { icon: '', text: 'n/a' },
};

/** The per-account facts of METRICS.md, in the order the definitions page shows them. */
export const ACCOUNT_FACT_KEYS = [
  'lastCadenceCall',
  'daysSinceCadence',
  'cadenceInterval',
  'cadenceOverdue',
  'lastCustomerCall',
  'nonEngaged',
  'lastEbr',
  'ebrOverdue',
  'highArr',
  'p1Reasons',
  'unprioritized',
  'misprioritized',
  'healthStale',
  'adoptionRisk',
  'atRisk',
  'renewalQuestion',
] as const satisfies readonly (keyof AccountFacts)[];

/** The per-quarter play keys of METRICS.md ("Plays per fiscal quarter"), in the order the definitions page shows them. */
export const PLAY_KEYS = [
  'expansionOpened',
  'expansionCompleted',
  'expansionClosed',
  'expansionInvalid',
  'expansionWinRate',
  'expansionDaysToClose',
  'enablementOpened',
  'enablementCompleted',
  'enablementClosed',
  'enablementInvalid',
  'enablementWinRate',
  'enablementDaysToClose',
  'renewalRate',
  'roundtableCoverage',
] as const satisfies readonly Exclude<keyof PlayQuarter, 'quarter'>[];
export type PlayKey = (typeof PLAY_KEYS)[number];
// Every number of a PlayQuarter has its key above (a compile error names the one left out).
const _everyPlayKey: Record<Exclude<keyof PlayQuarter, 'quarter'>, true> = Object.fromEntries(PLAY_KEYS.map((k) => [k, true])) as Record<PlayKey, true>;
void _everyPlayKey;

/** A display name per play key. */
export const PLAY_LABELS: Record<PlayKey, string> = {
  expansionOpened: 'Expansion plays opened',
  expansionCompleted: 'Expansion plays completed',
  expansionClosed: 'Expansion plays closed',
  expansionInvalid: 'Expansion plays invalid',
  expansionWinRate: 'Expansion win rate',
  expansionDaysToClose: 'Expansion days to close',
  enablementOpened: 'Enablement plays opened',
  enablementCompleted: 'Enablement plays completed',
  enablementClosed: 'Enablement plays closed',
  enablementInvalid: 'Enablement plays invalid',
  enablementWinRate: 'Enablement win rate',
  enablementDaysToClose: 'Enablement days to close',
  renewalRate: 'Renewal rate',
  roundtableCoverage: 'Roundtable coverage',
};
