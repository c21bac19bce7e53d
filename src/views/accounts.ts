/** The accounts index: every account, churned and inactive ones included and marked, with its CSM and team. */
import type { AccountView, ReportModel } from '../report/model.ts';
import type { CsvTable } from './csv.ts';
import { withBase } from './links.ts';
import { byName, csmRef, teamOfCsm, type PersonRef } from './lookup.ts';
import { tableFilter, type TableTools } from './table-tools.ts';

/** An account as the index lists it. */
export interface AccountIndexRow {
  account: AccountView;
  owner: PersonRef | null;
  /** The CSM's email when it names no CSM of the roster (shown as such, never dropped). */
  ownerEmail: string | null;
  team: string | null;
}

/** The accounts download. */
export const ACCOUNTS_CSV_HREF = withBase('/downloads/accounts.csv');

/** Every account by name: active ones and the churned or inactive ones alike. */
export function accountIndexRows(model: ReportModel): AccountIndexRow[] {
  return model.accounts
    .slice()
    .sort(byName)
    .map((account) => {
      const owner = csmRef(model, account.csmEmail);
      return {
        account,
        owner,
        ownerEmail: owner ? null : account.csmEmail,
        team: owner && account.csmEmail ? (teamOfCsm(model, account.csmEmail)?.name ?? null) : null,
      };
    });
}

/** The index's columns, in page order. */
export const ACCOUNT_INDEX_COLUMNS = ['Account', 'Status', 'Priority', 'Health', 'ARR', 'Renewal', 'Segment', 'CSM', 'Team'] as const;

const col = (name: (typeof ACCOUNT_INDEX_COLUMNS)[number]): number => ACCOUNT_INDEX_COLUMNS.indexOf(name);

/** The CSM as the index writes it: the name, the email of someone not in the roster, or "unassigned". */
export const ownerText = (r: AccountIndexRow): string => r.owner?.name ?? r.ownerEmail ?? 'unassigned';

/** The index's filters (status, team, CSM, segment, health, priority) and download. */
export function accountIndexTools(rows: readonly AccountIndexRow[]): TableTools {
  return {
    tableId: 'all-accounts',
    rowCount: rows.length,
    csvHref: ACCOUNTS_CSV_HREF,
    filters: [
      tableFilter(col('Status'), 'Status', rows.map((r) => r.account.status)),
      tableFilter(col('Team'), 'Team', rows.map((r) => r.team ?? 'no team')),
      tableFilter(col('CSM'), 'CSM', rows.map(ownerText)),
      tableFilter(col('Segment'), 'Segment', rows.map((r) => r.account.salesSegment ?? 'n/a')),
      tableFilter(col('Health'), 'Health', rows.map((r) => r.account.health ?? 'none')),
      tableFilter(col('Priority'), 'Priority', rows.map((r) => r.account.priority ?? 'none')),
    ],
  };
}

/** The index as a CSV download: the same rows, plus the account ID. */
export function accountsCsv(rows: readonly AccountIndexRow[]): CsvTable {
  return {
    header: ['Account ID', ...ACCOUNT_INDEX_COLUMNS],
    rows: rows.map((r) => [
      r.account.id,
      r.account.name,
      r.account.status,
      r.account.priority ?? 'none',
      r.account.health ?? 'none',
      r.account.arr,
      r.account.renewalDate,
      r.account.salesSegment ?? 'n/a',
      ownerText(r),
      r.team ?? 'no team',
    ]),
  };
}
