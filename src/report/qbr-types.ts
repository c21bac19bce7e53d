/**
 * The shape of a QBR report (METRICS.md "History and quarters"): which metrics are recomputed at the
 * quarter's day and which come from a snapshot, which direction is better, and the plain JSON of a
 * quarter's report that the build stores once the quarter has closed. Computed in qbr.ts.
 */
import { METRIC_KEYS, type MetricKey, type OnboardingRow, type PlayQuarter, type RenewalQuarter } from './model.ts';

/**
 * Keys recomputed with T = the quarter's day: they count dated events (EBRs, calls, workshops, CTAs,
 * onboarding milestones), which the exports keep, so the value at a past day can be rebuilt.
 * `renewalQuestionRate` is here because it counts Renewal Call activities.
 */
export const EVENT_METRIC_KEYS = [
  'ebrCoverage',
  'ebrOverdueCount',
  'ebrsLast30Days',
  'highArrEbrCoverage',
  'cadenceCompliance',
  'nonEngagedCount',
  'callsPerWeek',
  'workshopsPerWeek',
  'workshopCoverage',
  'enablementActive',
  'expansionActive',
  'renewalQuestionRate',
  'ttfeMedianDays',
  'ttfeWithinTarget',
  'ttfvMedianDays',
  'ttfvWithinTarget',
  'ttoMedianDays',
  'ttoWithinTarget',
  'overdueOnboardingCount',
] as const satisfies readonly MetricKey[];

/**
 * Keys read from a history snapshot: they rest on fields the exports overwrite (Status and CSM for
 * the book, Priority, Health, Health Updated, success plans, ARR and Renewal Date), so only a
 * snapshot taken then knows their value. `misprioritizedCount` (Priority against Health, tier and
 * adoption) and `atRiskRenewalArr` (Health, ARR, Renewal Date) belong here for that reason.
 */
export const SNAPSHOT_METRIC_KEYS = [
  'bookSize',
  'p1Ratio',
  'misprioritizedCount',
  'healthFreshness',
  'redCount',
  'successPlanCoverage',
  'greenSuccessPlanRate',
  'atRiskRenewalArr',
] as const satisfies readonly MetricKey[];

/** Whether a rise of the metric is good news (true), bad news (false), or neither (null: its target is a range). */
export const HIGHER_IS_BETTER: Record<MetricKey, boolean | null> = {
  bookSize: null,
  p1Ratio: false,
  misprioritizedCount: false,
  ebrCoverage: true,
  ebrOverdueCount: false,
  ebrsLast30Days: true,
  highArrEbrCoverage: true,
  cadenceCompliance: true,
  nonEngagedCount: false,
  callsPerWeek: true,
  healthFreshness: true,
  redCount: false,
  successPlanCoverage: true,
  greenSuccessPlanRate: true,
  workshopsPerWeek: true,
  workshopCoverage: true,
  enablementActive: true,
  expansionActive: true,
  renewalQuestionRate: true,
  atRiskRenewalArr: false,
  ttfeMedianDays: false,
  ttfeWithinTarget: true,
  ttfvMedianDays: false,
  ttfvWithinTarget: true,
  ttoMedianDays: false,
  ttoWithinTarget: true,
  overdueOnboardingCount: false,
};


/** One metric value at one day. */
export interface QbrValue {
  value: number | null;
  /** Snapshot metrics: the as-of date of the snapshot the value was read from. */
  snapshotAsOf?: string;
  /** Snapshot metrics: no snapshot of this scope in the quarter on or before the day (value is null). */
  noSnapshot?: true;
  /** A stored quarter that predates the metric: the value was never recorded (value is null). */
  notRecorded?: true;
}

/** A metric this quarter beside the previous quarter. */
export interface QbrMetric {
  source: 'event' | 'snapshot';
  current: QbrValue;
  previous: QbrValue;
  /** How the value moved since the previous quarter; null when either value is null. */
  direction: 'up' | 'down' | 'same' | null;
  /** Whether the move is good news; null when unchanged, unknown, or the metric has no better side. */
  assessment: 'better' | 'worse' | null;
}

/** A Renewal opportunity decided (closed won or lost) in the quarter. */
export interface QbrRenewal {
  id: string;
  accountId: string;
  name: string | null;
  closeDate: string;
  netArr: number | null;
  /** The CSM it counts for. */
  csmEmail: string;
  won: boolean;
}

/** An account of the risk lists, with its ARR. */
export interface QbrRiskAccount {
  id: string;
  name: string;
  csmEmail: string | null;
  arr: number | null;
  /** Why it is at risk: `red health`, `risk play` (an open Risk CTA). */
  reasons: string[];
}

/** The QBR of one scope (the org or a team) for one quarter. */
export interface QbrScope {
  kind: 'org' | 'team';
  /** The team manager's email; null for the org. */
  manager: string | null;
  /** The team leader's name; null for the org. */
  name: string | null;
  metrics: Record<MetricKey, QbrMetric>;
  /** Book accounts whose Onboarding Start Date falls in the quarter, with their milestones as of the day. */
  onboardingCohort: OnboardingRow[];
  /** EBR activities on book accounts dated in the quarter (up to the day), and the accounts they were held with. */
  ebrsHeld: { count: number; accounts: string[] };
  plays: PlayQuarter;
  /** Renewal opportunities decided in the quarter (up to the day), credited to the scope's CSMs. */
  renewals: { won: number; lost: number; renewalRate: number | null; wonArr: number; lostArr: number; opportunities: QbrRenewal[] };
  /** Book accounts renewing in the next quarter, with the split by health. */
  forecast: RenewalQuarter;
  /** At-risk and red-health book accounts as of the day, by ARR (largest first). */
  risks: { atRisk: QbrRiskAccount[]; atRiskArr: number; red: QbrRiskAccount[]; redArr: number };
}

/** The QBR of one fiscal quarter for the org and every team. */
export interface QbrReport {
  quarter: string;
  previousQuarter: string;
  /** First and last day of the quarter. */
  start: string;
  end: string;
  /** The day the quarter is shown as of: its last day, or T for the current quarter. */
  asOf: string;
  /** The day the previous quarter is shown as of: its last day. */
  previousAsOf: string;
  /** The quarter ended before T: its report can be stored and reused. */
  closed: boolean;
  org: QbrScope;
  /** By team manager email. */
  teams: Record<string, QbrScope>;
}
