/**
 * Small pure selectors the pages read the report model through: lookups by slug and ID (Maps built
 * once per model), the lists a manager acts on, and the formatting of numbers, dates and statuses.
 * Nothing here computes a metric; it only picks and orders what the model already holds.
 */
import type { QualityIssue } from '../ingest/quality.ts';
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
export interface ExportRow {
  file: string;
  present: boolean;
  read: number;
  accepted: number;
  rejected: number;
  footerLines: number;
  warnings: number;
  exportTime: string | null;
  exportTimeSource: 'footer' | 'mtime' | null;
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
  'nonEngaged',
  'lastEbr',
  'ebrOverdue',
  'p1Reasons',
  'misprioritized',
  'healthStale',
  'adoptionRisk',
  'atRisk',
] as const satisfies readonly (keyof AccountFacts)[];
