/**
 * The report model: the one contract between computing and rendering. A plain serialisable
 * object; `metrics.json` is written from it and every page reads its slice of it. Dates are ISO
 * strings here (`YYYY-MM-DD`), account references are canonical account IDs.
 */
import type { Config } from '../config.ts';
import type { QualityReport } from '../ingest/quality.ts';
import type { CsmRole, Rag, Segment } from '../ingest/tables.ts';
import type {
  AccountFacts,
  MetricKey,
  OnboardingOutlier,
  OnboardingRow,
  PlayQuarter,
  PresidentsClubEntry,
  PresidentsClubStanding,
  PtoEntry,
  RenewalQuarter,
  Scorecard,
} from '../metrics/types.ts';
import type { WeekAction } from './actions.ts';
import type { QbrReport } from './qbr.ts';

export * from '../metrics/types.ts';

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
  /** This week's actions on the book, most urgent first (report/actions.ts). */
  actions: WeekAction[];
  /** Actions new or cleared since the previous build. */
  actionChanges: ActionChanges;
}

export interface TeamReport {
  /** URL-safe, unique, stable: `/teams/<slug>/`. */
  slug: string;
  manager: string;
  name: string;
  csms: string[];
  /** Values over the team's union book; targets and statuses rolled up from its CSMs (`rollUp`). */
  scorecard: Scorecard;
}

export interface OrgReport {
  /** Values over every book account; targets and statuses rolled up from every CSM (`rollUp`). */
  scorecard: Scorecard;
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
  /** The account's opportunities, latest Close Date first. */
  opportunities: OpportunityItem[];
}

/** An opportunity as an account page lists it. */
export interface OpportunityItem {
  id: string;
  /** `Opportunity Name`; null when the export leaves it empty. */
  name: string | null;
  stage: string;
  closeDate: string;
  orderType: string | null;
  netArr: number | null;
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

/**
 * A CSM's actions that are new or cleared since the previous build, by action key
 * (`<accountId>:<rule>`). previousAsOf is null when no earlier build kept a list of actions: then
 * every action is new and none is cleared.
 */
export interface ActionChanges {
  previousAsOf: string | null;
  added: string[];
  cleared: string[];
}

export interface ReportModel {
  asOf: string;
  fiscalQuarter: string;
  fiscalYear: string;
  org: OrgReport;
  teams: TeamReport[];
  csms: CsmReport[];
  accounts: AccountView[];
  /**
   * President's Club standings, oldest fiscal year first: every earlier year the data covers (as
   * stored once it ended) and the year to date. The year to date is also each CSM's `presidentsClub`.
   */
  presidentsClub: PresidentsClubStanding[];
  /** Upcoming renewals by fiscal quarter: the current one and the next three. */
  renewals: RenewalQuarter[];
  /** Plays per fiscal quarter, for the org and per team manager email. */
  plays: { org: PlayQuarter[]; teams: Record<string, PlayQuarter[]> };
  onboarding: { cohort: OnboardingRow[]; outliers: OnboardingOutlier[] };
  /** Book accounts with no Priority (read as P2 by every rule), for the managers, by account ID. */
  unprioritized: string[];
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
  /** `Opportunity Name` of every opportunity a President's Club standing counted, by ID (empty names left out). */
  opportunityNames: Record<string, string>;
}
