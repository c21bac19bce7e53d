/**
 * The CSM Manager handbook's review checklist for one scope (a team, or the whole org): account
 * assignment, onboarding, success plans, triage and health, renewals. Each list only picks and
 * orders what the model holds (facts, cohort rows, metric numerators); nothing here computes a metric.
 */
import { addMonthsToDay, dayFromIso, isoFromDay } from '../dates.ts';
import type { AccountView, OnboardingRow, RenewalQuestionState, ReportModel, Scorecard, TeamReport } from '../report/model.ts';
import { accountById, accountsOf, byName, csmRef, reportIndex, teamBook, teamOfCsm, unassignedAccounts, type PersonRef } from './lookup.ts';

/** The scope a checklist covers. */
export interface ChecklistScope {
  kind: 'org' | 'team';
  /** `org`, or the team's slug. */
  slug: string;
  name: string;
  /** The scope's book accounts (the org: every book account). */
  book: AccountView[];
  scorecard: Scorecard;
}

/** The org's checklist scope. */
export function orgScope(model: ReportModel): ChecklistScope {
  const book = model.csms.flatMap((c) => accountsOf(model, c.book));
  return { kind: 'org', slug: 'org', name: 'the org', book, scorecard: model.org.scorecard };
}

/** A team's checklist scope. */
export function teamScope(model: ReportModel, team: TeamReport): ChecklistScope {
  return { kind: 'team', slug: team.slug, name: `team ${team.name}`, book: teamBook(model, team), scorecard: team.scorecard };
}

/** An account of a checklist list, with its CSM, the CSM's team and segment. */
export interface ChecklistRow {
  account: AccountView;
  owner: PersonRef | null;
  /** The team's name; null for no CSM or a CSM with no team. */
  team: string | null;
  /** The CSM's segment (Strategic, Growth, Scale); null for no CSM. */
  segment: string | null;
}

function rowOf(model: ReportModel, account: AccountView): ChecklistRow {
  const csm = account.csmEmail ? reportIndex(model).csmByEmail.get(account.csmEmail) : undefined;
  return {
    account,
    owner: csmRef(model, account.csmEmail),
    team: csm ? (teamOfCsm(model, csm.email)?.name ?? null) : null,
    segment: csm?.segment ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Account assignment

/** A data-quality warning that names a CSM who is not in the roster (the account is kept unassigned). */
export interface RosterWarning {
  value: string;
  line: number | null;
}

export interface AssignmentCheck {
  /** Active accounts with no CSM, or a CSM not in the roster: in no book. The same for every scope. */
  unassigned: ChecklistRow[];
  /** accounts.csv rows whose CSM names nobody in the roster. */
  rosterWarnings: RosterWarning[];
}

export function assignmentCheck(model: ReportModel): AssignmentCheck {
  const rosterWarnings = model.quality.issues
    .filter((i) => i.file === 'accounts.csv' && i.rule === 'unknown-csm')
    .map((i) => ({ value: i.value ?? '', line: i.line }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { unassigned: unassignedAccounts(model).map((a) => rowOf(model, a)), rosterWarnings };
}

// ---------------------------------------------------------------------------------------------
// 2. Onboarding

export type MilestoneKey = 'ttfe' | 'ttfv' | 'tto';
export const MILESTONES: readonly { key: MilestoneKey; label: string }[] = [
  { key: 'ttfe', label: 'First engage' },
  { key: 'ttfv', label: 'First value' },
  { key: 'tto', label: 'Onboarded' },
];

/**
 * Where a milestone stands: reached within its target (`on time`) or after it (`late`); not reached
 * and its due date passed (`overdue`) or not yet (`due`); or its date is an invalid outlier.
 */
export type MilestoneState = 'on time' | 'late' | 'overdue' | 'due' | 'invalid';

export interface MilestoneStatus {
  state: MilestoneState;
  /** Onboarding start + the milestone's target in days. */
  dueDate: string;
  reached: string | null;
  /** Days from the start when reached. */
  days: number | null;
  /** For `invalid`: why (the data-quality page lists it). */
  reason: string | null;
}

export interface OnboardingCheckRow extends ChecklistRow {
  start: string;
  milestones: Record<MilestoneKey, MilestoneStatus>;
}

/** A milestone's status at T, from the cohort row, the target in days and the outliers of the account. */
export function milestoneStatus(
  asOf: string,
  row: OnboardingRow,
  key: MilestoneKey,
  targetDays: number,
  outlierReason: string | null,
): MilestoneStatus {
  const start = dayFromIso(row.start);
  const dueDate = isoFromDay(start + targetDays);
  const reached = key === 'ttfe' ? row.firstEngage : key === 'ttfv' ? row.firstValue : row.onboarded;
  const days = key === 'ttfe' ? row.ttfeDays : key === 'ttfv' ? row.ttfvDays : row.ttoDays;
  if (outlierReason !== null) return { state: 'invalid', dueDate, reached, days, reason: outlierReason };
  if (reached !== null && days !== null) return { state: days <= targetDays ? 'on time' : 'late', dueDate, reached, days, reason: null };
  return { state: dayFromIso(asOf) - start > targetDays ? 'overdue' : 'due', dueDate, reached: null, days: null, reason: null };
}

/** The scope's cohort accounts with each milestone's status; the oldest onboarding first. */
export function onboardingCheck(model: ReportModel, scope: ChecklistScope): OnboardingCheckRow[] {
  const ids = new Set(scope.book.map((a) => a.id));
  const t = model.config.targets;
  const target: Record<MilestoneKey, number> = { ttfe: t.ttfeDays, ttfv: t.ttfvDays, tto: t.ttoDays };
  const outliers = new Map<string, string>();
  for (const o of model.onboarding.outliers) outliers.set(`${o.accountId} ${o.milestone}`, o.reason);
  const rows: OnboardingCheckRow[] = [];
  for (const o of model.onboarding.cohort) {
    const account = ids.has(o.accountId) ? accountById(model, o.accountId) : undefined;
    if (!account) continue;
    const status = (k: MilestoneKey) => milestoneStatus(model.asOf, o, k, target[k], outliers.get(`${o.accountId} ${k}`) ?? null);
    rows.push({ ...rowOf(model, account), start: o.start, milestones: { ttfe: status('ttfe'), ttfv: status('ttfv'), tto: status('tto') } });
  }
  return rows.sort((x, y) => x.start.localeCompare(y.start) || byName(x.account, y.account));
}

/** An onboarding that needs the manager: a milestone late or overdue. */
export const needsAttention = (r: OnboardingCheckRow): boolean =>
  MILESTONES.some((m) => r.milestones[m.key].state === 'late' || r.milestones[m.key].state === 'overdue');

// ---------------------------------------------------------------------------------------------
// 3. Success plans

export type PlanProblem = 'no active plan' | 'not green' | 'stale';

export interface PlanCheckRow extends ChecklistRow {
  problems: PlanProblem[];
  /** The account's Active plans. */
  plans: { id: string; name: string | null; planHealth: string | null; lastUpdated: string | null }[];
  /** The oldest Last Updated of its Active plans (null: none dated, or no Active plan). */
  oldestUpdate: string | null;
}

export interface SuccessPlanCheck {
  /** Eligible accounts (as successPlanCoverage counts them) with at least one problem. */
  rows: PlanCheckRow[];
  eligible: number;
  /** Plans not updated since this day are stale (T − successPlanStaleMonths). */
  staleBefore: string;
  /** Why there is no list (success_plans.csv not supplied, ...), or null. */
  note: string | null;
}

/**
 * Eligible accounts with no Active plan, an Active plan but none Green, or an Active plan not
 * updated within the last `successPlanStaleMonths` months (no Last Updated date counts as stale;
 * updated exactly that many months ago is still fresh). No active plan first, then the stalest.
 */
export function successPlanCheck(model: ReportModel, scope: ChecklistScope): SuccessPlanCheck {
  const coverage = scope.scorecard.successPlanCoverage;
  const covered = new Set(coverage.numerator);
  const green = new Set(scope.scorecard.greenSuccessPlanRate.numerator);
  const staleBefore = isoFromDay(addMonthsToDay(dayFromIso(model.asOf), -model.config.windows.successPlanStaleMonths));
  const rows: PlanCheckRow[] = [];
  for (const account of accountsOf(model, coverage.denominator)) {
    const plans = (model.accountDetails[account.id]?.plans ?? [])
      .filter((p) => p.status === 'Active')
      .map((p) => ({ id: p.id, name: p.name, planHealth: p.planHealth, lastUpdated: p.lastUpdated }));
    const problems: PlanProblem[] = [];
    if (!covered.has(account.id)) problems.push('no active plan');
    else {
      if (!green.has(account.id)) problems.push('not green');
      if (plans.some((p) => p.lastUpdated === null || p.lastUpdated < staleBefore)) problems.push('stale');
    }
    if (problems.length === 0) continue;
    const dated = plans.map((p) => p.lastUpdated).filter((d): d is string => d !== null).sort();
    rows.push({ ...rowOf(model, account), problems, plans: covered.has(account.id) ? plans : [], oldestUpdate: dated[0] ?? null });
  }
  const rank = (r: PlanCheckRow) => (r.problems.includes('no active plan') ? 0 : r.problems.includes('stale') ? 1 : 2);
  rows.sort((x, y) => rank(x) - rank(y) || (x.oldestUpdate ?? '').localeCompare(y.oldestUpdate ?? '') || byName(x.account, y.account));
  return { rows, eligible: coverage.denominator.length, staleBefore, note: coverage.value === null ? (coverage.note ?? null) : null };
}

// ---------------------------------------------------------------------------------------------
// 4. Triage and health

export interface TriageCheck {
  /** Health not updated within the last month (`healthStale`); never updated first, then the oldest. */
  staleHealth: ChecklistRow[];
  /** Health Red, by ARR (largest first). */
  red: ChecklistRow[];
}

export function triageCheck(model: ReportModel, scope: ChecklistScope): TriageCheck {
  const sorted = scope.book.slice().sort(byName);
  const staleHealth = sorted
    .filter((a) => a.facts.healthStale)
    .sort((a, b) => (a.healthUpdated ?? '').localeCompare(b.healthUpdated ?? '') || byName(a, b));
  const red = sorted.filter((a) => a.health === 'Red').sort((a, b) => (b.arr ?? -1) - (a.arr ?? -1) || byName(a, b));
  return { staleHealth: staleHealth.map((a) => rowOf(model, a)), red: red.map((a) => rowOf(model, a)) };
}

// ---------------------------------------------------------------------------------------------
// 5. Renewals

export interface RenewalCheckRow extends ChecklistRow {
  quarter: string;
  /** Where the renewal question stands, or, before its window, `not yet`. */
  question: RenewalQuestionState | 'not yet';
  /** The window to ask, [R − 4 months, R − 3 months]. */
  window: { from: string; to: string } | null;
}

/** The fiscal quarters the renewals check covers: this one and the next two. */
export const RENEWAL_QUARTERS = 3;

export interface RenewalQuarterCount {
  quarter: string;
  count: number;
  arr: number;
}

/**
 * Renewals of this fiscal quarter and the next two (RENEWAL_QUARTERS; the renewals page shows a
 * fourth): for a team its book accounts, for the org
 * every renewing account (unassigned ones too). Soonest first.
 */
export function renewalCheck(model: ReportModel, scope: ChecklistScope): { rows: RenewalCheckRow[]; quarters: RenewalQuarterCount[] } {
  const inScope = scope.kind === 'org' ? null : new Set(scope.book.map((a) => a.id));
  const lead = model.config.windows.renewalQuestionLeadMonths;
  const lag = model.config.windows.renewalQuestionMonths;
  const rows: RenewalCheckRow[] = [];
  const quarters: RenewalQuarterCount[] = [];
  for (const q of model.renewals.slice(0, RENEWAL_QUARTERS)) {
    const accounts = accountsOf(model, q.accounts)
      .filter((a) => inScope === null || inScope.has(a.id))
      .sort((a, b) => (a.renewalDate ?? '').localeCompare(b.renewalDate ?? '') || byName(a, b));
    quarters.push({ quarter: q.quarter, count: accounts.length, arr: accounts.reduce((s, a) => s + (a.arr ?? 0), 0) });
    for (const a of accounts) {
      const r = a.renewalDate ? dayFromIso(a.renewalDate) : null;
      const window =
        a.facts.renewalQuestionWindow ?? (r === null ? null : { from: isoFromDay(addMonthsToDay(r, -lead)), to: isoFromDay(addMonthsToDay(r, -lag)) });
      rows.push({ ...rowOf(model, a), quarter: q.quarter, question: a.facts.renewalQuestion ?? 'not yet', window });
    }
  }
  return { rows, quarters };
}

// ---------------------------------------------------------------------------------------------
// The whole checklist

export interface Checklist {
  scope: ChecklistScope;
  assignment: AssignmentCheck;
  onboarding: OnboardingCheckRow[];
  successPlans: SuccessPlanCheck;
  triage: TriageCheck;
  renewals: { rows: RenewalCheckRow[]; quarters: RenewalQuarterCount[] };
}

export function checklistOf(model: ReportModel, scope: ChecklistScope): Checklist {
  return {
    scope,
    assignment: assignmentCheck(model),
    onboarding: onboardingCheck(model, scope),
    successPlans: successPlanCheck(model, scope),
    triage: triageCheck(model, scope),
    renewals: renewalCheck(model, scope),
  };
}

/** One count of the checklist's summary, with the anchor of the list it counts. */
export interface CheckCount {
  label: string;
  count: number;
  anchor: string;
}

/** A check of the summary: its section anchor, title and counts. */
export interface CheckSummary {
  id: 'assignment' | 'onboarding' | 'success-plans' | 'triage' | 'renewals';
  title: string;
  counts: CheckCount[];
}

/** The five checks' counts, in the handbook's order; each count names the list it links to. */
export function checklistSummary(c: Checklist): CheckSummary[] {
  const plans = (p: PlanProblem) => c.successPlans.rows.filter((r) => r.problems.includes(p)).length;
  const thisQuarter = c.renewals.quarters[0];
  const askNow = c.renewals.rows.filter((r) => r.question === 'ask now' || r.question === 'missed').length;
  const red = c.triage.red.length;
  const s = (n: number, one: string, many: string) => (n === 1 ? one : many);
  return [
    { id: 'assignment', title: 'Account assignment', counts: [{ label: s(c.assignment.unassigned.length, 'account with no CSM in the roster', 'accounts with no CSM in the roster'), count: c.assignment.unassigned.length, anchor: 'unassigned' }] },
    {
      id: 'onboarding',
      title: 'Onboarding',
      counts: [
        { label: s(c.onboarding.length, 'account in onboarding', 'accounts in onboarding'), count: c.onboarding.length, anchor: 'onboarding-list' },
        { label: 'with a milestone late or overdue', count: c.onboarding.filter(needsAttention).length, anchor: 'onboarding-list' },
      ],
    },
    {
      id: 'success-plans',
      title: 'Success plans',
      counts: [
        { label: 'with no active plan', count: plans('no active plan'), anchor: 'success-plans-list' },
        { label: 'not green', count: plans('not green'), anchor: 'success-plans-list' },
        { label: 'stale', count: plans('stale'), anchor: 'success-plans-list' },
      ],
    },
    {
      id: 'triage',
      title: 'Triage and health',
      counts: [
        { label: 'health not updated within the month', count: c.triage.staleHealth.length, anchor: 'stale-health' },
        { label: s(red, 'red account', 'red accounts'), count: red, anchor: 'red-accounts' },
      ],
    },
    {
      id: 'renewals',
      title: 'Renewals',
      counts: [
        { label: `renewing in ${thisQuarter?.quarter ?? 'this quarter'}`, count: thisQuarter?.count ?? 0, anchor: 'renewals-list' },
        { label: 'in the next two quarters', count: c.renewals.quarters.slice(1).reduce((s, q) => s + q.count, 0), anchor: 'renewals-list' },
        { label: s(askNow, 'renewal question to ask now or missed', 'renewal questions to ask now or missed'), count: askNow, anchor: 'renewals-list' },
      ],
    },
  ];
}
