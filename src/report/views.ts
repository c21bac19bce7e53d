/**
 * Small pure selectors the pages read the report model through: lookups by slug and ID (Maps built
 * once per model), the lists a manager acts on, and the formatting of numbers, dates and statuses.
 * Nothing here computes a metric; it only picks and orders what the model already holds.
 */
import type { FileAccount, QualityIssue } from '../ingest/quality.ts';
import type {
  AccountFacts,
  AccountView,
  CsmReport,
  MetricKey,
  MetricResult,
  OnboardingRow,
  ReportModel,
  Scorecard,
  Status,
  TeamReport,
  TrendPoint,
} from './model.ts';
import type { PresidentsClubEntry, PtoEntry } from './model.ts';
import type { QbrMetric, QbrReport, QbrScope, QbrValue } from './qbr.ts';

/** The three scopes a scorecard belongs to; the org's slug is `org`. */
export type ScopeKind = 'org' | 'team' | 'csm';

/** How a metric's number reads. */
export type Unit = 'count' | 'percent' | 'rate' | 'money' | 'days';

/** A display name per metric key. */
export const METRIC_LABELS: Record<MetricKey, string> = {
  bookSize: 'Book size',
  p1Ratio: 'P1 ratio',
  misprioritizedCount: 'Misprioritised accounts',
  ebrCoverage: 'EBR coverage',
  ebrOverdueCount: 'EBRs overdue',
  ebrsLast30Days: 'EBRs in the last 30 days',
  highArrEbrCoverage: 'Highest-ARR accounts with 2 EBRs',
  cadenceCompliance: 'Cadence compliance',
  nonEngagedCount: 'Non-engaged accounts',
  callsPerWeek: 'Cadence calls per week',
  healthFreshness: 'Health freshness',
  redCount: 'Red accounts',
  successPlanCoverage: 'Success plan coverage',
  greenSuccessPlanRate: 'Green success plans',
  workshopsPerWeek: 'Workshops per week',
  workshopCoverage: 'Workshop coverage',
  enablementActive: 'Enablement plays open',
  expansionActive: 'Expansion plays open',
  renewalQuestionRate: 'Renewal question asked',
  atRiskRenewalArr: 'At-risk renewal ARR (90 days)',
  ttfeMedianDays: 'Time to first engage (median)',
  ttfeWithinTarget: 'First engage within target',
  ttfvMedianDays: 'Time to first value (median)',
  ttfvWithinTarget: 'First value within target',
  ttoMedianDays: 'Time to onboarded (median)',
  ttoWithinTarget: 'Onboarded within target',
  overdueOnboardingCount: 'Overdue onboardings',
};

/** The unit of each metric's value. */
export const METRIC_UNITS: Record<MetricKey, Unit> = {
  bookSize: 'count',
  p1Ratio: 'percent',
  misprioritizedCount: 'count',
  ebrCoverage: 'percent',
  ebrOverdueCount: 'count',
  ebrsLast30Days: 'count',
  highArrEbrCoverage: 'percent',
  cadenceCompliance: 'percent',
  nonEngagedCount: 'count',
  callsPerWeek: 'rate',
  healthFreshness: 'percent',
  redCount: 'count',
  successPlanCoverage: 'percent',
  greenSuccessPlanRate: 'percent',
  workshopsPerWeek: 'rate',
  workshopCoverage: 'percent',
  enablementActive: 'count',
  expansionActive: 'count',
  renewalQuestionRate: 'percent',
  atRiskRenewalArr: 'money',
  ttfeMedianDays: 'days',
  ttfeWithinTarget: 'percent',
  ttfvMedianDays: 'days',
  ttfvWithinTarget: 'percent',
  ttoMedianDays: 'days',
  ttoWithinTarget: 'percent',
  overdueOnboardingCount: 'count',
};

/** The few metrics shown in headline tiles and in the compact team and CSM tables. */
export const KEY_METRICS: readonly MetricKey[] = [
  'bookSize',
  'p1Ratio',
  'cadenceCompliance',
  'callsPerWeek',
  'ebrCoverage',
  'healthFreshness',
  'successPlanCoverage',
  'atRiskRenewalArr',
];

/** The chip of a status: an icon and words, so colour is never the only signal. */
export const STATUS_TEXT: Record<Status, { icon: string; text: string }> = {
  'on-target': { icon: '✓', text: 'on target' },
  watch: { icon: '!', text: 'watch' },
  'off-target': { icon: '✗', text: 'off target' },
  'no-target': { icon: '–', text: 'no target' },
  'no-data': { icon: '', text: 'n/a' },
};

// ---------------------------------------------------------------------------------------------
// Formatting

const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `0.755` → `75.5%`; null → `n/a`. */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return `${numberFormat.format(Math.round(x * 1000) / 10)}%`;
}

/** `1234567.8` → `$1,234,568`; null → `n/a`. */
export function formatMoney(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return moneyFormat.format(x);
}

/** `12` → `12 days`, `1` → `1 day`, `12.5` → `12.5 days`; null → `n/a`. */
export function formatDays(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return `${numberFormat.format(x)} ${x === 1 ? 'day' : 'days'}`;
}

/** A plain number with at most one decimal; null → `n/a`. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return numberFormat.format(x);
}

/** A metric's value in its unit. */
export function formatMetric(key: MetricKey, value: number | null): string {
  switch (METRIC_UNITS[key]) {
    case 'percent':
      return formatPercent(value);
    case 'money':
      return formatMoney(value);
    case 'days':
      return formatDays(value);
    case 'rate':
      return value === null ? 'n/a' : `${formatNumber(value)} / week`;
    default:
      return formatNumber(value);
  }
}

/** An ISO date as shown (`2026-11-20`), or `n/a`. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'n/a';
}

/** An export's ISO time as `2026-11-20 06:02 UTC` (the offset as written when not UTC). */
export function formatExportTime(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const zone = !m[3] || m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`;
  return `${m[1]} ${m[2]} ${zone}`;
}

/** "yes" / "no" for a flag. */
export const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

// ---------------------------------------------------------------------------------------------
// Links

/** The page of a metric's definition. */
export const definitionHref = (key: MetricKey): string => `/metrics/#${key}`;
/** The "explain this number" page of a scope, at the metric's anchor. */
export const explainHref = (kind: ScopeKind, slug: string, key: MetricKey): string => `/explain/${kind}/${slug}/#${key}`;
/** An account's page. */
export const accountHref = (id: string): string => `/accounts/${id}/`;
/** A CSM's page. */
export const csmHref = (slug: string): string => `/csm/${slug}/`;
/** A team's page. */
export const teamHref = (slug: string): string => `/teams/${slug}/`;

// ---------------------------------------------------------------------------------------------
// Lookups, built once per model

/** A person as a page links to them. */
export interface PersonRef {
  name: string;
  slug: string;
}

/** An account as a list shows it. */
export interface AccountRef {
  id: string;
  name: string;
}

interface ReportIndex {
  accountById: Map<string, AccountView>;
  csmByEmail: Map<string, CsmReport>;
  csmBySlug: Map<string, CsmReport>;
  teamBySlug: Map<string, TeamReport>;
  teamByManager: Map<string, TeamReport>;
  /** The team a CSM belongs to, by CSM email. */
  teamOfCsm: Map<string, TeamReport>;
}

const indexes = new WeakMap<ReportModel, ReportIndex>();

/** The Maps every page looks things up in; built on first use, once per model. */
export function reportIndex(model: ReportModel): ReportIndex {
  let ix = indexes.get(model);
  if (ix) return ix;
  const teamOfCsm = new Map<string, TeamReport>();
  for (const t of model.teams) for (const email of t.csms) teamOfCsm.set(email, t);
  ix = {
    accountById: new Map(model.accounts.map((a) => [a.id, a])),
    csmByEmail: new Map(model.csms.map((c) => [c.email, c])),
    csmBySlug: new Map(model.csms.map((c) => [c.slug, c])),
    teamBySlug: new Map(model.teams.map((t) => [t.slug, t])),
    teamByManager: new Map(model.teams.map((t) => [t.manager, t])),
    teamOfCsm,
  };
  indexes.set(model, ix);
  return ix;
}

/** A team by its URL slug. */
export const teamBySlug = (model: ReportModel, slug: string): TeamReport | undefined => reportIndex(model).teamBySlug.get(slug);
/** A CSM by their URL slug. */
export const csmBySlug = (model: ReportModel, slug: string): CsmReport | undefined => reportIndex(model).csmBySlug.get(slug);
/** An account by ID. */
export const accountById = (model: ReportModel, id: string): AccountView | undefined => reportIndex(model).accountById.get(id);

/** The CSM (name and page) of an email, or null when the email is no CSM of the roster. */
export function csmRef(model: ReportModel, email: string | null | undefined): PersonRef | null {
  if (!email) return null;
  const c = reportIndex(model).csmByEmail.get(email);
  return c ? { name: c.name, slug: c.slug } : null;
}

/** The name of a CSM by email; the email itself when they are not a CSM of the roster, `n/a` for none. */
export function csmName(model: ReportModel, email: string | null | undefined): string {
  if (!email) return 'n/a';
  return reportIndex(model).csmByEmail.get(email)?.name ?? email;
}

/** The team of a CSM, or null for a CSM with no team. */
export function teamOfCsm(model: ReportModel, email: string): TeamReport | null {
  return reportIndex(model).teamOfCsm.get(email) ?? null;
}

/** The accounts of a list of IDs, in the given order; unknown IDs are skipped. */
export function accountsOf(model: ReportModel, ids: readonly string[]): AccountView[] {
  const byId = reportIndex(model).accountById;
  const out: AccountView[] = [];
  for (const id of ids) {
    const a = byId.get(id);
    if (a) out.push(a);
  }
  return out;
}

/** Account references (ID and name) of a list of IDs; an unknown ID shows as itself. */
export function accountRefs(model: ReportModel, ids: readonly string[]): AccountRef[] {
  const byId = reportIndex(model).accountById;
  return ids.map((id) => ({ id, name: byId.get(id)?.name ?? id }));
}

/** The book of a team: the books of its CSMs, in CSM order. */
export function teamBook(model: ReportModel, team: TeamReport): AccountView[] {
  const ix = reportIndex(model);
  return team.csms.flatMap((email) => accountsOf(model, ix.csmByEmail.get(email)?.book ?? []));
}

/** Active accounts that belong to no book: no CSM, or a CSM who is not a CSM of the roster. Sorted by name. */
export function unassignedAccounts(model: ReportModel): AccountView[] {
  const csms = reportIndex(model).csmByEmail;
  return model.accounts
    .filter((a) => a.status === 'Active' && (a.csmEmail === null || !csms.has(a.csmEmail)))
    .sort(byName);
}

// ---------------------------------------------------------------------------------------------
// The lists a manager acts on

/** Sorts by name, then ID: a stable order for every account list. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

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

// ---------------------------------------------------------------------------------------------
// Explain this number

/** One metric of an explain page: the result with the accounts it counted, resolved to names. */
export interface ExplainEntry {
  key: MetricKey;
  result: MetricResult;
  /** Accounts counted in the numerator (or counted, for a count). */
  numerator: AccountRef[];
  /** Accounts of the denominator that the numerator does not hold. */
  restOfDenominator: AccountRef[];
  /** How many accounts of each list were left out of the page (lists longer than the cap). */
  numeratorMore: number;
  restMore: number;
}

/** The entries of an explain page, one per metric key; each list is cut at `cap` names (stably, by name). */
export function explainEntries(model: ReportModel, scorecard: Scorecard, keys: readonly MetricKey[], cap = 500): ExplainEntry[] {
  return keys.map((key) => {
    const result = scorecard[key];
    const num = new Set(result.numerator);
    const numerator = accountRefs(model, result.numerator).sort(byName);
    const rest = accountRefs(
      model,
      result.denominator.filter((id) => !num.has(id)),
    ).sort(byName);
    return {
      key,
      result,
      numerator: numerator.slice(0, cap),
      restOfDenominator: rest.slice(0, cap),
      numeratorMore: Math.max(0, numerator.length - cap),
      restMore: Math.max(0, rest.length - cap),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Trends

/** One point of a sparkline. */
export interface SeriesPoint {
  asOf: string;
  value: number | null;
}

/**
 * A metric's series for a scope: the history snapshots, oldest first, then this build's value
 * (unless the last snapshot is already this build's).
 */
export function trendSeries(points: readonly TrendPoint[] | undefined, key: MetricKey, asOf: string, current: number | null): SeriesPoint[] {
  const series: SeriesPoint[] = (points ?? []).map((p) => ({ asOf: p.asOf, value: p.values[key] ?? null }));
  const last = series[series.length - 1];
  if (last && last.asOf === asOf) last.value = current;
  else series.push({ asOf, value: current });
  return series;
}

/** The trend points of a scope: `org`, a team's manager email or a CSM's email. */
export function trendsOf(model: ReportModel, scopeId: string): TrendPoint[] {
  return model.trends[scopeId] ?? [];
}

// ---------------------------------------------------------------------------------------------
// Data quality and page chrome

/** One export file as the data-quality page and the footer show it. */
export interface ExportRow extends FileAccount {
  file: string;
  rejectedFile: string | null;
}

/** The per-file accounting, in the order of the quality report. */
export function exportRows(model: ReportModel): ExportRow[] {
  return Object.entries(model.quality.files).flatMap(([file, f]) =>
    f ? [{ file, ...f, rejectedFile: model.rejectedFiles[file] ?? null }] : [],
  );
}

/** What the header and footer of every page show: the as-of date and each export's time. */
export interface SiteMeta {
  asOf: string;
  fiscalQuarter: string;
  exports: { file: string; time: string }[];
}

const siteMetas = new WeakMap<ReportModel, SiteMeta>();

/** The page chrome's facts, computed once per model. */
export function siteMeta(model: ReportModel): SiteMeta {
  let meta = siteMetas.get(model);
  if (!meta) {
    meta = {
      asOf: model.asOf,
      fiscalQuarter: model.fiscalQuarter,
      exports: exportRows(model)
        .filter((r) => r.present)
        .map((r) => ({ file: r.file, time: formatExportTime(r.exportTime) })),
    };
    siteMetas.set(model, meta);
  }
  return meta;
}

/** Issues of one rule: the count and the first rows. */
export interface IssueGroup {
  rule: string;
  severity: QualityIssue['severity'];
  count: number;
  first: QualityIssue[];
}

const severityRank = { fatal: 0, error: 1, warning: 2, info: 3 } as const;

/** Issues grouped by rule (and severity): most severe first, then by count, then by rule; `firstN` rows each. */
export function issuesByRule(issues: readonly QualityIssue[], firstN = 10): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const id = `${issue.severity}\u0000${issue.rule}`;
    let g = groups.get(id);
    if (!g) {
      g = { rule: issue.rule, severity: issue.severity, count: 0, first: [] };
      groups.set(id, g);
    }
    g.count++;
    if (g.first.length < firstN) g.first.push(issue);
  }
  return [...groups.values()].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule),
  );
}

// ---------------------------------------------------------------------------------------------
// Renewals

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

// ---------------------------------------------------------------------------------------------
// Configuration values in force (metric definitions)

/** How a config value reads on the definitions page. */
export type ConfigUnit = 'percent' | 'days' | 'months' | 'number';

/**
 * A config value as text: a number in its unit, `null` as "no target", a `{min, max}` range as
 * "12 to 20", and a per-segment or per-role object as "Strategic: 75%; Growth: 20%; Scale: no target".
 */
export function formatConfigValue(value: unknown, unit: ConfigUnit, depth = 0): string {
  if (value === null || value === undefined) return 'no target';
  if (typeof value === 'number') {
    if (unit === 'percent') return formatPercent(value);
    if (unit === 'days') return formatDays(value);
    if (unit === 'months') return `${formatNumber(value)} ${value === 1 ? 'month' : 'months'}`;
    return formatNumber(value);
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.min === 'number' && typeof o.max === 'number') {
      return `${formatConfigValue(o.min, unit)} to ${formatConfigValue(o.max, unit)}`;
    }
    return keys.map((k) => `${k}: ${formatConfigValue(o[k], unit, depth + 1)}`).join(depth === 0 ? '; ' : ', ');
  }
  return String(value);
}

/** The per-account facts of METRICS.md, in the order the definitions page shows them. */
export const ACCOUNT_FACT_KEYS = [
  'lastCadenceCall',
  'daysSinceCadence',
  'cadenceInterval',
  'cadenceOverdue',
  'lastCustomerCall',
  'nonEngaged',
  'lastEbr',
  'ebrOverdue',
  'highArr',
  'p1Reasons',
  'unprioritized',
  'misprioritized',
  'healthStale',
  'adoptionRisk',
  'atRisk',
  'renewalQuestion',
] as const satisfies readonly (keyof AccountFacts)[];

// ---------------------------------------------------------------------------------------------
// QBR pages

/** The QBR index, a quarter's org page (no team) or a team's page of that quarter. */
export const qbrHref = (quarter?: string, teamSlug?: string): string =>
  quarter === undefined ? '/qbr/' : teamSlug === undefined ? `/qbr/${quarter}/` : `/qbr/${quarter}/${teamSlug}/`;

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
  lostRenewals: (QbrAccountRow & { renewal: QbrScope['renewals']['opportunities'][number] })[];
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
    lostRenewals: scope.renewals.opportunities.filter((o) => !o.won).map((o) => ({ ...row(o.accountId, o.csmEmail), renewal: o })),
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

// ---------------------------------------------------------------------------------------------
// President's Club

/** The page of a fiscal year's President's Club. */
export const presidentsClubHref = (fiscalYear: string): string => `/presidents-club/${fiscalYear}/`;

type PcCategory = keyof PresidentsClubEntry['counted'];

/** The five categories in page order, how each value reads, and what each one counts. */
export const PC_CATEGORIES: readonly { key: PcCategory; label: string; unit: 'percent' | 'count'; counts: 'opportunities' | 'accounts' | 'workshops' }[] = [
  { key: 'netArrContribution', label: 'Net ARR contribution', unit: 'percent', counts: 'opportunities' },
  { key: 'ebrCompletion', label: 'EBR completion', unit: 'percent', counts: 'accounts' },
  { key: 'greenSuccessPlans', label: 'Green success plans', unit: 'percent', counts: 'accounts' },
  { key: 'adoptionPlaysWon', label: 'Adoption plays won', unit: 'percent', counts: 'accounts' },
  { key: 'workshops', label: 'Workshops delivered', unit: 'count', counts: 'workshops' },
];

/** One category of a CSM: value, what it counted (accounts as links, the rest as text) and the gap to the next place. */
export interface PcCell {
  key: PcCategory;
  label: string;
  value: string;
  /** The anchor of the counted list on the President's Club page. */
  anchor: string;
  counts: 'opportunities' | 'accounts' | 'workshops';
  accounts: AccountRef[];
  texts: string[];
  gap: string;
}

/** A CSM's row of the President's Club page. */
export interface PcRow {
  csm: CsmReport;
  points: number;
  rank: number;
  cells: PcCell[];
}

/**
 * What reaching the next better value in the team takes: a percent category's gap in percentage
 * points (`+7.5 pp`), workshops counted (`+2 workshops`); `top of the team` when none is better.
 */
export function formatPcGap(unit: 'percent' | 'count', value: number | null, gap: number | null): string {
  if (value === null) return 'no value';
  if (gap === null) return 'top of the team';
  if (unit === 'count') return `+${formatNumber(gap)} ${gap === 1 ? 'workshop' : 'workshops'}`;
  return `+${formatNumber(Math.round(gap * 1000) / 10)} pp`;
}

function pcRow(model: ReportModel, csm: CsmReport): PcRow {
  const pc = csm.presidentsClub;
  const cells = PC_CATEGORIES.map(({ key, label, unit, counts }): PcCell => {
    const value = pc[key];
    const counted = pc.counted[key];
    return {
      key,
      label,
      value: unit === 'percent' ? formatPercent(value) : formatNumber(value),
      anchor: `pc-${csm.slug}-${key}`,
      counts,
      accounts: counts === 'accounts' ? accountRefs(model, counted) : [],
      texts: counts === 'accounts' ? [] : counted,
      gap: formatPcGap(unit, value, pc.gaps[key]),
    };
  });
  return { csm, points: pc.points, rank: pc.rank, cells };
}

/** The President's Club standings: per team (in model order) its CSMs by rank then name; CSMs with no team last, each ranked alone. */
export function presidentsClubStandings(model: ReportModel): { team: TeamReport | null; title: string; rows: PcRow[] }[] {
  const ix = reportIndex(model);
  const byRank = (a: PcRow, b: PcRow) => a.rank - b.rank || byName({ name: a.csm.name, id: a.csm.email }, { name: b.csm.name, id: b.csm.email });
  const groups: { team: TeamReport | null; title: string; rows: PcRow[] }[] = model.teams.map((team) => ({
    team,
    title: `Team ${team.name}`,
    rows: team.csms.flatMap((e) => {
      const c = ix.csmByEmail.get(e);
      return c ? [pcRow(model, c)] : [];
    }).sort(byRank),
  }));
  const alone = model.csms.filter((c) => !ix.teamOfCsm.has(c.email)).map((c) => pcRow(model, c)).sort(byRank);
  if (alone.length > 0) groups.push({ team: null, title: 'CSMs with no team (each ranked alone)', rows: alone });
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Manager 1:1 agenda pages

/** The 1:1 agenda of a team: the current week's page, or a given week's. */
export const oneOnOneHref = (teamSlug: string, week?: 1 | 2 | 3 | 4): string =>
  week === undefined ? `/teams/${teamSlug}/one-on-one/` : `/teams/${teamSlug}/one-on-one/week-${week}/`;

// ---------------------------------------------------------------------------------------------
// PTO coverage

/** The PTO coverage page. */
export const PTO_HREF = '/pto/';

/** A person of a PTO row: the CSM's page when they are a CSM, else the email as text. */
export interface PtoPerson {
  email: string;
  name: string;
  ref: PersonRef | null;
}

/** One time off as the PTO page shows it. */
export interface PtoRow {
  entry: PtoEntry;
  csm: PtoPerson;
  backup: PtoPerson | null;
  /** The coverage problems in words: "no backup", "backup also off". */
  conflicts: string[];
  p1Accounts: AccountRef[];
  renewals: AccountRef[];
  atRiskAccounts: AccountRef[];
  /** The anchor of the entry's accounts on the PTO page. */
  anchor: string;
}

/** The time off of the model (already limited to the look-ahead window), soonest first, then by CSM name. */
export function ptoRows(model: ReportModel): PtoRow[] {
  const person = (email: string): PtoPerson => {
    const ref = csmRef(model, email);
    return { email, name: ref?.name ?? email, ref };
  };
  const refs = (ids: readonly string[]) => accountRefs(model, ids).sort(byName);
  return model.pto
    .map((entry): PtoRow => {
      const csm = person(entry.csmEmail);
      return {
        entry,
        csm,
        backup: entry.backupEmail ? person(entry.backupEmail) : null,
        conflicts: [...(entry.noBackup ? ['no backup'] : []), ...(entry.backupAlsoOff ? ['backup also off'] : [])],
        p1Accounts: refs(entry.p1Accounts),
        renewals: refs(entry.renewals),
        atRiskAccounts: refs(entry.atRiskAccounts),
        anchor: `pto-${(csm.ref?.slug ?? entry.csmEmail.replace(/[^a-z0-9]+/g, '-'))}-${entry.start}`,
      };
    })
    .sort((a, b) => a.entry.start.localeCompare(b.entry.start) || a.csm.name.localeCompare(b.csm.name) || a.entry.end.localeCompare(b.entry.end));
}
