/**
 * The manager's 1:1 agenda (METRICS.md "Manager 1:1 agenda"): for a team and a week of the month,
 * the sections to walk through and the accounts in each, ordered for action. Pure selectors over
 * the finished report model: nothing here computes a metric, it picks what the model holds.
 */
import { dayFromIso } from '../dates.ts';
import { weekOfMonth } from '../metrics/one-on-one.ts';
import { ONBOARDING_KEYS, type AccountView, type MetricKey, type ReportModel, type TeamReport } from './model.ts';
import { formatMoney, formatPercent } from '../views/format.ts';
import { byName, reportIndex, teamBook } from '../views/lookup.ts';
import { managerLists } from '../views/team.ts';

/** The agenda weeks: a 5th week of a month uses week 4's agenda. */
export type AgendaWeek = 1 | 2 | 3 | 4;

/** An account to talk about, with why it is on the agenda. */
export interface AgendaAccount {
  id: string;
  name: string;
  csmEmail: string | null;
  detail: string;
}

/** One item of the agenda: the metrics to look at (keys of the team scorecard) and the accounts. */
export interface AgendaSection {
  id: string;
  title: string;
  metricKeys?: MetricKey[];
  accounts: AgendaAccount[];
}

/** The agenda of one team for one week. */
export interface Agenda {
  week: AgendaWeek;
  title: string;
  sections: AgendaSection[];
}

/** The agenda title of each week. */
export const AGENDA_TITLES: Record<AgendaWeek, string> = {
  1: 'Onboarding and engagement',
  2: 'Success plans and renewals at risk',
  3: 'Adoption',
  4: 'Renewals and risk',
};

/** How many success plans week 2 reviews. */
export const PLANS_TO_REVIEW = 2;

/** The agenda week of the model's as-of date. */
export function currentAgendaWeek(model: ReportModel): AgendaWeek {
  return weekOfMonth(dayFromIso(model.asOf)).agendaWeek;
}

/** The 1:1 agenda of the team led by `teamManagerEmail` for a week; throws for a manager with no team. */
export function agendaFor(model: ReportModel, teamManagerEmail: string, week: AgendaWeek): Agenda {
  const team = reportIndex(model).teamByManager.get(teamManagerEmail.toLowerCase());
  if (!team) throw new Error(`no team is led by ${teamManagerEmail}`);
  const sections = SECTIONS_OF_WEEK[week](model, team);
  return { week, title: AGENDA_TITLES[week], sections };
}

type SectionsOf = (model: ReportModel, team: TeamReport) => AgendaSection[];

const SECTIONS_OF_WEEK: Record<AgendaWeek, SectionsOf> = {
  1: (model, team) => {
    const lists = managerLists(model, team);
    const t = dayFromIso(model.asOf);
    const ebrOverdue = lists.ebrOverdue.map((r) => r.account).sort(byLastEbr);
    return [
      { id: 'onboarding-metrics', title: 'Onboarding metrics', metricKeys: [...ONBOARDING_KEYS], accounts: [] },
      {
        id: 'overdue-onboarding',
        title: 'Overdue onboarding',
        metricKeys: ['overdueOnboardingCount'],
        accounts: lists.overdueOnboarding.map((r) =>
          item(r.account, `onboarding started ${r.onboarding.start} (${t - dayFromIso(r.onboarding.start)} days ago), not onboarded`),
        ),
      },
      {
        id: 'ebr-overdue',
        title: 'EBRs overdue',
        metricKeys: ['ebrOverdueCount'],
        accounts: ebrOverdue.map((a) => item(a, a.facts.lastEbr ? `last EBR ${a.facts.lastEbr}` : 'no EBR on record')),
      },
      {
        id: 'cadence-overdue',
        title: 'Cadence calls overdue',
        metricKeys: ['cadenceCompliance'],
        accounts: lists.cadenceOverdue.map((r) => item(r.account, cadenceDetail(r.account))),
      },
    ];
  },
  2: (model, team) => [
    {
      id: 'success-plans-to-review',
      title: 'Success plans to review',
      metricKeys: ['successPlanCoverage', 'greenSuccessPlanRate'],
      accounts: plansToReview(model, team),
    },
    {
      id: 'at-risk-renewals',
      title: `At-risk renewals in the next ${model.config.windows.atRiskRenewalDays} days`,
      metricKeys: ['atRiskRenewalArr'],
      accounts: managerLists(model, team).atRiskRenewals.map((r) =>
        item(r.account, `renews ${r.account.renewalDate} · ${formatMoney(r.account.arr)} · ${atRiskReasons(model, r.account).join(', ')}`),
      ),
    },
  ],
  3: (model, team) => {
    const low = model.config.lowLicenseUtilization;
    const redFirst = (a: AccountView) => (a.devSecOpsHealth === 'Red' ? 0 : 1);
    const risky = teamBook(model, team)
      .filter((a) => a.facts.adoptionRisk)
      .sort((a, b) => redFirst(a) - redFirst(b) || (a.licenseUtilization ?? Infinity) - (b.licenseUtilization ?? Infinity) || byName(a, b));
    return [
      {
        id: 'adoption-risk',
        title: 'Adoption risk',
        accounts: risky.map((a) => {
          const reasons: string[] = [];
          if (a.devSecOpsHealth === 'Red') reasons.push('red DevSecOps');
          if (a.licenseUtilization !== null && a.licenseUtilization < low) {
            reasons.push(`license utilisation ${formatPercent(a.licenseUtilization)} (below ${formatPercent(low)})`);
          }
          return item(a, reasons.join(', '));
        }),
      },
    ];
  },
  4: (model, team) => {
    const book = teamBook(model, team);
    const inBook = new Set(book.map((a) => a.id));
    const byId = reportIndex(model).accountById;
    const thisQuarter = model.renewals.find((q) => q.quarter === model.fiscalQuarter)?.accounts ?? [];
    // Largest ARR first: the biggest exposure leads the conversation.
    const byArr = (a: AccountView, b: AccountView) => (b.arr ?? 0) - (a.arr ?? 0) || byName(a, b);
    return [
      {
        id: 'renewals-this-quarter',
        title: `Renewals this quarter (${model.fiscalQuarter})`,
        accounts: thisQuarter
          .filter((id) => inBook.has(id))
          .map((id) => byId.get(id)!)
          .map((a) => item(a, `renews ${a.renewalDate} · ${formatMoney(a.arr)} · health ${a.health ?? 'not set'}${a.facts.atRisk ? ' · at risk' : ''}`)),
      },
      {
        id: 'at-risk-accounts',
        title: 'At-risk accounts',
        accounts: book
          .filter((a) => a.facts.atRisk)
          .sort(byArr)
          .map((a) => item(a, `${formatMoney(a.arr)} · ${atRiskReasons(model, a).join(', ')}`)),
      },
      {
        id: 'red-health',
        title: 'Red health',
        metricKeys: ['redCount'],
        accounts: book
          .filter((a) => a.health === 'Red')
          .sort(byArr)
          .map((a) => item(a, `${formatMoney(a.arr)} · ${a.healthUpdated ? `health updated ${a.healthUpdated}` : 'health never updated'}`)),
      },
    ];
  },
};

const item = (a: AccountView, detail: string): AgendaAccount => ({ id: a.id, name: a.name, csmEmail: a.csmEmail, detail });

/** Never had an EBR first, then the oldest last EBR, then by name. */
function byLastEbr(a: AccountView, b: AccountView): number {
  const [x, y] = [a.facts.lastEbr ?? '', b.facts.lastEbr ?? ''];
  return x < y ? -1 : x > y ? 1 : byName(a, b);
}

function cadenceDetail(a: AccountView): string {
  const f = a.facts;
  const since = f.daysSinceCadence === null ? 'no cadence call yet' : `last cadence call ${f.daysSinceCadence} days ago`;
  return `${a.priority ?? 'unprioritised'} · ${since} (every ${f.cadenceInterval} days)`;
}

/** Why an account is at risk: Health Red, an open Risk CTA at T. */
function atRiskReasons(model: ReportModel, a: AccountView): string[] {
  const reasons: string[] = [];
  if (a.health === 'Red') reasons.push('red health');
  const ctas = model.accountDetails[a.id]?.ctas ?? [];
  // A CTA closed after T was still open at T.
  if (ctas.some((c) => c.type === 'Risk' && (c.outcome === 'open' || (c.closed !== null && c.closed > model.asOf)))) reasons.push('risk play');
  return reasons;
}

/**
 * The eligible accounts (tenure start < T − successPlanTenureDays, or long-standing) whose Active
 * plan was updated longest ago. An account with several Active plans is ranked by its stalest one.
 * A plan with no Last Updated date counts as never updated: it comes before every dated plan.
 */
function plansToReview(model: ReportModel, team: TeamReport): AgendaAccount[] {
  const t = dayFromIso(model.asOf);
  const eligibleBy = t - model.config.windows.successPlanTenureDays;
  const candidates: { account: AccountView; planId: string; lastUpdated: string | null }[] = [];
  for (const a of teamBook(model, team)) {
    // Eligible from more than 30 days after the onboarding start (start < T − 30 days), as successPlanCoverage.
    if (a.onboardingStart !== null && dayFromIso(a.onboardingStart) >= eligibleBy) continue;
    const active = (model.accountDetails[a.id]?.plans ?? []).filter((p) => p.status === 'Active');
    let stalest: (typeof active)[number] | undefined;
    for (const p of active) {
      if (!stalest || (stalest.lastUpdated !== null && (p.lastUpdated === null || p.lastUpdated < stalest.lastUpdated))) stalest = p;
    }
    if (stalest) candidates.push({ account: a, planId: stalest.id, lastUpdated: stalest.lastUpdated });
  }
  candidates.sort((x, y) => {
    const [a, b] = [x.lastUpdated ?? '', y.lastUpdated ?? ''];
    return a < b ? -1 : a > b ? 1 : byName(x.account, y.account);
  });
  return candidates.slice(0, PLANS_TO_REVIEW).map((c) =>
    item(
      c.account,
      c.lastUpdated === null
        ? `plan ${c.planId} has no Last Updated date`
        : `plan ${c.planId} last updated ${c.lastUpdated} (${t - dayFromIso(c.lastUpdated)} days ago)`,
    ),
  );
}
