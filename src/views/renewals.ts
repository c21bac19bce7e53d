/** The renewals page: every renewing account of the coming quarters, with its CSM and team. */
import type { AccountView, ReportModel } from '../report/model.ts';
import type { CsvTable } from './csv.ts';
import { withBase } from './links.ts';
import { accountsOf, byName, csmRef, teamOfCsm, type PersonRef } from './lookup.ts';
import { tableFilter, type TableTools } from './table-tools.ts';

/** An upcoming renewal as the renewals page lists it. */
export interface RenewalRow {
  quarter: string;
  account: AccountView;
  owner: PersonRef | null;
  /** The team of the CSM; null for no CSM or a CSM with no team. */
  team: string | null;
}

/** The renewals download. */
export const RENEWALS_CSV_HREF = withBase('/downloads/renewals.csv');

/** The renewing accounts of every quarter, soonest first. */
export function renewalRows(model: ReportModel): RenewalRow[] {
  return model.renewals.flatMap((q) =>
    accountsOf(model, q.accounts)
      .sort((a, b) => (a.renewalDate ?? '').localeCompare(b.renewalDate ?? '') || byName(a, b))
      .map((account) => ({
        quarter: q.quarter,
        account,
        owner: csmRef(model, account.csmEmail),
        team: account.csmEmail ? (teamOfCsm(model, account.csmEmail)?.name ?? null) : null,
      })),
  );
}

/** The table's columns, in page order: the table, the filters and the download share them. */
export const RENEWAL_COLUMNS = ['Account', 'Quarter', 'Renewal', 'ARR', 'Health', 'At risk', 'CSM', 'Team'] as const;

const col = (name: (typeof RENEWAL_COLUMNS)[number]): number => RENEWAL_COLUMNS.indexOf(name);

/** The renewals table's filters (team, CSM, quarter, health) and download. */
export function renewalTools(rows: readonly RenewalRow[]): TableTools {
  return {
    tableId: 'renewing-accounts',
    rowCount: rows.length,
    csvHref: RENEWALS_CSV_HREF,
    filters: [
      tableFilter(col('Team'), 'Team', rows.map((r) => r.team ?? 'no team')),
      tableFilter(col('CSM'), 'CSM', rows.map((r) => r.owner?.name ?? 'unassigned')),
      tableFilter(col('Quarter'), 'Quarter', rows.map((r) => r.quarter)),
      tableFilter(col('Health'), 'Health', rows.map((r) => r.account.health ?? 'none')),
    ],
  };
}

/** The renewals table as a CSV download: the same rows, plus the account ID. */
export function renewalsCsv(rows: readonly RenewalRow[]): CsvTable {
  return {
    header: ['Account ID', ...RENEWAL_COLUMNS],
    rows: rows.map((r) => [
      r.account.id,
      r.account.name,
      r.quarter,
      r.account.renewalDate,
      r.account.arr,
      r.account.health ?? 'none',
      r.account.facts.atRisk ? 'yes' : 'no',
      r.owner?.name ?? 'unassigned',
      r.team ?? 'no team',
    ]),
  };
}
