/**
 * The validated tables: what ingestion hands to the metrics. Every key is normalised here once
 * (Salesforce IDs in their canonical 18-character form, emails in lower case, enums in their
 * contract spelling, dates as day numbers in the configured time zone, percents as fractions),
 * so that metric code compares plain values and never parses.
 */
import type { Day } from '../dates.ts';

export type CsmRole = 'Strategic Enterprise' | 'Strategic Commercial' | 'Growth' | 'Scale';
export type LeaderRole = 'Manager' | 'Senior Manager' | 'Director' | 'VP';
export type Role = CsmRole | LeaderRole;
export type Segment = 'Strategic' | 'Growth' | 'Scale';
export type Rag = 'Green' | 'Yellow' | 'Red';
export type Priority = 'P1' | 'P2';
export type AccountStatus = 'Active' | 'Churned' | 'Inactive';
export type ActivityType = 'Cadence Call' | 'Meeting' | 'EBR' | 'Workshop' | 'Renewal Call' | 'Roundtable' | 'Email' | 'Update' | 'Other';
export type PlanStatus = 'Active' | 'Draft' | 'Complete' | 'Inactive';
export type CtaType = 'Onboarding' | 'Enablement' | 'Expansion' | 'Risk' | 'Renewal' | 'Other';
/** CTA status classes of the contract: open, won, lost, invalid. */
export type CtaOutcome = 'open' | 'won' | 'lost' | 'invalid';

export interface Person {
  name: string;
  /** Lower case; the key of a person. */
  email: string;
  managerEmail: string | null;
  role: Role;
  region: string | null;
  startDate: Day | null;
  backupEmail: string | null;
}

export interface Account {
  /** Canonical 18-character Salesforce ID. */
  id: string;
  name: string;
  /** The roster email of the account's CSM; null when empty or not in the roster. */
  csmEmail: string | null;
  status: AccountStatus;
  arr: number | null;
  /** `Premium`, `Ultimate`, or another tier kept as its text. */
  tier: string | null;
  priority: Priority | null;
  health: Rag | null;
  healthUpdated: Day | null;
  salesSegment: string | null;
  region: string | null;
  industry: string | null;
  onboardingStart: Day | null;
  firstValueDate: Day | null;
  onboardingCompleteDate: Day | null;
  renewalDate: Day | null;
  /** A fraction: 0.45 for 45%. */
  licenseUtilization: number | null;
  useCasesAdopted: number | null;
  devSecOpsHealth: Rag | null;
}

export interface Activity {
  id: string;
  accountId: string;
  type: ActivityType;
  date: Day;
  /**
   * Who logged it: the roster email when the author resolves to a roster person (email or full
   * name), else its trimmed lower-case text; null when empty (the account's CSM, resolved by metrics).
   */
  author: string | null;
  /** Kept for workshops only (their identity is author + date + subject); '' for other types. */
  subject: string;
}

export interface SuccessPlan {
  id: string;
  accountId: string;
  status: PlanStatus;
  planHealth: Rag | null;
  createdDate: Day | null;
  lastUpdated: Day | null;
}

export interface Cta {
  id: string;
  accountId: string;
  type: CtaType;
  name: string | null;
  /** The status as exported (contract spelling). */
  status: string;
  outcome: CtaOutcome;
  createdDate: Day;
  /** Required when the status is closed (won, lost, invalid); null while open. */
  closedDate: Day | null;
  /** Roster email, or null. */
  owner: string | null;
}

export interface Opportunity {
  id: string;
  /** Canonical ID; the account may be absent from accounts.csv (kept with a warning). */
  accountId: string;
  name: string | null;
  stage: string;
  closeDate: Day;
  orderType: string | null;
  netArr: number | null;
  /**
   * The CSM column resolved: a roster email; `undefined` when the column is empty (the account's
   * CSM then counts); null when it names nobody in the roster (counts for no one).
   */
  csmEmail: string | null | undefined;
}

export interface LicenseUsage {
  accountId: string;
  date: Day;
  /** A fraction. */
  utilization: number;
}

export interface TimeOff {
  email: string;
  start: Day;
  /** Inclusive. */
  end: Day;
  /** The row's backup; null when empty (the roster's backup then applies). */
  backupEmail: string | null;
}

/** All tables of one build. Optional files that are absent are null: their metrics are null. */
export interface Tables {
  csms: Person[];
  accounts: Account[];
  activities: Activity[];
  successPlans: SuccessPlan[] | null;
  ctas: Cta[] | null;
  opportunities: Opportunity[] | null;
  licenseUsage: LicenseUsage[] | null;
  pto: TimeOff[] | null;
}

export const CSM_ROLES: readonly CsmRole[] = ['Strategic Enterprise', 'Strategic Commercial', 'Growth', 'Scale'];

export function isCsmRole(role: Role): role is CsmRole {
  return (CSM_ROLES as readonly string[]).includes(role);
}

export function segmentOf(role: CsmRole): Segment {
  return role === 'Strategic Enterprise' || role === 'Strategic Commercial' ? 'Strategic' : role;
}
