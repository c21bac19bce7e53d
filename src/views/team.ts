/** What a team page shows beyond its scorecard: the lists a manager acts on. */
import type { AccountView, OnboardingRow, ReportModel, TeamReport } from '../report/model.ts';
import { accountById, accountsOf, byName, csmRef, teamBook, type PersonRef } from './lookup.ts';

const priorityRank = (p: AccountView['priority']): number => (p === 'P1' ? 0 : p === 'P2' ? 1 : 2);

/** An account of a manager list, with its owner. */
export interface ListRow {
  account: AccountView;
  owner: PersonRef | null;
}

/** Overdue onboarding of the team, with its cohort row. */
export interface OnboardingListRow extends ListRow {
  onboarding: OnboardingRow;
}

/** The lists of a team page (each ordered for action). */
export interface ManagerLists {
  /** P1 first, then the longest without a call (never called first), then by name. */
  cadenceOverdue: ListRow[];
  ebrOverdue: ListRow[];
  overdueOnboarding: OnboardingListRow[];
  misprioritized: ListRow[];
  staleHealth: ListRow[];
  /** The numerator of the team's `atRiskRenewalArr`: at risk with a renewal in the next 90 days; soonest first. */
  atRiskRenewals: ListRow[];
}

/** Every list a manager acts on, for one team. */
export function managerLists(model: ReportModel, team: TeamReport): ManagerLists {
  const book = teamBook(model, team);
  const bookIds = new Set(book.map((a) => a.id));
  const row = (a: AccountView): ListRow => ({ account: a, owner: csmRef(model, a.csmEmail) });
  const sorted = book.slice().sort(byName);
  const cadenceOverdue = sorted
    .filter((a) => a.facts.cadenceOverdue)
    .sort((a, b) => {
      const p = priorityRank(a.priority) - priorityRank(b.priority);
      if (p !== 0) return p;
      const da = a.facts.daysSinceCadence ?? Number.POSITIVE_INFINITY;
      const db = b.facts.daysSinceCadence ?? Number.POSITIVE_INFINITY;
      return da === db ? byName(a, b) : db - da;
    });
  const atRisk = accountsOf(model, team.scorecard.atRiskRenewalArr.numerator).sort(
    (a, b) => (a.renewalDate ?? '').localeCompare(b.renewalDate ?? '') || byName(a, b),
  );
  const overdueOnboarding: OnboardingListRow[] = [];
  for (const o of model.onboarding.cohort) {
    if (!o.overdue || !bookIds.has(o.accountId)) continue;
    const a = accountById(model, o.accountId);
    if (a) overdueOnboarding.push({ ...row(a), onboarding: o });
  }
  overdueOnboarding.sort((x, y) => x.onboarding.start.localeCompare(y.onboarding.start) || byName(x.account, y.account));
  return {
    cadenceOverdue: cadenceOverdue.map(row),
    ebrOverdue: sorted.filter((a) => a.facts.ebrOverdue).map(row),
    overdueOnboarding,
    misprioritized: sorted.filter((a) => a.facts.misprioritized).map(row),
    staleHealth: sorted.filter((a) => a.facts.healthStale).map(row),
    atRiskRenewals: atRisk.map(row),
  };
}
