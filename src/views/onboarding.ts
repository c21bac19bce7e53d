/** The onboarding page's cohort table: every cohort account with its CSM, team, quarter and milestones. */
import { dayFromIso } from '../dates.ts';
import { fiscalQuarterOf } from '../metrics/fiscal.ts';
import type { OnboardingRow, ReportModel } from '../report/model.ts';
import type { CsvTable } from './csv.ts';
import { formatDays } from './format.ts';
import { withBase } from './links.ts';
import { accountById, csmRef, teamOfCsm, type PersonRef } from './lookup.ts';
import { LONG_TABLE_ROWS, tableFilter, type TableTools } from './table-tools.ts';

/** A cohort account as the onboarding page lists it. */
export interface CohortRow {
  o: OnboardingRow;
  name: string;
  owner: PersonRef | null;
  /** The team of the CSM; null for no CSM or a CSM with no team. */
  team: string | null;
  /** The fiscal quarter of the onboarding start. */
  quarter: string;
}

/** The cohort download. */
export const ONBOARDING_CSV_HREF = withBase('/downloads/onboarding.csv');

/** The cohort accounts, by onboarding start, then name. */
export function cohortRows(model: ReportModel): CohortRow[] {
  return model.onboarding.cohort
    .map((o) => {
      const account = accountById(model, o.accountId);
      const email = account?.csmEmail ?? null;
      return {
        o,
        name: account?.name ?? o.accountId,
        owner: csmRef(model, email),
        team: email ? (teamOfCsm(model, email)?.name ?? null) : null,
        quarter: fiscalQuarterOf(dayFromIso(o.start), model.config.fiscalYearStartMonth),
      };
    })
    .sort((x, y) => x.o.start.localeCompare(y.o.start) || x.name.localeCompare(y.name) || x.o.accountId.localeCompare(y.o.accountId));
}

/** The table's columns, in page order: the table, the filters and the download share them. */
export const COHORT_COLUMNS = ['Account', 'CSM', 'Team', 'Quarter', 'Start', 'First engage', 'First value', 'Onboarded', 'Overdue'] as const;

const col = (name: (typeof COHORT_COLUMNS)[number]): number => COHORT_COLUMNS.indexOf(name);

/** When a milestone was reached and in how many days, or "not yet". */
export const reached = (date: string | null, days: number | null, source?: string | null): string =>
  date ? `${date} (${formatDays(days)}${source ? `, ${source}` : ''})` : 'not yet';

/** The cohort table's filters (team, CSM, quarter, overdue) and download, for a table of LONG_TABLE_ROWS rows or more. */
export function cohortTools(rows: readonly CohortRow[]): TableTools | null {
  if (rows.length < LONG_TABLE_ROWS) return null;
  return {
    tableId: 'cohort-accounts',
    rowCount: rows.length,
    csvHref: ONBOARDING_CSV_HREF,
    filters: [
      tableFilter(col('Team'), 'Team', rows.map((r) => r.team ?? 'no team')),
      tableFilter(col('CSM'), 'CSM', rows.map((r) => r.owner?.name ?? 'unassigned')),
      tableFilter(col('Quarter'), 'Quarter', rows.map((r) => r.quarter)),
      tableFilter(col('Overdue'), 'Overdue', rows.map((r) => (r.o.overdue ? 'overdue' : 'no'))),
    ],
  };
}

/** The cohort table as a CSV download: the same rows, plus the account ID, days as plain numbers. */
export function cohortCsv(rows: readonly CohortRow[]): CsvTable {
  return {
    header: ['Account ID', 'Account', 'CSM', 'Team', 'Quarter', 'Start', 'First engage', 'Days to first engage', 'First value', 'Days to first value', 'Onboarded', 'Days to onboarded', 'Overdue'],
    rows: rows.map((r) => [
      r.o.accountId,
      r.name,
      r.owner?.name ?? 'unassigned',
      r.team ?? 'no team',
      r.quarter,
      r.o.start,
      r.o.firstEngage,
      r.o.ttfeDays,
      r.o.firstValue,
      r.o.ttfvDays,
      r.o.onboarded,
      r.o.ttoDays,
      r.o.overdue ? 'overdue' : 'no',
    ]),
  };
}
