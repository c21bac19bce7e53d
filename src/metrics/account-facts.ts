/**
 * Per-account facts of METRICS.md "Per account": computed once per as-of date T for every account
 * and read by every scope's scorecard, the account pages and the 1:1 agenda.
 */
import type { Config } from '../config.ts';
import { isoFromDay, type Day } from '../dates.ts';
import type { Account, CtaType, Segment } from '../ingest/tables.ts';
import type { AccountFacts } from '../report/model.ts';
import { countInWindow, ctaOpenAt, datesOf, latestOnOrBefore, type TableIndex } from './table-index.ts';

/** Reasons an account qualifies as P1, in the spec's wording. */
export type P1Reason = 'red health' | 'low adoption' | 'red DevSecOps' | 'expansion play';

/** The facts of one account as of T, dates as day numbers (the model's AccountFacts has ISO dates). */
export interface AccountFactsDays {
  accountId: string;
  /** The segment of the account's CSM; null when the account has no CSM in a CSM role. */
  segment: Segment | null;
  lastCadenceCall: Day | null;
  daysSinceCadence: number | null;
  cadenceInterval: number | null;
  cadenceOverdue: boolean;
  nonEngaged: boolean;
  lastEbr: Day | null;
  ebrOverdue: boolean;
  p1Reasons: P1Reason[];
  misprioritized: boolean;
  healthStale: boolean;
  adoptionRisk: boolean;
  atRisk: boolean;
  /** CTA types with a CTA open at T (empty when ctas.csv is absent). */
  openCtaTypes: ReadonlySet<CtaType>;
}

/**
 * Whether the account's tenure started on or before `day`. An empty Onboarding Start Date is a
 * long-standing account, whose tenure starts before any window.
 */
export function tenureStartedBy(account: Account, day: Day): boolean {
  return account.onboardingStart === null || account.onboardingStart <= day;
}

/** The cadence interval of an account of this segment and priority; null for Scale and unprioritised. */
export function cadenceIntervalOf(segment: Segment | null, account: Account, config: Config): number | null {
  if (account.priority === null || (segment !== 'Strategic' && segment !== 'Growth')) return null;
  return config.windows.cadenceIntervalDays[segment][account.priority];
}

/** The facts of one account as of T. */
export function computeAccountFacts(account: Account, index: TableIndex, asOf: Day, config: Config): AccountFactsDays {
  const w = config.windows;
  const segment = account.csmEmail ? (index.csmByEmail.get(account.csmEmail)?.segment ?? null) : null;

  const calls = datesOf(index, account.id, 'Cadence Call');
  const lastCadenceCall = latestOnOrBefore(calls, asOf);
  const daysSinceCadence = lastCadenceCall === null ? null : asOf - lastCadenceCall;
  const cadenceInterval = cadenceIntervalOf(segment, account, config);
  const cadenceOverdue =
    cadenceInterval !== null &&
    (daysSinceCadence === null ? tenureStartedBy(account, asOf - cadenceInterval) : daysSinceCadence > cadenceInterval);
  const nonEngaged =
    segment === 'Strategic' &&
    countInWindow(calls, asOf - w.nonEngagedDays, asOf) === 0 &&
    tenureStartedBy(account, asOf - w.nonEngagedDays);

  const ebrs = datesOf(index, account.id, 'EBR');
  const ebrOverdue = tenureStartedBy(account, asOf - w.ebrTenureDays) && countInWindow(ebrs, asOf - w.ebrWindowDays, asOf) === 0;

  const openCtaTypes = new Set<CtaType>();
  for (const c of index.ctasByAccount.get(account.id) ?? []) if (ctaOpenAt(c, asOf)) openCtaTypes.add(c.type);

  const p1Reasons: P1Reason[] = [];
  if (account.health === 'Red') p1Reasons.push('red health');
  const adopted = account.useCasesAdopted;
  if (adopted !== null && ((account.tier === 'Premium' && adopted <= 1) || (account.tier === 'Ultimate' && adopted <= 2))) {
    p1Reasons.push('low adoption');
  }
  if (account.tier === 'Ultimate' && account.devSecOpsHealth === 'Red') p1Reasons.push('red DevSecOps');
  if (openCtaTypes.has('Expansion')) p1Reasons.push('expansion play');

  return {
    accountId: account.id,
    segment,
    lastCadenceCall,
    daysSinceCadence,
    cadenceInterval,
    cadenceOverdue,
    nonEngaged,
    lastEbr: latestOnOrBefore(ebrs, asOf),
    ebrOverdue,
    p1Reasons,
    misprioritized: account.priority === 'P2' && p1Reasons.length > 0,
    // Updated exactly healthStaleDays ago is still fresh.
    healthStale: account.healthUpdated === null || account.healthUpdated < asOf - w.healthStaleDays,
    adoptionRisk:
      account.devSecOpsHealth === 'Red' || (account.licenseUtilization !== null && account.licenseUtilization < config.lowLicenseUtilization),
    atRisk: account.health === 'Red' || openCtaTypes.has('Risk'),
    openCtaTypes,
  };
}

/** The facts as the report model carries them (ISO dates). */
export function toAccountFactsView(f: AccountFactsDays): AccountFacts {
  return {
    lastCadenceCall: f.lastCadenceCall === null ? null : isoFromDay(f.lastCadenceCall),
    daysSinceCadence: f.daysSinceCadence,
    cadenceInterval: f.cadenceInterval,
    cadenceOverdue: f.cadenceOverdue,
    nonEngaged: f.nonEngaged,
    lastEbr: f.lastEbr === null ? null : isoFromDay(f.lastEbr),
    ebrOverdue: f.ebrOverdue,
    p1Reasons: [...f.p1Reasons],
    misprioritized: f.misprioritized,
    healthStale: f.healthStale,
    adoptionRisk: f.adoptionRisk,
    atRisk: f.atRisk,
  };
}
