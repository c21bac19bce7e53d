/**
 * The report model: the one contract between computing and rendering. A plain serialisable
 * object; `metrics.json` is written from it and every page reads its slice of it. Dates are ISO
 * strings here (`YYYY-MM-DD`), account references are canonical account IDs.
 */
import type { Config } from '../config.ts';
import type { QualityReport } from '../ingest/quality.ts';
import type { CsmRole, Rag, Segment } from '../ingest/tables.ts';
import type { QbrReport } from './qbr.ts';

/** Scorecard keys of METRICS.md, in the order pages show them. */
export const SCORECARD_KEYS = [
  'bookSize',
  'p1Ratio',
  'misprioritizedCount',
  'ebrCoverage',
  'ebrOverdueCount',
  'ebrsLast30Days',
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

export type Status = 'on-target' | 'watch' | 'off-target' | 'no-target' | 'no-data';

/**
 * A target in force for one scope. `min`/`max` bound the on-target range (inclusive); `label` is
 * how a page says it ("≥ 75%", "12 to 20", "no target").
 */
export interface Target {
  min?: number;
  max?: number;
  label: string;
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
}

export type Scorecard = Record<MetricKey, MetricResult>;

/** Facts per account (METRICS.md "Per account"). */
export interface AccountFacts {
  lastCadenceCall: string | null;
  daysSinceCadence: number | null;
  cadenceInterval: number | null;
  cadenceOverdue: boolean;
  nonEngaged: boolean;
  lastEbr: string | null;
  ebrOverdue: boolean;
  p1Reasons: string[];
  misprioritized: boolean;
  healthStale: boolean;
  adoptionRisk: boolean;
  atRisk: boolean;
}

export interface AccountView {
  id: string;
  name: string;
  csmEmail: string | null;
  status: string;
  arr: number | null;
  tier: string | null;
  priority: 'P1' | 'P2' | null;
  health: Rag | null;
  healthUpdated: string | null;
  industry: string | null;
  salesSegment: string | null;
  region: string | null;
  onboardingStart: string | null;
  renewalDate: string | null;
  licenseUtilization: number | null;
  useCasesAdopted: number | null;
  devSecOpsHealth: Rag | null;
  facts: AccountFacts;
}

/** One CSM's President's Club values, points and rank (metrics.json `presidentsClub`). */
export interface PresidentsClubScore {
  fiscalYear: string;
  netArrContribution: number | null;
  ebrCompletion: number | null;
  greenSuccessPlans: number | null;
  adoptionPlaysWon: number | null;
  workshops: number | null;
  points: number;
  rank: number;
}

export interface PresidentsClubEntry extends PresidentsClubScore {
  /** Per category, what the value counted: opportunity IDs, account IDs, or workshops as text. */
  counted: Record<'netArrContribution' | 'ebrCompletion' | 'greenSuccessPlans' | 'adoptionPlaysWon' | 'workshops', string[]>;
  /** Per category, the gap to the next better distinct value in the team (null at the top or for null). */
  gaps: Record<'netArrContribution' | 'ebrCompletion' | 'greenSuccessPlans' | 'adoptionPlaysWon' | 'workshops', number | null>;
}

export interface CsmReport {
  /** URL-safe, unique, stable: `/csm/<slug>/`. */
  slug: string;
  email: string;
  name: string;
  manager: string | null;
  role: CsmRole;
  segment: Segment;
  scorecard: Scorecard;
  presidentsClub: PresidentsClubEntry;
  /** Book account IDs. */
  book: string[];
}

export interface TeamReport {
  /** URL-safe, unique, stable: `/teams/<slug>/`. */
  slug: string;
  manager: string;
  name: string;
  /** The segment whose targets the team takes (most of its book accounts). */
  segment: Segment;
  csms: string[];
  scorecard: Scorecard;
}

export interface OrgReport {
  segment: Segment;
  scorecard: Scorecard;
}

export interface RenewalQuarter {
  quarter: string;
  count: number;
  arr: number;
  byHealth: Record<Rag | 'None', { count: number; arr: number }>;
  accounts: string[];
}

export interface PlayQuarter {
  quarter: string;
  expansionOpened: number;
  expansionClosed: number;
  expansionWinRate: number | null;
  expansionDaysToClose: number | null;
  enablementOpened: number;
  enablementClosed: number;
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
  /** Where first value comes from: license usage crossing the threshold, or the manual date. */
  firstValueSource: 'usage' | 'manual' | null;
  onboarded: string | null;
  onboardedSource: 'cta' | 'manual' | null;
  ttfeDays: number | null;
  ttfvDays: number | null;
  ttoDays: number | null;
  overdue: boolean;
}

/** A reached date before the onboarding start: left out of the medians and rates, listed. */
export interface OnboardingOutlier {
  accountId: string;
  milestone: 'ttfe' | 'ttfv' | 'tto';
  start: string;
  reached: string;
}

export interface PtoEntry {
  csmEmail: string;
  start: string;
  end: string;
  backupEmail: string | null;
  noBackup: boolean;
  /** The backup is also off on a day of this time off within the look-ahead window. */
  backupAlsoOff: boolean;
  p1Accounts: string[];
  /** Accounts whose renewal date falls in the time off. */
  renewals: string[];
  atRiskAccounts: string[];
}

export interface TimelineItem {
  date: string;
  type: string;
  author: string | null;
  subject: string;
}

export interface AccountDetail {
  /** The most recent activities on or before T, newest first (at most 20). */
  recentActivities: TimelineItem[];
  ctas: { id: string; type: string; name: string | null; status: string; outcome: string; created: string; closed: string | null }[];
  plans: { id: string; /** `Plan Name`; null when the export leaves it empty. */ name: string | null; status: string; planHealth: Rag | null; lastUpdated: string | null }[];
}

/** A scope's metric values at one earlier build (history snapshot). */
export interface TrendPoint {
  asOf: string;
  values: Partial<Record<MetricKey, number | null>>;
}

/** What changed since the previous build (null previousAsOf: no earlier snapshot). */
export interface Changes {
  previousAsOf: string | null;
  turnedRed: string[];
  becameCadenceOverdue: string[];
  becameNonEngaged: string[];
  enteredRenewalWindow: string[];
}

export interface ReportModel {
  asOf: string;
  fiscalQuarter: string;
  fiscalYear: string;
  org: OrgReport;
  teams: TeamReport[];
  csms: CsmReport[];
  accounts: AccountView[];
  /** Upcoming renewals by fiscal quarter: the current one and the next three. */
  renewals: RenewalQuarter[];
  /** Plays per fiscal quarter, for the org and per team manager email. */
  plays: { org: PlayQuarter[]; teams: Record<string, PlayQuarter[]> };
  onboarding: { cohort: OnboardingRow[]; outliers: OnboardingOutlier[] };
  pto: PtoEntry[];
  accountDetails: Record<string, AccountDetail>;
  /** Scope id ('org', a team's manager email, a CSM's email) → snapshots, oldest first. */
  trends: Record<string, TrendPoint[]>;
  changes: Changes;
  quality: QualityReport;
  /** The site paths of the rejected-rows CSVs, by export file name. */
  rejectedFiles: Record<string, string>;
  /** QBR reports, oldest quarter first; closed quarters as first stored (frozen). */
  qbr: QbrReport[];
  /** The configuration in force (targets and windows for the definitions page). */
  config: Config;
}
