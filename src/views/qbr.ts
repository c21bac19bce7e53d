/** The QBR pages: one per quarter for the org and for each team, with their metric rows and lists. */
import type { MetricKey, ReportModel } from '../report/model.ts';
import { HIGHER_IS_BETTER, type QbrMetric, type QbrReport, type QbrScope, type QbrValue } from '../report/qbr.ts';
import { formatMetric } from './format.ts';
import { METRIC_LABELS } from './labels.ts';
import { qbrHref, sourceHref } from './links.ts';
import { byName, csmRef, reportIndex, type AccountRef, type PersonRef } from './lookup.ts';
import { LONG_TABLE_ROWS, tableFilter, type TableTools } from './table-tools.ts';

/** One QBR page: a quarter seen for the org or for one team. */
export interface QbrPage {
  quarter: string;
  report: QbrReport;
  scope: QbrScope;
  /** `org`, or the team's slug: the page's last path segment and the narrative's file name. */
  scopeSlug: string;
  /** "Org", or "Team <leader>". */
  title: string;
  href: string;
}

/**
 * Every QBR page, oldest quarter first; in each quarter the org, then the teams in the order of the
 * model's teams. A team of a stored (closed) quarter whose leader no longer leads a team keeps a page,
 * named from the leader's email, so a frozen quarter stays readable.
 */
export function qbrPages(model: ReportModel): readonly QbrPage[] {
  let pages = qbrPageLists.get(model);
  if (!pages) {
    pages = buildQbrPages(model);
    qbrPageLists.set(model, pages);
  }
  return pages;
}

/**
 * The routes of the QBR page families (the deck and its risk list): the org's page has no scope
 * segment. Each route gets only its page (its quarter's report and scope are the model's own).
 */
export function qbrPaths(model: ReportModel) {
  return qbrPages(model).map((page) => ({
    params: { quarter: page.quarter, scope: page.scopeSlug === 'org' ? undefined : page.scopeSlug },
    props: { page },
  }));
}

// Every QBR page asks for its neighbours: the list is made once per model.
const qbrPageLists = new WeakMap<ReportModel, readonly QbrPage[]>();

function buildQbrPages(model: ReportModel): QbrPage[] {
  const ix = reportIndex(model);
  const order = new Map(model.teams.map((t, i) => [t.manager, i]));
  const pages: QbrPage[] = [];
  for (const report of model.qbr) {
    pages.push({ quarter: report.quarter, report, scope: report.org, scopeSlug: 'org', title: 'Org', href: qbrHref(report.quarter) });
    const teams = Object.values(report.teams).sort(
      (a, b) => (order.get(a.manager!) ?? Infinity) - (order.get(b.manager!) ?? Infinity) || (a.manager! < b.manager! ? -1 : 1),
    );
    for (const scope of teams) {
      const slug = ix.teamByManager.get(scope.manager!)?.slug ?? scope.manager!.split('@')[0]!.replace(/[^a-z0-9]+/g, '-');
      pages.push({ quarter: report.quarter, report, scope, scopeSlug: slug, title: `Team ${scope.name ?? scope.manager}`, href: qbrHref(report.quarter, slug) });
    }
  }
  return pages;
}

/** The quarters of the QBR index, newest first, each with its org page and team pages. */
export function qbrIndex(model: ReportModel): { quarter: string; report: QbrReport; org: QbrPage; teams: QbrPage[] }[] {
  const byQuarter = new Map<string, QbrPage[]>();
  for (const p of qbrPages(model)) {
    const list = byQuarter.get(p.quarter);
    if (list) list.push(p);
    else byQuarter.set(p.quarter, [p]);
  }
  return [...byQuarter.values()].reverse().map(([org, ...teams]) => ({ quarter: org!.quarter, report: org!.report, org: org!, teams }));
}

/** The links of a QBR page: the other scopes of its quarter, and the same scope's previous and next quarter. */
export function qbrNav(model: ReportModel, page: QbrPage): {
  related: { label: string; href: string; current?: boolean }[];
  neighbours: { previous: { label: string; href: string } | null; next: { label: string; href: string } | null };
} {
  const pages = qbrPages(model);
  const related = pages.filter((p) => p.quarter === page.quarter).map((p) => ({ label: p.title, href: p.href, current: p.href === page.href }));
  const sameScope = pages.filter((p) => p.scopeSlug === page.scopeSlug);
  const i = sameScope.findIndex((p) => p.href === page.href);
  const link = (p: QbrPage | undefined) => (p ? { label: `${p.quarter} ${p.title}`, href: p.href } : null);
  return { related, neighbours: { previous: link(sameScope[i - 1]), next: link(sameScope[i + 1]) } };
}

/** How a QBR metric moved, as its change badge says it. */
export interface QbrChange {
  /** Up, down, the same in the page's rounding, or null when either value is unknown. */
  direction: 'up' | 'down' | 'same' | null;
  /** Whether the move is good news; null when unchanged, not comparable, or the metric has no better side. */
  assessment: 'better' | 'worse' | null;
  /** Decoration only: the words carry the move. */
  arrow: string;
  text: string;
}

/**
 * The change badge of a metric beside its two values: it compares the values as the page shows them,
 * so two values that read the same ("64.6%" and "64.6%") are "unchanged" whatever their raw digits;
 * otherwise up or down, and better or worse by the metric's better side.
 */
export function qbrChange(key: MetricKey, m: Pick<QbrMetric, 'current' | 'previous'>): QbrChange {
  const value = (v: QbrValue) => (v.noSnapshot || v.notRecorded ? null : v.value);
  const [now, before] = [value(m.current), value(m.previous)];
  if (now === null || before === null) return { direction: null, assessment: null, arrow: '–', text: 'not comparable' };
  if (formatMetric(key, now) === formatMetric(key, before)) return { direction: 'same', assessment: null, arrow: '→', text: 'unchanged' };
  const direction = now > before ? 'up' : 'down';
  const higher = HIGHER_IS_BETTER[key];
  const assessment = higher === null ? null : (direction === 'up') === higher ? 'better' : 'worse';
  return { direction, assessment, arrow: direction === 'up' ? '↑' : '↓', text: assessment ? `${direction}, ${assessment}` : direction };
}

/** A QBR value as shown: "no snapshot" when the state was never stored for that quarter, "not recorded" when the quarter predates the metric. */
export function formatQbrValue(key: MetricKey, v: QbrValue): string {
  if (v.noSnapshot) return 'no snapshot';
  if (v.notRecorded) return 'not recorded';
  return formatMetric(key, v.value);
}

/** One row of a QBR metric table. */
export interface QbrMetricRow {
  key: MetricKey;
  label: string;
  /** Read from a stored snapshot (marked † and explained in the slide's footnote), else recomputed. */
  fromSnapshot: boolean;
  current: string;
  previous: string;
  change: QbrChange;
}

/** The rows of a QBR metric table, in the order of `keys`. */
export function qbrMetricRows(scope: QbrScope, keys: readonly MetricKey[]): QbrMetricRow[] {
  return keys.map((key) => {
    const m = scope.metrics[key];
    return {
      key,
      label: METRIC_LABELS[key],
      fromSnapshot: m.source === 'snapshot',
      current: formatQbrValue(key, m.current),
      previous: formatQbrValue(key, m.previous),
      change: qbrChange(key, m),
    };
  });
}

/** An account of a QBR list, with its owner resolved. */
export interface QbrAccountRow {
  account: AccountRef;
  owner: PersonRef | null;
  /** The owner's email when they are no CSM of today's roster (a stored quarter may name one). */
  ownerEmail: string | null;
}

/** The lists of a QBR page with account names and owners resolved. */
export interface QbrDetails {
  cohort: (QbrAccountRow & { row: QbrScope['onboardingCohort'][number] })[];
  ebrAccounts: AccountRef[];
  lostRenewals: (QbrAccountRow & { renewal: QbrScope['renewals']['opportunities'][number]; opportunityHref: string | null })[];
  forecastAccounts: AccountRef[];
  atRisk: (QbrAccountRow & { risk: QbrScope['risks']['atRisk'][number] })[];
}

/** Resolves the account IDs and owners of a QBR scope for its page. Orders are the model's (risks by ARR), the EBR accounts by name. */
export function qbrDetails(model: ReportModel, scope: QbrScope): QbrDetails {
  const byId = reportIndex(model).accountById;
  const ref = (id: string, name?: string): AccountRef => ({ id, name: byId.get(id)?.name ?? name ?? id });
  const row = (id: string, ownerEmail: string | null, name?: string): QbrAccountRow => {
    const owner = csmRef(model, ownerEmail);
    return { account: ref(id, name), owner, ownerEmail: owner ? null : ownerEmail };
  };
  return {
    cohort: scope.onboardingCohort.map((r) => ({ ...row(r.accountId, byId.get(r.accountId)?.csmEmail ?? null), row: r })),
    ebrAccounts: scope.ebrsHeld.accounts.map((id) => ref(id)).sort(byName),
    lostRenewals: scope.renewals.opportunities.filter((o) => !o.won).map((o) => ({ ...row(o.accountId, o.csmEmail), renewal: o, opportunityHref: sourceHref(model.config.links, 'opportunity', o.id) })),
    forecastAccounts: scope.forecast.accounts.map((id) => ref(id)),
    atRisk: scope.risks.atRisk.map((r) => ({ ...row(r.id, r.csmEmail, r.name), risk: r })),
  };
}

/** Whether a quarter is frozen, in the words its page uses. */
export function qbrStatusText(report: QbrReport, asOf: string): string {
  return report.closed
    ? 'This quarter is closed; its figures were stored when it closed and do not change.'
    : `This quarter is still open: figures as of ${asOf}, the as-of date of this build; they change with every build until the quarter ends on ${report.end}.`;
}

/** The risk list's columns, in page order (the filters name them by position). */
export const QBR_RISK_COLUMNS = ['Account', 'CSM', 'ARR', 'Why'] as const;

/** The filters of a QBR page's full risk list (CSM, reason), when it is long enough to need them. */
export function qbrRiskTools(rows: QbrDetails['atRisk']): TableTools | null {
  if (rows.length < LONG_TABLE_ROWS) return null;
  const col = (name: (typeof QBR_RISK_COLUMNS)[number]) => QBR_RISK_COLUMNS.indexOf(name);
  return {
    tableId: 'qbr-risks',
    rowCount: rows.length,
    csvHref: null,
    filters: [
      tableFilter(col('CSM'), 'CSM', rows.map((r) => r.owner?.name ?? r.ownerEmail ?? 'unassigned')),
      tableFilter(col('Why'), 'Why', rows.map((r) => r.risk.reasons.join(', '))),
    ],
  };
}

/** The cohort list's columns, in page order (the filter names them by position). */
export const QBR_COHORT_COLUMNS = ['Account', 'CSM', 'Start', 'First engage', 'First value', 'Onboarded', 'Overdue'] as const;

/** The CSM filter of a QBR page's cohort list, when it is long enough to need it (no download: the onboarding page has one). */
export function qbrCohortTools(rows: QbrDetails['cohort']): TableTools | null {
  if (rows.length < LONG_TABLE_ROWS) return null;
  return {
    tableId: 'qbr-cohort',
    rowCount: rows.length,
    csvHref: null,
    filters: [tableFilter(QBR_COHORT_COLUMNS.indexOf('CSM'), 'CSM', rows.map((r) => r.owner?.name ?? r.ownerEmail ?? 'unassigned'))],
  };
}
