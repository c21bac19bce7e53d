/** The renewals page: every renewing account of the coming quarters. */
import type { AccountView, ReportModel } from '../report/model.ts';
import { accountsOf, byName, csmRef, type PersonRef } from './lookup.ts';

/** An upcoming renewal as the renewals page lists it. */
export interface RenewalRow {
  quarter: string;
  account: AccountView;
  owner: PersonRef | null;
}

/** The renewing accounts of every quarter, soonest first. */
export function renewalRows(model: ReportModel): RenewalRow[] {
  return model.renewals.flatMap((q) =>
    accountsOf(model, q.accounts)
      .sort((a, b) => (a.renewalDate ?? '').localeCompare(b.renewalDate ?? '') || byName(a, b))
      .map((account) => ({ quarter: q.quarter, account, owner: csmRef(model, account.csmEmail) })),
  );
}
