/**
 * The 1:1 agenda's account lists as tables: each account with its CSM, health and why it is on the
 * agenda; a list of LONG_TABLE_ROWS rows or more gets filters (CSM, health) and a CSV download.
 */
import type { Agenda, AgendaAccount, AgendaSection, AgendaWeek } from '../report/one-on-one.ts';
import type { Rag } from '../ingest/tables.ts';
import type { ReportModel } from '../report/model.ts';
import type { CsvTable } from './csv.ts';
import { withBase } from './links.ts';
import { accountById, csmRef, type PersonRef } from './lookup.ts';
import { LONG_TABLE_ROWS, tableFilter, type TableTools } from './table-tools.ts';

/** An account of an agenda list, as the page shows it. */
export interface AgendaRow extends AgendaAccount {
  owner: PersonRef | null;
  health: Rag | null;
}

/** An agenda section with its rows and, for a long list, its tools. */
export type AgendaSectionView = Omit<AgendaSection, 'accounts'> & { accounts: AgendaRow[]; tools: TableTools | null };

/** The download of a team's agenda list: `/downloads/one-on-one/<team>/week-<n>/<section>.csv`. */
export const agendaCsvHref = (teamSlug: string, week: AgendaWeek, sectionId: string): string =>
  withBase(`/downloads/one-on-one/${teamSlug}/week-${week}/${sectionId}.csv`);

/** The table columns of an agenda list; the filters and download share them. */
export const AGENDA_COLUMNS = ['Account', 'CSM', 'Health', 'Why'] as const;

/** The sections of a team's agenda, with each account's CSM and health, and the tools of the long lists. */
export function agendaSections(model: ReportModel, teamSlug: string, agenda: Agenda): AgendaSectionView[] {
  return agenda.sections.map((s) => {
    const accounts = s.accounts.map((a) => ({ ...a, owner: csmRef(model, a.csmEmail), health: accountById(model, a.id)?.health ?? null }));
    const tools: TableTools | null =
      accounts.length < LONG_TABLE_ROWS
        ? null
        : {
            tableId: `${s.id}-table`,
            rowCount: accounts.length,
            csvHref: agendaCsvHref(teamSlug, agenda.week, s.id),
            filters: [
              tableFilter(AGENDA_COLUMNS.indexOf('CSM'), 'CSM', accounts.map((a) => a.owner?.name ?? 'unassigned')),
              tableFilter(AGENDA_COLUMNS.indexOf('Health'), 'Health', accounts.map((a) => a.health ?? 'none')),
            ],
          };
    return { ...s, accounts, tools };
  });
}

/** An agenda list as a CSV download: the same rows, plus the account ID. */
export function agendaCsv(section: AgendaSectionView): CsvTable {
  return {
    header: ['Account ID', ...AGENDA_COLUMNS],
    rows: section.accounts.map((a) => [a.id, a.name, a.owner?.name ?? 'unassigned', a.health ?? 'none', a.detail]),
  };
}
