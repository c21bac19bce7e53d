/**
 * Per-account facts of METRICS.md "Per account": computed once per as-of date T for every account
 * and read by every scope's scorecard, the account pages and the 1:1 agenda.
 */
import type { Config } from '../config.ts';
import { isoFromDay, type Day } from '../dates.ts';
import type { Account, ActivityType, CtaType, Segment } from '../ingest/tables.ts';
import type { AccountFacts, RenewalQuestionState } from './types.ts';
import { ctaOpenAt, datesOf, latestOnOrBefore, type TableIndex } from './table-index.ts';
import { countInTrailingMonths, monthsAfter, monthsBefore } from './windows.ts';

/** Reasons an account qualifies as P1, in the spec's wording. */
export type P1Reason = 'red health' | 'low adoption' | 'red DevSecOps' | 'expansion play' | 'at risk' | 'non-engaged';

/** Activity types that are a call with the customer: the handbook's Cadence Call or Meeting, and EBRs and renewal calls. */
export const CUSTOMER_CALL_TYPES: readonly ActivityType[] = ['Cadence Call', 'Meeting', 'EBR', 'Renewal Call'];

/** The facts of one account as of T, dates as day numbers (the model's AccountFacts has ISO dates). */
export interface AccountFactsDays {
  accountId: string;
  /** The segment of the account's CSM; null when the account has no CSM in a CSM role. */
  segment: Segment | null;
  lastCadenceCall: Day | null;
  daysSinceCadence: number | null;
  cadenceInterval: number | null;
  cadenceOverdue: boolean;
  lastCustomerCall: Day | null;
  nonEngaged: boolean;
  lastEbr: Day | null;
  ebrOverdue: boolean;
  highArr: boolean;
  p1Reasons: P1Reason[];
  unprioritized: boolean;
  misprioritized: boolean;
  healthStale: boolean;
  adoptionRisk: boolean;
  atRisk: boolean;
  renewalQuestion: RenewalQuestionState | null;
  /** [R − lead months, R − months] when renewalQuestion is not null. */
  renewalQuestionWindow: { from: Day; to: Day } | null;
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

/** Whether the account's tenure started strictly before `day` (or it is long-standing). */
export function tenureStartedBefore(account: Account, day: Day): boolean {
  return account.onboardingStart === null || account.onboardingStart < day;
}

/** The cadence interval of an account of this segment and priority (unprioritised = P2); null for Scale. */
export function cadenceIntervalOf(segment: Segment | null, account: Account, config: Config): number | null {
  if (segment !== 'Strategic' && segment !== 'Growth') return null;
  return config.windows.cadenceIntervalDays[segment][account.priority ?? 'P2'];
}

/**
 * Whether a book account of a Strategic CSM is among the CSM's `highArrAccountsPerCsm` book
 * accounts of highest ARR (ties by Account ID, ascending); an account without ARR never qualifies.
 */
export function isHighArr(account: Account, index: TableIndex, config: Config): boolean {
  if (account.arr === null || account.status !== 'Active' || !account.csmEmail) return false;
  if (index.csmByEmail.get(account.csmEmail)?.segment !== 'Strategic') return false;
  let ahead = 0;
  for (const other of index.bookByCsm.get(account.csmEmail) ?? []) {
    if (other.arr === null || other.id === account.id) continue;
    if (other.arr > account.arr || (other.arr === account.arr && other.id < account.id)) ahead += 1;
  }
  return ahead < config.highArrAccountsPerCsm;
}

/**
 * The renewal question of an account with Renewal Date R, T < R ≤ T + lead months: the window to
 * ask is [R − lead months, R − months]. `asked` (a Renewal Call in the window, ≤ T), else `asked
 * late` (a Renewal Call in (R − months, T]), else `ask now` (T in the window), else `missed`.
 */
export function renewalQuestionOf(
  account: Account,
  index: TableIndex,
  asOf: Day,
  config: Config,
): { state: RenewalQuestionState; window: { from: Day; to: Day } } | null {
  const r = account.renewalDate;
  const { renewalQuestionLeadMonths: lead, renewalQuestionMonths: close } = config.windows;
  if (r === null || r <= asOf || r > monthsAfter(asOf, lead)) return null;
  const window = { from: monthsBefore(r, lead), to: monthsBefore(r, close) };
  const calls = datesOf(index, account.id, 'Renewal Call').filter((d) => d <= asOf);
  if (calls.some((d) => window.from <= d && d <= window.to)) return { state: 'asked', window };
  if (calls.some((d) => d > window.to)) return { state: 'asked late', window };
  if (window.from <= asOf && asOf <= window.to) return { state: 'ask now', window };
  // T + lead months ≥ R implies T ≥ R − lead months, so T is past the window here.
  return { state: 'missed', window };
}

/** The latest customer call (CUSTOMER_CALL_TYPES) dated on or before T, or null. */
function lastCustomerCallOf(index: TableIndex, accountId: string, asOf: Day): Day | null {
  let latest: Day | null = null;
  for (const type of CUSTOMER_CALL_TYPES) {
    const d = latestOnOrBefore(datesOf(index, accountId, type), asOf);
    if (d !== null && (latest === null || d > latest)) latest = d;
  }
  return latest;
}

/** The facts of one account as of T. */
export function computeAccountFacts(account: Account, index: TableIndex, asOf: Day, config: Config): AccountFactsDays {
  const w = config.windows;
  const segment = account.csmEmail ? (index.csmByEmail.get(account.csmEmail)?.segment ?? null) : null;

  const lastCadenceCall = latestOnOrBefore(datesOf(index, account.id, 'Cadence Call'), asOf);
  const daysSinceCadence = lastCadenceCall === null ? null : asOf - lastCadenceCall;
  const cadenceInterval = cadenceIntervalOf(segment, account, config);
  const cadenceOverdue =
    cadenceInterval !== null &&
    (daysSinceCadence === null ? tenureStartedBy(account, asOf - cadenceInterval) : daysSinceCadence > cadenceInterval);

  // "No customer should go more than 2 months without a call": a call on T − 2 months still counts.
  const lastCustomerCall = lastCustomerCallOf(index, account.id, asOf);
  const engagedFrom = monthsBefore(asOf, w.nonEngagedMonths);
  const nonEngaged =
    segment === 'Strategic' && tenureStartedBefore(account, engagedFrom) && (lastCustomerCall === null || lastCustomerCall < engagedFrom);

  const ebrs = datesOf(index, account.id, 'EBR');
  const ebrOverdue =
    segment === 'Strategic' && tenureStartedBy(account, asOf - w.ebrTenureDays) && countInTrailingMonths(ebrs, asOf, w.ebrWindowMonths) === 0;

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
  if (openCtaTypes.has('Risk')) p1Reasons.push('at risk');
  if (nonEngaged) p1Reasons.push('non-engaged');

  const question = renewalQuestionOf(account, index, asOf, config);
  return {
    accountId: account.id,
    segment,
    lastCadenceCall,
    daysSinceCadence,
    cadenceInterval,
    cadenceOverdue,
    lastCustomerCall,
    nonEngaged,
    lastEbr: latestOnOrBefore(ebrs, asOf),
    ebrOverdue,
    highArr: isHighArr(account, index, config),
    p1Reasons,
    unprioritized: account.priority === null,
    misprioritized: account.priority !== 'P1' && p1Reasons.length > 0,
    // "Updated within the last month": updated exactly one month ago is still fresh.
    healthStale: account.healthUpdated === null || account.healthUpdated < monthsBefore(asOf, w.healthStaleMonths),
    adoptionRisk:
      account.devSecOpsHealth === 'Red' || (account.licenseUtilization !== null && account.licenseUtilization < config.lowLicenseUtilization),
    atRisk: account.health === 'Red' || openCtaTypes.has('Risk'),
    renewalQuestion: question?.state ?? null,
    renewalQuestionWindow: question?.window ?? null,
    openCtaTypes,
  };
}

const iso = (d: Day | null) => (d === null ? null : isoFromDay(d));

/** The facts as the report model carries them (ISO dates). */
export function toAccountFactsView(f: AccountFactsDays): AccountFacts {
  return {
    lastCadenceCall: iso(f.lastCadenceCall),
    daysSinceCadence: f.daysSinceCadence,
    cadenceInterval: f.cadenceInterval,
    cadenceOverdue: f.cadenceOverdue,
    lastCustomerCall: iso(f.lastCustomerCall),
    nonEngaged: f.nonEngaged,
    lastEbr: iso(f.lastEbr),
    ebrOverdue: f.ebrOverdue,
    highArr: f.highArr,
    p1Reasons: [...f.p1Reasons],
    unprioritized: f.unprioritized,
    misprioritized: f.misprioritized,
    healthStale: f.healthStale,
    adoptionRisk: f.adoptionRisk,
    atRisk: f.atRisk,
    renewalQuestion: f.renewalQuestion,
    renewalQuestionWindow: f.renewalQuestionWindow ? { from: isoFromDay(f.renewalQuestionWindow.from), to: isoFromDay(f.renewalQuestionWindow.to) } : null,
  };
}
