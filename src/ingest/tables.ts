/**
 * The validated tables: what ingestion hands to the metrics. Every key is normalised here once
 * (Salesforce IDs in their canonical 18-character form, emails in lower case, enums in their
 * contract spelling, dates as day numbers in the configured time zone, percents as fractions),
 * so that metric code compares plain values and never parses.
 */
import type { Account, Activity, Cta, LicenseUsage, Opportunity, Person, SuccessPlan, TimeOff } from './schemas.ts';
import type { ACCOUNT_STATUSES, ACTIVITY_TYPES, CTA_OUTCOMES, CTA_TYPES, PLAN_STATUSES, PRIORITIES, RAGS, ROLES } from './schemas.ts';

// The row types come from the row schemas of schemas.ts (one source for types and validation).
export type { Account, Activity, Cta, LicenseUsage, Opportunity, Person, SuccessPlan, TimeOff };

export type CsmRole = 'Strategic Enterprise' | 'Strategic Commercial' | 'Growth' | 'Scale';
export type LeaderRole = Exclude<Role, CsmRole>;
export type Role = (typeof ROLES)[number];
export type Segment = 'Strategic' | 'Growth' | 'Scale';
export type Rag = (typeof RAGS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type CtaType = (typeof CTA_TYPES)[number];
/** CTA status classes of the contract: open, won, lost, invalid. */
export type CtaOutcome = (typeof CTA_OUTCOMES)[number];

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
