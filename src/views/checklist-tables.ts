/**
 * The review checklist's lists as tables: one description per list gives the page's table, its
 * filters and its CSV download, so the three always agree.
 */
import type { Checklist, ChecklistRow, MilestoneStatus, OnboardingCheckRow } from './checklist.ts';
import { MILESTONES } from './checklist.ts';
import type { CsvTable } from './csv.ts';
import { formatMoney } from './format.ts';
import { accountHref, csmHref, withBase } from './links.ts';
import { LONG_TABLE_ROWS, tableFilter, type TableTools } from './table-tools.ts';

/** One cell: its text, and optionally a link, a sort value, a filter value, a CSV value, a chip. */
export interface Cell {
  text: string;
  href?: string;
  /** What the column sorts by when not the text (numbers, dates with words around them). */
  value?: string | number | null;
  /** What the column filters by when not the text. */
  filter?: string;
  /** The CSV cell when not the text (raw ARR). */
  csv?: string | number | null;
  /** `health`: a Green/Yellow/Red chip; `flag`: a warning chip. */
  chip?: 'health' | 'flag';
  /** A second line in smaller type that does not wrap (a date, a window). */
  detail?: string;
  /** Like `detail`, on the same line (keeps a long table's rows short). */
  note?: string;
}

export interface Column {
  label: string;
  sort: 'text' | 'num';
  /** Right-aligned number. */
  num?: boolean;
  /** Offer a filter by this column (long tables only). */
  filter?: boolean;
  /** Keep the cells on one line (names, dates). */
  nowrap?: boolean;
}

/** A checklist list as a table. */
export interface ListTable {
  /** The list's anchor; the table's id is `<id>-table`. */
  id: string;
  title: string;
  caption: string;
  columns: Column[];
  rows: { id: string; cells: Cell[] }[];
  /** Filters and download, for a list of LONG_TABLE_ROWS rows or more. */
  tools: TableTools | null;
}

/** The download of a scope's list: `/downloads/checklist/org/<list>.csv`, `/downloads/checklist/team-<slug>/<list>.csv`. */
export const checklistCsvHref = (scopeKey: string, listId: string): string => withBase(`/downloads/checklist/${scopeKey}/${listId}.csv`);
/** The path segment of a scope in download URLs. */
export const scopeKey = (c: Checklist): string => (c.scope.kind === 'org' ? 'org' : `team-${c.scope.slug}`);

const owner = (r: ChecklistRow): Cell[] => [
  r.owner ? { text: r.owner.name, href: csmHref(r.owner.slug) } : { text: 'unassigned' },
];
const health = (h: string | null): Cell => ({ text: h ?? 'none', chip: 'health' });
const money = (x: number | null): Cell => ({ text: formatMoney(x), value: x ?? '', csv: x });
const date = (d: string | null, none = 'never'): Cell => ({ text: d ?? none, value: d ?? '' });

function table(
  c: Checklist,
  spec: { id: string; title: string; caption: string; columns: Column[]; rows: { id: string; cells: Cell[] }[] },
): ListTable {
  const long = spec.rows.length >= LONG_TABLE_ROWS;
  const tools: TableTools | null = long
    ? {
        tableId: `${spec.id}-table`,
        rowCount: spec.rows.length,
        csvHref: checklistCsvHref(scopeKey(c), spec.id),
        filters: spec.columns.flatMap((col, i) =>
          col.filter ? [tableFilter(i, col.label, spec.rows.map((r) => r.cells[i]!.filter ?? r.cells[i]!.text))] : [],
        ),
      }
    : null;
  return { ...spec, tools };
}

/** The account, CSM, team (org scope only) and segment columns every list starts with. */
function who(c: Checklist): Column[] {
  return [
    { label: 'Account', sort: 'text' },
    { label: 'CSM', sort: 'text', filter: true, nowrap: true },
    ...(c.scope.kind === 'org' ? [{ label: 'Team', sort: 'text', filter: true, nowrap: true } as Column] : []),
    { label: 'Segment', sort: 'text', filter: true },
  ];
}
function whoCells(c: Checklist, r: ChecklistRow): Cell[] {
  return [
    { text: r.account.name, href: accountHref(r.account.id) },
    ...owner(r),
    ...(c.scope.kind === 'org' ? [{ text: r.team ?? 'no team' }] : []),
    { text: r.segment ?? 'n/a' },
  ];
}

/** A milestone's cell: its state ("on time", "late", "overdue", "due", "invalid") and the date that goes with it. */
export function milestoneCell(m: MilestoneStatus): Cell {
  const base = { value: m.state, filter: m.state };
  switch (m.state) {
    case 'on time':
      return { ...base, text: m.state, detail: `${m.reached} (${m.days} ${m.days === 1 ? 'day' : 'days'})` };
    case 'late':
      return { ...base, text: m.state, chip: 'flag', detail: `${m.reached} (${m.days} days)` };
    case 'overdue':
      return { ...base, text: m.state, chip: 'flag', detail: `due ${m.dueDate}` };
    case 'due':
      return { ...base, text: m.state, detail: `by ${m.dueDate}` };
    default:
      return { ...base, text: m.state, detail: m.reason ?? 'outlier' };
  }
}

const QUESTION_TEXT = { asked: 'asked', 'asked late': 'asked late', 'ask now': 'ask now', missed: 'missed', 'not yet': 'not yet' } as const;

/** Every list of a checklist as a table, in page order. */
export function checklistTables(c: Checklist): Record<
  'unassigned' | 'onboarding' | 'successPlans' | 'staleHealth' | 'red' | 'renewals',
  ListTable
> {
  const org = c.scope.kind === 'org';
  const onboardingRow = (r: OnboardingCheckRow) => ({
    id: r.account.id,
    cells: [
      ...whoCells(c, r),
      date(r.start),
      ...MILESTONES.map((m) => milestoneCell(r.milestones[m.key])),
    ],
  });
  return {
    unassigned: table(c, {
      id: 'unassigned',
      title: 'Accounts with no CSM',
      caption: 'Active accounts with no CSM, or a CSM who is not in the roster, largest ARR first',
      columns: [
        { label: 'Account', sort: 'text' },
        { label: 'CSM', sort: 'text' },
        { label: 'ARR', sort: 'num', num: true },
        { label: 'Health', sort: 'text', filter: true },
        { label: 'Renewal', sort: 'text', nowrap: true },
        { label: 'Priority', sort: 'text', filter: true },
      ],
      rows: c.assignment.unassigned
        .slice()
        .sort((a, b) => (b.account.arr ?? -1) - (a.account.arr ?? -1))
        .map((r) => ({
          id: r.account.id,
          cells: [
            { text: r.account.name, href: accountHref(r.account.id) },
            { text: r.account.csmEmail ? `${r.account.csmEmail} (not a CSM of the roster)` : 'none in the roster' },
            money(r.account.arr),
            health(r.account.health),
            date(r.account.renewalDate, 'n/a'),
            { text: r.account.priority ?? 'none' },
          ],
        })),
    }),
    onboarding: table(c, {
      id: 'onboarding-list',
      title: 'Accounts in onboarding',
      caption: `The onboarding cohort of ${c.scope.name}: each time-to-value milestone on time, late, overdue or still due`,
      columns: [
        ...who(c),
        { label: 'Onboarding start', sort: 'text', nowrap: true },
        ...MILESTONES.map((m) => ({ label: m.label, sort: 'text', filter: true }) as Column),
      ],
      rows: c.onboarding.map(onboardingRow),
    }),
    successPlans: table(c, {
      id: 'success-plans-list',
      title: 'Success plans to review',
      caption: `Eligible accounts of ${c.scope.name} with no active plan, a plan not green, or a plan not updated since ${c.successPlans.staleBefore}`,
      columns: [
        ...who(c),
        { label: 'Problem', sort: 'text', filter: true },
        { label: 'Active plans', sort: 'text' },
        { label: 'Last updated', sort: 'text', nowrap: true },
      ],
      rows: c.successPlans.rows.map((r) => ({
        id: r.account.id,
        cells: [
          ...whoCells(c, r),
          { text: r.problems.join(', '), filter: r.problems[0] },
          { text: r.plans.length === 0 ? 'none' : r.plans.map((p) => `${p.name ?? p.id} (${p.planHealth ?? 'no health'})`).join('; ') },
          date(r.plans.length === 0 ? null : r.oldestUpdate, r.plans.length === 0 ? 'n/a' : 'never'),
        ],
      })),
    }),
    staleHealth: table(c, {
      id: 'stale-health',
      title: 'Health not updated within the last month',
      caption: `Book accounts of ${c.scope.name} whose health was not updated within the last month, never updated first`,
      columns: [...who(c), { label: 'Health', sort: 'text', filter: true }, { label: 'Health updated', sort: 'text', nowrap: true }, { label: 'ARR', sort: 'num', num: true }],
      rows: c.triage.staleHealth.map((r) => ({ id: r.account.id, cells: [...whoCells(c, r), health(r.account.health), date(r.account.healthUpdated), money(r.account.arr)] })),
    }),
    red: table(c, {
      id: 'red-accounts',
      title: 'Red accounts',
      caption: `Book accounts of ${c.scope.name} with health Red, largest ARR first`,
      columns: [...who(c), { label: 'ARR', sort: 'num', num: true }, { label: 'Health updated', sort: 'text', nowrap: true }, { label: 'Renewal', sort: 'text', nowrap: true }],
      rows: c.triage.red.map((r) => ({
        id: r.account.id,
        cells: [
          ...whoCells(c, r),
          money(r.account.arr),
          { ...date(r.account.healthUpdated), ...(r.account.facts.healthStale ? { text: `${r.account.healthUpdated ?? 'never'} (stale)`, chip: 'flag' } : {}) },
          date(r.account.renewalDate, 'n/a'),
        ],
      })),
    }),
    renewals: table(c, {
      id: 'renewals-list',
      title: 'Renewing accounts',
      caption: `${org ? 'Every renewing account' : `Renewing book accounts of ${c.scope.name}`}, this quarter and the next two, soonest first`,
      columns: [
        ...who(c),
        { label: 'Quarter', sort: 'text', filter: true, nowrap: true },
        { label: 'Renewal', sort: 'text', nowrap: true },
        { label: 'ARR', sort: 'num', num: true },
        { label: 'Health', sort: 'text', filter: true },
        { label: 'Health up to date', sort: 'text', filter: true },
        { label: 'Renewal question', sort: 'text', filter: true },
      ],
      rows: c.renewals.rows.map((r) => ({
        id: r.account.id,
        cells: [
          ...whoCells(c, r),
          { text: r.quarter },
          date(r.account.renewalDate, 'n/a'),
          money(r.account.arr),
          health(r.account.health),
          r.account.facts.healthStale ? { text: 'no', chip: 'flag' } : { text: 'yes' },
          {
            text: QUESTION_TEXT[r.question],
            ...(r.question === 'missed' || r.question === 'ask now' ? { chip: 'flag' as const } : {}),
            ...(r.window ? { note: `window ${r.window.from} to ${r.window.to}` } : {}),
          },
        ],
      })),
    }),
  };
}

/** A list as its CSV download: the account ID, then the table's columns. */
export function listCsv(t: ListTable): CsvTable {
  return {
    header: ['Account ID', ...t.columns.map((c) => c.label)],
    rows: t.rows.map((r) => [r.id, ...r.cells.map((cell) => (cell.csv !== undefined ? cell.csv : cell.detail || cell.note ? `${cell.text} (${cell.detail ?? cell.note})` : cell.text))]),
  };
}
