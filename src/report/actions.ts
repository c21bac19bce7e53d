/**
 * This week's actions of a CSM: what the handbook's rules ask of each book account, most urgent
 * first. Computed from the model's per-account facts and a few dated facts read from the index at
 * model-building time; pure (no clock, no I/O).
 *
 * "This week" is the seven days after T: an action is listed when it is overdue, due on T or due by
 * T + 7 days (a rolling week, the same on every weekday of a nightly build). Three kinds are listed
 * whatever their date, because the handbook asks for them ahead: renewal questions whose window to
 * ask is open, at-risk renewals in the next `atRiskRenewalDays`, and highest-ARR accounts short of
 * their second EBR. An action's `due` is the last day on which it is still on time, so it is overdue
 * from the day after; the rule that decides "overdue" is the metric's own (METRICS.md).
 */
import type { Config } from '../config.ts';
import { dayFromIso, isoFromDay, type Day } from '../dates.ts';
import type { Rag, Segment } from '../ingest/tables.ts';
import { datesOf, latestOnOrBefore, type TableIndex } from '../metrics/table-index.ts';
import { monthsAfter, monthsBefore } from '../metrics/windows.ts';
import type { AccountView, OnboardingRow } from './model.ts';

/** How many days after T "this week" runs to. */
export const WEEK_DAYS = 7;

/** The rules, most urgent first: the one place that orders actions of the same `when`. */
export const ACTION_RULES = [
  'renewal-question',
  'at-risk-renewal',
  'cadence',
  'non-engaged',
  'onboarding-first-engage',
  'onboarding-first-value',
  'onboarding-onboarded',
  'health',
  'ebr',
  'ebr-high-arr',
  'success-plan-missing',
  'success-plan-not-green',
  'success-plan-stale',
  'workshop',
  'misprioritized',
  'unprioritized',
] as const;
export type ActionRule = (typeof ACTION_RULES)[number];

/** When an action is due, most urgent first: the order of the list before the rule order. */
export const ACTION_WHEN = ['overdue', 'today', 'this week', 'later'] as const;
export type ActionWhen = (typeof ACTION_WHEN)[number];

/** What each rule asks the CSM to do. */
export const ACTION_TITLES: Record<ActionRule, string> = {
  'renewal-question': 'Ask the renewal question',
  'at-risk-renewal': 'Secure an at-risk renewal',
  cadence: 'Hold a cadence call',
  'non-engaged': 'Re-engage the customer',
  'onboarding-first-engage': 'Onboarding: first engagement',
  'onboarding-first-value': 'Onboarding: first value',
  'onboarding-onboarded': 'Onboarding: complete it',
  health: 'Update the health score',
  ebr: 'Hold an EBR',
  'ebr-high-arr': 'Hold the second EBR of the year',
  'success-plan-missing': 'Create a success plan',
  'success-plan-not-green': 'Bring the success plan to green',
  'success-plan-stale': 'Review the success plan',
  workshop: 'Run a workshop',
  misprioritized: 'Make the account P1',
  unprioritized: 'Set a priority',
};

/** One action of the week. */
export interface WeekAction {
  /** `<accountId>:<rule>`: stable from build to build while the action stands. */
  key: string;
  accountId: string;
  accountName: string;
  priority: 'P1' | 'P2' | null;
  rule: ActionRule;
  /** Why, in words with the date it rests on. */
  reason: string;
  /** The last day on which it is on time (ISO); null when it has no date (never done, or a standing fix). */
  due: string | null;
  when: ActionWhen;
}

/** An Active success plan that exists at T. */
export interface ActivePlan {
  id: string;
  name: string | null;
  planHealth: Rag | null;
  lastUpdated: string | null;
}

/** What the rules read of one book account. */
export interface ActionAccount {
  account: AccountView;
  /** EBR dates on or before T, ascending. */
  ebrs: readonly string[];
  /** The latest workshop logged on the account on or before T. */
  lastWorkshop: string | null;
  /** Its Active plans at T; null when success_plans.csv was not supplied. */
  plans: readonly ActivePlan[] | null;
  /** The account's row of the onboarding cohort, if it is in it. */
  onboarding: OnboardingRow | null;
}

/** Orders actions: by when, then rule, then P1 first, then the earliest due (undated first), then account name. */
export function compareActions(a: WeekAction, b: WeekAction): number {
  const rank = (p: WeekAction['priority']) => (p === 'P1' ? 0 : p === 'P2' ? 1 : 2);
  return (
    ACTION_WHEN.indexOf(a.when) - ACTION_WHEN.indexOf(b.when) ||
    ACTION_RULES.indexOf(a.rule) - ACTION_RULES.indexOf(b.rule) ||
    rank(a.priority) - rank(b.priority) ||
    (a.due ?? '').localeCompare(b.due ?? '') ||
    a.accountName.localeCompare(b.accountName, 'en') ||
    a.accountId.localeCompare(b.accountId)
  );
}

/** The last day D on which `base` is still within the trailing `months` months of D (D − months ≤ base). */
export function lastDayWithin(base: Day, months: number): Day {
  let d = monthsAfter(base, months);
  while (monthsBefore(d + 1, months) <= base) d += 1;
  return d;
}

const priorityText = (p: WeekAction['priority']) => (p ?? 'no priority (read as P2)');
const isoOrNull = (d: Day | null) => (d === null ? null : isoFromDay(d));

/** This week's actions for one CSM's book, most urgent first. */
export function weekActions(book: readonly ActionAccount[], asOfIso: string, segment: Segment, config: Config): WeekAction[] {
  const T = dayFromIso(asOfIso);
  const weekEnd = T + WEEK_DAYS;
  const w = config.windows;
  const out: WeekAction[] = [];

  for (const { account: a, ebrs, lastWorkshop, plans, onboarding } of book) {
    const f = a.facts;
    const start = a.onboardingStart === null ? null : dayFromIso(a.onboardingStart);
    /**
     * Adds an action: `overdue` decides first, else the due date places it in the week (an undated
     * fix belongs to this week); one due after the week is dropped unless it is `standing`.
     */
    const add = (rule: ActionRule, reason: string, due: Day | null, overdue: boolean, standing = false): void => {
      let when: ActionWhen;
      if (overdue) when = 'overdue';
      else if (due === T) when = 'today';
      else if (due === null || due <= weekEnd) when = 'this week';
      else if (standing) when = 'later';
      else return;
      out.push({ key: `${a.id}:${rule}`, accountId: a.id, accountName: a.name, priority: a.priority, rule, reason, due: isoOrNull(due), when });
    };

    // Cadence: due on the last call + interval; with no call, overdue from tenure start + interval.
    if (f.cadenceInterval !== null) {
      const every = `${priorityText(a.priority)}: every ${f.cadenceInterval} days`;
      if (f.lastCadenceCall !== null) {
        add('cadence', `last cadence call ${f.lastCadenceCall}, ${every}`, dayFromIso(f.lastCadenceCall) + f.cadenceInterval, f.cadenceOverdue);
      } else {
        const since = start === null ? 'no cadence call on record' : `no cadence call since the onboarding start ${a.onboardingStart}`;
        add('cadence', `${since}, ${every}`, start === null ? null : start + f.cadenceInterval - 1, f.cadenceOverdue);
      }
    }

    // The renewal question: ask in [R − 4 months, R − 3 months]; missed once that window closed unasked.
    const window = f.renewalQuestionWindow;
    if (window && a.renewalDate && (f.renewalQuestion === 'ask now' || f.renewalQuestion === 'missed')) {
      const missed = f.renewalQuestion === 'missed';
      const reason = missed
        ? `renews ${a.renewalDate}; the window to ask closed ${window.to} with no renewal call`
        : `renews ${a.renewalDate}; the window to ask is ${window.from} to ${window.to}`;
      add('renewal-question', reason, dayFromIso(window.to), missed, true);
    } else if (a.renewalDate && f.renewalQuestion === null) {
      const r = dayFromIso(a.renewalDate);
      const opens = monthsBefore(r, w.renewalQuestionLeadMonths);
      if (r > T && opens > T && opens <= weekEnd) {
        const closes = monthsBefore(r, w.renewalQuestionMonths);
        add('renewal-question', `renews ${a.renewalDate}; the window to ask opens ${isoFromDay(opens)} and closes ${isoFromDay(closes)}`, opens, false);
      }
    }

    // At-risk renewals in the next 90 days.
    if (f.atRisk && a.renewalDate) {
      const r = dayFromIso(a.renewalDate);
      if (r > T && r <= T + w.atRiskRenewalDays) {
        const why = [...(a.health === 'Red' ? ['health Red'] : []), ...(f.p1Reasons.includes('at risk') ? ['an open Risk CTA'] : [])];
        add('at-risk-renewal', `renews ${a.renewalDate}; at risk: ${why.join(' and ')}`, r, false, true);
      }
    }

    // Non-engaged (Strategic): a customer call at least every 2 calendar months, from the tenure start.
    if (segment === 'Strategic') {
      const base = maxDay(f.lastCustomerCall, start === null ? null : isoFromDay(start));
      const due = base === null ? null : lastDayWithin(base, w.nonEngagedMonths);
      const since = f.lastCustomerCall ? `last customer call ${f.lastCustomerCall}` : 'no customer call on record';
      if (f.nonEngaged || (due !== null && due <= weekEnd)) {
        add('non-engaged', `${since}; no customer should go more than ${w.nonEngagedMonths} months without a call`, due, f.nonEngaged);
      }
    }

    // Onboarding milestones, from the onboarding start (the cohort of the trailing 12 months).
    if (onboarding) {
      const s = dayFromIso(onboarding.start);
      const t = config.targets;
      const milestones = [
        ['onboarding-first-engage', onboarding.firstEngage, t.ttfeDays, 'first engagement'],
        ['onboarding-first-value', onboarding.firstValue, t.ttfvDays, 'first value'],
        ['onboarding-onboarded', onboarding.onboarded, t.ttoDays, 'onboarded'],
      ] as const;
      for (const [rule, reached, days, what] of milestones) {
        if (reached !== null) continue;
        add(rule, `onboarding started ${onboarding.start}; ${what} is due within ${days} days`, s + days, T > s + days);
      }
    }

    // Health "updated within the last month".
    if (a.healthUpdated === null) add('health', 'health never updated', null, f.healthStale);
    else add('health', `health last updated ${a.healthUpdated}; update it at least monthly`, lastDayWithin(dayFromIso(a.healthUpdated), w.healthStaleMonths), f.healthStale);

    // EBRs (Strategic): one in the trailing 12 months once the tenure is 182 days old.
    if (segment === 'Strategic') {
      const last = ebrs.length > 0 ? dayFromIso(ebrs[ebrs.length - 1]!) : null;
      const byEbr = last === null ? null : lastDayWithin(last, w.ebrWindowMonths);
      const byTenure = start === null ? null : start + w.ebrTenureDays - 1;
      const due = byEbr === null ? byTenure : byTenure === null ? byEbr : Math.max(byEbr, byTenure);
      const since = last === null ? 'no EBR on record' : `last EBR ${isoFromDay(last)}`;
      add('ebr', `${since}; Strategic accounts: one EBR every ${w.ebrWindowMonths} months`, due, f.ebrOverdue);

      // Highest-ARR accounts: two EBRs a year, the second due half a window after the first.
      if (f.highArr && !f.ebrOverdue) {
        const from = monthsBefore(T, w.highArrEbrWindowMonths);
        const held = ebrs.map(dayFromIso).filter((d) => d >= from && d <= T);
        if (held.length > 0 && held.length < w.highArrEbrCount) {
          const spacing = Math.floor(w.highArrEbrWindowMonths / w.highArrEbrCount);
          const next = monthsAfter(held[held.length - 1]!, spacing);
          const list = held.map(isoFromDay).join(', ');
          add('ebr-high-arr', `a highest-ARR account with ${held.length} EBR${held.length === 1 ? '' : 's'} in the last ${w.highArrEbrWindowMonths} months (${list}); these need ${w.highArrEbrCount} a year`, next, T > next, true);
        }
      }
    }

    // Success plans, where the segment has a target for them.
    if (plans !== null && config.targets.successPlanCoverage[segment] !== null) {
      const eligibleFrom = start === null ? null : start + w.successPlanTenureDays;
      if (plans.length === 0) {
        const eligible = eligibleFrom === null || T > eligibleFrom;
        const reason = start === null ? 'no active success plan' : `no active success plan; expected from ${w.successPlanTenureDays} days after the onboarding start ${a.onboardingStart}`;
        add('success-plan-missing', reason, eligibleFrom, eligible);
      } else {
        const named = (p: ActivePlan) => (p.name ? `"${p.name}"` : p.id);
        if (config.targets.greenSuccessPlanRate[segment] !== null && !plans.some((p) => p.planHealth === 'Green')) {
          const p = plans[0]!;
          add('success-plan-not-green', `success plan ${named(p)} is ${p.planHealth ?? 'without a health'}`, null, false);
        }
        const latest = [...plans].sort((x, y) => (y.lastUpdated ?? '').localeCompare(x.lastUpdated ?? ''))[0]!;
        if (latest.lastUpdated === null) add('success-plan-stale', `success plan ${named(latest)} has no update date`, null, true);
        else {
          const due = lastDayWithin(dayFromIso(latest.lastUpdated), w.successPlanStaleMonths);
          add('success-plan-stale', `success plan ${named(latest)} last updated ${latest.lastUpdated}; review it every ${w.successPlanStaleMonths} months`, due, T > due);
        }
      }
    }

    // P1 accounts: a workshop in the trailing 3 months (workshopCoverage's P1 rule).
    if (a.priority === 'P1') {
      const due = lastWorkshop === null ? null : lastDayWithin(dayFromIso(lastWorkshop), w.workshopCoverageP1Months);
      const since = lastWorkshop === null ? 'no workshop on record' : `last workshop ${lastWorkshop}`;
      add('workshop', `${since}; P1 accounts: one every ${w.workshopCoverageP1Months} months`, due, due === null || T > due);
    }

    if (f.misprioritized) add('misprioritized', `${priorityText(a.priority)} with P1 reasons: ${f.p1Reasons.join(', ')}`, null, false);
    if (f.unprioritized) add('unprioritized', 'no priority set; every rule reads it as P2', null, false);
  }
  return out.sort(compareActions);
}

function maxDay(a: string | null, b: string | null): Day | null {
  if (a === null) return b === null ? null : dayFromIso(b);
  return b === null ? dayFromIso(a) : Math.max(dayFromIso(a), dayFromIso(b));
}

/**
 * What the rules read of each book account, from the model's accounts and onboarding cohort and the
 * index's EBRs, workshops and success plans, all on or before T.
 */
export function actionAccounts(
  accounts: readonly AccountView[],
  cohort: readonly OnboardingRow[],
  index: TableIndex,
  asOf: Day,
): Map<string, ActionAccount> {
  const rowOf = new Map(cohort.map((r) => [r.accountId, r]));
  const out = new Map<string, ActionAccount>();
  for (const account of accounts) {
    if (account.status !== 'Active') continue;
    const ebrs = datesOf(index, account.id, 'EBR').filter((d) => d <= asOf).map(isoFromDay);
    const plans = !index.has.successPlans
      ? null
      : (index.plansByAccount.get(account.id) ?? [])
          .filter((p) => p.status === 'Active' && (p.createdDate === null || p.createdDate <= asOf))
          .map((p) => ({ id: p.id, name: p.name, planHealth: p.planHealth, lastUpdated: isoOrNull(p.lastUpdated) }))
          .sort((x, y) => x.id.localeCompare(y.id));
    out.set(account.id, {
      account,
      ebrs,
      lastWorkshop: isoOrNull(latestOnOrBefore(datesOf(index, account.id, 'Workshop'), asOf)),
      plans,
      onboarding: rowOf.get(account.id) ?? null,
    });
  }
  return out;
}
