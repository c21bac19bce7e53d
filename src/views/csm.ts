/**
 * The CSM page: this week's actions grouped by when they are due, what changed for the CSM since
 * the previous build, and the book as a sortable table (filters and a download once it is long).
 */
import { dayFromIso } from '../dates.ts';
import { ACTION_RULES, ACTION_TITLES, ACTION_WHEN, WEEK_DAYS, type ActionRule, type ActionWhen, type WeekAction } from '../report/actions.ts';
import type { AccountView, CsmReport, ReportModel } from '../report/model.ts';
import type { CsvTable } from './csv.ts';
import { accountHref, csmHref, withBase } from './links.ts';
import { accountRefs, accountsOf, byName, type AccountRef } from './lookup.ts';
import { LONG_TABLE_ROWS, tableFilter, type TableTools } from './table-tools.ts';

/** The sentence an empty list of actions shows. */
export const NO_ACTIONS = 'Nothing is due this week: every account of the book is on time.';

/** The headings of the groups of actions. */
export const WHEN_HEADINGS: Record<ActionWhen, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  'this week': 'Due this week',
  later: 'Ahead: ask or prepare now',
};

/** An action as the page and the feeds show it. */
export interface ActionItem {
  action: WeekAction;
  title: string;
  /** The page anchor of the action: `action-<accountId>-<rule>`. */
  anchor: string;
  accountHref: string;
  /** When it is due, in words: "due today", "was due 2026-11-13 (7 days ago)". */
  dueText: string;
  /** New since the previous build. */
  isNew: boolean;
}

/** A group of actions of the same `when`, most urgent first. */
export interface ActionGroup {
  when: ActionWhen;
  heading: string;
  items: ActionItem[];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The page anchor of an action. */
export const actionAnchor = (key: string): string => `action-${key.replace(':', '-')}`;

/** When an action is due, in words, counted from T. */
export function dueText(action: WeekAction, asOf: string): string {
  if (action.due === null) return action.when === 'overdue' ? 'overdue: never done' : 'this week';
  const days = dayFromIso(action.due) - dayFromIso(asOf);
  const ask = action.rule === 'renewal-question' && action.when !== 'overdue';
  if (action.when === 'overdue') return `was due ${action.due} (${plural(-days, 'day')} ago)`;
  if (days === 0) return ask ? `ask by today (${action.due})` : `due today (${action.due})`;
  return `${ask ? 'ask by' : 'due'} ${action.due} (in ${plural(days, 'day')})`;
}

/** Every action of the CSM as an item. */
export function actionItems(csm: CsmReport, asOf: string): ActionItem[] {
  const added = new Set(csm.actionChanges.added);
  return csm.actions.map((action) => ({
    action,
    title: ACTION_TITLES[action.rule],
    anchor: actionAnchor(action.key),
    accountHref: accountHref(action.accountId),
    dueText: dueText(action, asOf),
    isNew: csm.actionChanges.previousAsOf !== null && added.has(action.key),
  }));
}

/** The CSM's actions grouped by when they are due (empty groups left out), in urgency order. */
export function actionGroups(csm: CsmReport, asOf: string): ActionGroup[] {
  const items = actionItems(csm, asOf);
  return ACTION_WHEN.map((when) => ({ when, heading: WHEN_HEADINGS[when], items: items.filter((i) => i.action.when === when) })).filter((g) => g.items.length > 0);
}

/** One sentence on the week: "3 overdue, 1 due today and 4 more due by 2026-11-27; 2 ahead." */
export function actionsSummary(csm: CsmReport, asOf: string): string {
  if (csm.actions.length === 0) return NO_ACTIONS;
  const count = (when: ActionWhen) => csm.actions.filter((a) => a.when === when).length;
  const weekEnd = new Date((dayFromIso(asOf) + WEEK_DAYS) * 86_400_000).toISOString().slice(0, 10);
  const parts = [
    count('overdue') > 0 ? `${count('overdue')} overdue` : null,
    count('today') > 0 ? `${count('today')} due today` : null,
    count('this week') > 0 ? `${count('this week')} due by ${weekEnd}` : null,
    count('later') > 0 ? `${count('later')} to prepare ahead` : null,
  ].filter((p): p is string => p !== null);
  return `${plural(csm.actions.length, 'action')}: ${parts.join(', ')}.`;
}

/** An action key's account and rule. */
export function parseActionKey(key: string): { accountId: string; rule: ActionRule | null } {
  const at = key.lastIndexOf(':');
  const rule = key.slice(at + 1) as ActionRule;
  return { accountId: key.slice(0, at), rule: ACTION_RULES.includes(rule) ? rule : null };
}

/** A cleared action as the page lists it. */
export interface ClearedAction {
  account: AccountRef;
  title: string;
}

/** What changed for the CSM since the previous build. */
export interface CsmChanges {
  /** The build compared with for account states (null: no earlier build). */
  previousAsOf: string | null;
  /** The build compared with for actions (null: no earlier build kept a list of actions). */
  actionsPreviousAsOf: string | null;
  newActions: ActionItem[];
  cleared: ClearedAction[];
  /** Book accounts whose state turned on, by kind, as the home page lists them for the org. */
  groups: { id: string; title: string; accounts: AccountRef[] }[];
}

/** The CSM's slice of the org's changes, and their new and cleared actions. */
export function csmChanges(model: ReportModel, csm: CsmReport): CsmChanges {
  const book = new Set(csm.book);
  const mine = (ids: readonly string[]) => accountRefs(model, ids.filter((id) => book.has(id)));
  const c = model.changes;
  const items = actionItems(csm, model.asOf);
  const added = new Set(csm.actionChanges.added);
  return {
    previousAsOf: c.previousAsOf,
    actionsPreviousAsOf: csm.actionChanges.previousAsOf,
    newActions: csm.actionChanges.previousAsOf === null ? [] : items.filter((i) => added.has(i.action.key)),
    cleared: csm.actionChanges.cleared.map((key) => {
      const { accountId, rule } = parseActionKey(key);
      return { account: accountRefs(model, [accountId])[0]!, title: rule ? ACTION_TITLES[rule] : key };
    }),
    groups: [
      { id: 'turned-red', title: 'Turned red', accounts: mine(c.turnedRed) },
      { id: 'became-cadence-overdue', title: 'Became cadence overdue', accounts: mine(c.becameCadenceOverdue) },
      { id: 'became-non-engaged', title: 'Became non-engaged', accounts: mine(c.becameNonEngaged) },
      { id: 'entered-renewal-window', title: 'Entered the renewal window', accounts: mine(c.enteredRenewalWindow) },
    ],
  };
}

/** The CSM's Atom feed. */
export const csmFeedHref = (slug: string): string => withBase(`/csm/${slug}/feed.xml`);
/** The CSV download of the CSM's book. */
export const bookCsvHref = (slug: string): string => withBase(`/csm/${slug}/book.csv`);
/** An action on the CSM's page. */
export const actionHref = (slug: string, key: string): string => `${csmHref(slug)}#${actionAnchor(key)}`;

/** Sort keys of the book table: priority P1, P2, none; health Red first. */
export const priorityValue = (p: AccountView['priority']): number => (p === 'P1' ? 1 : p === 'P2' ? 2 : 3);
export const healthValue = (h: AccountView['health']): number | '' => (h === 'Red' ? 1 : h === 'Yellow' ? 2 : h === 'Green' ? 3 : '');

/** The book table's columns, in page order: the table, its filters and its download share them. */
export const BOOK_COLUMNS = ['Account', 'Priority', 'Health', 'ARR', 'Renewal', 'Days since last call', 'Last cadence call', 'Last EBR', 'License use', 'Flags'] as const;
const col = (name: (typeof BOOK_COLUMNS)[number]): number => BOOK_COLUMNS.indexOf(name);

/** The CSM's book, ordered by name. */
export const bookOf = (model: ReportModel, csm: CsmReport): AccountView[] => accountsOf(model, csm.book).sort(byName);

/** Days since the last customer call at T (null: never called). */
export function daysSinceLastCall(a: AccountView, asOf: string): number | null {
  return a.facts.lastCustomerCall === null ? null : dayFromIso(asOf) - dayFromIso(a.facts.lastCustomerCall);
}

/** The flags of a book account, in words. */
export function bookFlags(a: AccountView): string[] {
  const f = a.facts;
  return [
    ...(f.cadenceOverdue ? ['cadence overdue'] : []),
    ...(f.nonEngaged ? ['non-engaged'] : []),
    ...(f.ebrOverdue ? ['EBR overdue'] : []),
    ...(f.misprioritized ? ['misprioritised'] : []),
    ...(f.healthStale ? ['health stale'] : []),
    ...(f.adoptionRisk ? ['adoption risk'] : []),
    ...(f.atRisk ? ['at risk'] : []),
  ];
}

/** The book table's filters (priority, health, flag) and download, once the book is long; null before. */
export function bookTools(csm: CsmReport, book: readonly AccountView[]): TableTools | null {
  if (book.length < LONG_TABLE_ROWS) return null;
  return {
    tableId: 'book-table',
    rowCount: book.length,
    csvHref: bookCsvHref(csm.slug),
    filters: [
      tableFilter(col('Priority'), 'Priority', book.map((a) => a.priority ?? 'none')),
      tableFilter(col('Health'), 'Health', book.map((a) => a.health ?? 'none')),
    ],
  };
}

/** The book as a CSV download: the same rows as the table, plus the account ID. */
export function bookCsv(book: readonly AccountView[], asOf: string): CsvTable {
  return {
    header: ['Account ID', ...BOOK_COLUMNS],
    rows: book.map((a) => [
      a.id,
      a.name,
      a.priority ?? 'none',
      a.health ?? 'none',
      a.arr,
      a.renewalDate,
      daysSinceLastCall(a, asOf),
      a.facts.lastCadenceCall,
      a.facts.lastEbr,
      a.licenseUtilization,
      bookFlags(a).join(', '),
    ]),
  };
}
