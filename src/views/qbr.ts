/** The QBR pages: one per quarter for the org and for each team, with their metric rows and lists. */
import type { MetricKey, ReportModel } from '../report/model.ts';
import type { QbrMetric, QbrReport, QbrScope, QbrValue } from '../report/qbr.ts';
import { formatMetric } from './format.ts';
import { METRIC_LABELS } from './labels.ts';
import { qbrHref, sourceHref } from './links.ts';
import { byName, csmRef, reportIndex, type AccountRef, type PersonRef } from './lookup.ts';

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

/** How a QBR metric moved, in words with an arrow (the arrow is decoration; the words carry it). */
export function qbrChangeText(m: Pick<QbrMetric, 'direction' | 'assessment'>): { arrow: string; text: string } {
  const moved = { up: ['↑', 'up'], down: ['↓', 'down'], same: ['→', 'unchanged'] } as const;
  if (m.direction === null) return { arrow: '–', text: 'not comparable' };
  const [arrow, word] = moved[m.direction];
  return { arrow, text: m.assessment ? `${word}, ${m.assessment}` : word };
}

/** A QBR value as shown: "no snapshot" when the state was never stored for that quarter. */
export function formatQbrValue(key: MetricKey, v: QbrValue): string {
  return v.noSnapshot ? 'no snapshot' : formatMetric(key, v.value);
}

/** Where a QBR metric's numbers come from, in words. */
export function qbrSourceText(m: QbrMetric): string {
  if (m.source === 'event') return 'recomputed from dated events';
  const [now, before] = [m.current, m.previous].map((v) => (v.noSnapshot ? null : (v.snapshotAsOf ?? null)));
  if (now && before) return `snapshots of ${now} and ${before}`;
  if (now) return `snapshot of ${now}; no snapshot for the previous quarter`;
  if (before) return `no snapshot; previous quarter: snapshot of ${before}`;
  return 'no snapshot';
}

/** One row of a QBR metric table. */
export interface QbrMetricRow {
  key: MetricKey;
  label: string;
  source: QbrMetric['source'];
  sourceText: string;
  current: string;
  previous: string;
  change: { arrow: string; text: string };
  assessment: QbrMetric['assessment'];
}

/** The rows of a QBR metric table, in the order of `keys`. */
export function qbrMetricRows(scope: QbrScope, keys: readonly MetricKey[]): QbrMetricRow[] {
  return keys.map((key) => {
    const m = scope.metrics[key];
    return {
      key,
      label: METRIC_LABELS[key],
      source: m.source,
      sourceText: qbrSourceText(m),
      current: formatQbrValue(key, m.current),
      previous: formatQbrValue(key, m.previous),
      change: qbrChangeText(m),
      assessment: m.assessment,
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
