/**
 * The metric results of METRICS.md as the metrics layer computes them: keys, statuses, targets,
 * per-account facts, President's Club standings, plays, onboarding rows and PTO entries. The report
 * model builds on these types (and re-exports them for the pages); nothing here reaches upward.
 * Dates are ISO strings (`YYYY-MM-DD`), account references canonical account IDs.
 */
import type { Rag } from '../ingest/tables.ts';

/** Scorecard keys of METRICS.md, in the order pages show them. */
export const SCORECARD_KEYS = [
  'bookSize',
  'p1Ratio',
  'misprioritizedCount',
  'ebrCoverage',
  'ebrOverdueCount',
  'ebrsLast30Days',
  'highArrEbrCoverage',
  'cadenceCompliance',
  'nonEngagedCount',
  'callsPerWeek',
  'healthFreshness',
  'redCount',
  'successPlanCoverage',
  'greenSuccessPlanRate',
  'workshopsPerWeek',
  'workshopCoverage',
  'enablementActive',
  'expansionActive',
  'renewalQuestionRate',
  'atRiskRenewalArr',
] as const;

/** Onboarding keys of METRICS.md. */
export const ONBOARDING_KEYS = [
  'ttfeMedianDays',
  'ttfeWithinTarget',
  'ttfvMedianDays',
  'ttfvWithinTarget',
  'ttoMedianDays',
  'ttoWithinTarget',
  'overdueOnboardingCount',
] as const;

export const METRIC_KEYS = [...SCORECARD_KEYS, ...ONBOARDING_KEYS] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type ScorecardKey = (typeof SCORECARD_KEYS)[number];
export type OnboardingKey = (typeof ONBOARDING_KEYS)[number];

export type Status = 'on-target' | 'watch' | 'off-target' | 'no-target' | 'no-data';

/**
 * A target in force for one scope. `min`/`max` bound the on-target range (inclusive); `label` is
 * how a page says it ("≥ 75%", "12 to 20", "5 of 8 CSMs on target").
 */
export interface Target {
  min?: number;
  max?: number;
  label: string;
}

/**
 * A team's or the org's status of one metric, rolled up from its CSMs: `of` (n) counts the CSMs
 * that have a target and a value for the metric, `onTarget` (k) those of them on target.
 */
export interface RollUp {
  onTarget: number;
  of: number;
}

/** One number of a scorecard with what it counted: "explain this number". */
export interface MetricResult {
  value: number | null;
  target: Target | null;
  status: Status;
  /** Account IDs counted in the numerator (for counts: the accounts counted). */
  numerator: string[];
  /** Account IDs of the denominator; empty for counts and sums. */
  denominator: string[];
  /** Why the value is null, when it is ("no book accounts", "success_plans.csv not supplied"). */
  note?: string;
  /** Team and org only: `k of n CSMs on target`, from which the status comes. */
  rollUp?: RollUp;
}

export type Scorecard = Record<MetricKey, MetricResult>;

/** Where an upcoming renewal stands with the renewal question (METRICS.md `renewalQuestion`). */
export type RenewalQuestionState = 'asked' | 'asked late' | 'ask now' | 'missed';

/** Facts per account (METRICS.md "Per account"). */
export interface AccountFacts {
  lastCadenceCall: string | null;
  daysSinceCadence: number | null;
  cadenceInterval: number | null;
  cadenceOverdue: boolean;
  lastCustomerCall: string | null;
  nonEngaged: boolean;
  lastEbr: string | null;
  ebrOverdue: boolean;
  highArr: boolean;
  p1Reasons: string[];
  unprioritized: boolean;
  misprioritized: boolean;
  healthStale: boolean;
  adoptionRisk: boolean;
  atRisk: boolean;
  renewalQuestion: RenewalQuestionState | null;
  /** The window to ask, [R − 4 months, R − 3 months], whenever `renewalQuestion` is not null. */
  renewalQuestionWindow: { from: string; to: string } | null;
}

/** The five categories of President's Club, in the order pages show them. */
export const PRESIDENTS_CLUB_CATEGORIES = ['netArrContribution', 'ebrCompletion', 'greenSuccessPlans', 'adoptionPlaysWon', 'workshops'] as const;
export type PresidentsClubCategory = (typeof PRESIDENTS_CLUB_CATEGORIES)[number];

/** One CSM's President's Club values, points and rank (metrics.json `presidentsClub`). */
export interface PresidentsClubScore {
  fiscalYear: string;
  netArrContribution: number | null;
  ebrCompletion: number | null;
  greenSuccessPlans: number | null;
  adoptionPlaysWon: number | null;
  workshops: number | null;
  /** Per category, the points of the CSM's position in the team. */
  categoryPoints: Record<PresidentsClubCategory, number>;
  points: number;
  rank: number;
}

export interface PresidentsClubEntry extends PresidentsClubScore {
  /** Per category, what the value counted: opportunity IDs, account IDs, or workshops as text. */
  counted: Record<PresidentsClubCategory, string[]>;
  /** Per category, the gap to the next better value in the team (null at the top or for null). */
  gaps: Record<PresidentsClubCategory, number | null>;
}

/** The standings of one fiscal year: every CSM's entry as of the year's cut-off day. */
export interface PresidentsClubStanding {
  fiscalYear: string;
  /** The cut-off day E: T for the year that contains T, the year's last day for an earlier one. */
  asOf: string;
  /** The year ended before T: its standings are final, stored once and reused. */
  closed: boolean;
  /** By CSM email. */
  entries: Record<string, PresidentsClubEntry>;
}

export interface RenewalQuarter {
  quarter: string;
  count: number;
  arr: number;
  byHealth: Record<Rag | 'None', { count: number; arr: number }>;
  accounts: string[];
}

/** Plays of one fiscal quarter (METRICS.md "Plays per fiscal quarter"). */
export interface PlayQuarter {
  quarter: string;
  expansionOpened: number;
  /** Closed won in Q: "playbooks completed". */
  expansionCompleted: number;
  /** Closed won or lost in Q. */
  expansionClosed: number;
  /** Closed invalid or cancelled in Q: neither completed nor closed. */
  expansionInvalid: number;
  expansionWinRate: number | null;
  expansionDaysToClose: number | null;
  enablementOpened: number;
  enablementCompleted: number;
  enablementClosed: number;
  enablementInvalid: number;
  enablementWinRate: number | null;
  enablementDaysToClose: number | null;
  renewalRate: number | null;
  roundtableCoverage: number | null;
}

/** One cohort account of the onboarding table (METRICS.md "Onboarding: time to value"). */
export interface OnboardingRow {
  accountId: string;
  start: string;
  firstEngage: string | null;
  firstValue: string | null;
  /** Where first value comes from: the manual First Value Date, or license usage crossing the threshold. */
  firstValueSource: 'usage' | 'manual' | null;
  onboarded: string | null;
  onboardedSource: 'cta' | 'manual' | null;
  ttfeDays: number | null;
  ttfvDays: number | null;
  ttoDays: number | null;
  overdue: boolean;
}

/** Why an onboarding milestone is an invalid outlier. */
export type OutlierReason = 'reached before start' | 'late licence data';

/**
 * An invalid onboarding outlier: left out of the medians and rates, listed with its reason. For
 * `reached before start`, `reached` is the date reached; for `late licence data` (no First Value
 * Date and licence data starting more than the ttfv target after S) it is the first licence row's date.
 */
export interface OnboardingOutlier {
  accountId: string;
  milestone: 'ttfe' | 'ttfv' | 'tto';
  start: string;
  reached: string;
  reason: OutlierReason;
}

export interface PtoEntry {
  csmEmail: string;
  start: string;
  end: string;
  backupEmail: string | null;
  noBackup: boolean;
  /** The backup is also off on some day of this time off (the whole time off). */
  backupAlsoOff: boolean;
  p1Accounts: string[];
  /** Accounts whose renewal date falls in the time off. */
  renewals: string[];
  atRiskAccounts: string[];
}
