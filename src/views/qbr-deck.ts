/**
 * The QBR deck's slides as data: for each slide the numbers its chart draws and the one sentence that
 * states its message, worded from those numbers. Nothing here is a metric: it reads the QBR reports
 * of the model (this quarter and the stored ones before it) and counts what a chart shows.
 */
import { median } from 'd3';
import type { MetricKey, ReportModel } from '../report/model.ts';
import type { QbrMetric, QbrScope, QbrValue } from '../report/qbr.ts';
import { formatDays, formatMetric, formatMoney, formatNumber, formatPercent } from './format.ts';
import { METRIC_LABELS, METRIC_UNITS } from './labels.ts';
import { formatQbrValue, qbrChange, type QbrPage } from './qbr.ts';

/** A scope's QBR in one quarter; null when the scope had no page that quarter (a team not yet formed). */
export interface QuarterScope {
  quarter: string;
  scope: QbrScope | null;
}

/**
 * The page's scope in the quarters up to and including the page's own, oldest first, at most `max`
 * of them: the org, or the same team (by its leader's email) in each stored or computed quarter.
 */
export function scopeHistory(model: ReportModel, page: QbrPage, max = 8): QuarterScope[] {
  const upTo = model.qbr.filter((r) => r.quarter <= page.quarter).slice(-max);
  return upTo.map((r) => ({ quarter: r.quarter, scope: page.scope.kind === 'org' ? r.org : (r.teams[page.scope.manager!] ?? null) }));
}

/** A value known to the page: not null, not missing a snapshot, not predating its metric. */
const known = (v: QbrValue | undefined): number | null => (v && !v.noSnapshot && !v.notRecorded ? v.value : null);

/** A metric's value at the end of each quarter of the history (null where unknown). */
export function metricTrend(history: readonly QuarterScope[], key: MetricKey): { label: string; value: number | null }[] {
  return history.map((h) => ({ label: h.quarter, value: known(h.scope?.metrics[key]?.current) }));
}

/** "EBR coverage rose from 54.6% to 56.1%": a metric's move since the previous quarter, in the page's rounding. */
export function metricSentence(key: MetricKey, m: Pick<QbrMetric, 'current' | 'previous'>, previousQuarter: string): string {
  const label = METRIC_LABELS[key];
  const [now, before] = [known(m.current), known(m.previous)];
  if (now === null) return `${label}: ${formatQbrValue(key, m.current)}`;
  const shown = formatMetric(key, now);
  if (before === null) return `${label} was ${shown} (${previousQuarter}: ${formatQbrValue(key, m.previous)})`;
  const change = qbrChange(key, m);
  if (change.direction === 'same') return `${label} held at ${shown}`;
  return `${label} ${change.direction === 'up' ? 'rose' : 'fell'} from ${formatMetric(key, before)} to ${shown}`;
}

/** How far a metric moved, relative to where it was (for picking the largest move). */
function relativeMove(m: Pick<QbrMetric, 'current' | 'previous'>): number {
  const [a, b] = [known(m.current), known(m.previous)];
  if (a === null || b === null) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
}

/**
 * The headline slide's message: how many headline metrics improved and worsened on the previous
 * quarter, with the largest improvement and the largest setback in words.
 */
export function headlineMessage(scope: Pick<QbrScope, 'metrics'>, keys: readonly MetricKey[], previousQuarter: string): string {
  const moves = keys.map((key) => ({ key, m: scope.metrics[key], change: qbrChange(key, scope.metrics[key]) }));
  const comparable = moves.filter((x) => x.change.direction !== null);
  if (comparable.length === 0) return `None of the ${keys.length} headline metrics can be compared with ${previousQuarter}: its values were not recorded.`;
  const better = comparable.filter((x) => x.change.assessment === 'better').sort((x, y) => relativeMove(y.m) - relativeMove(x.m));
  const worse = comparable.filter((x) => x.change.assessment === 'worse').sort((x, y) => relativeMove(y.m) - relativeMove(x.m));
  const held = comparable.filter((x) => x.change.direction === 'same').length;
  const counts = [`${better.length} of ${keys.length} headline metrics improved on ${previousQuarter}`, `${worse.length} worsened`];
  if (held > 0) counts.push(`${held} held`);
  const head = `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}`;
  const examples = [better[0], worse[0]].filter((x) => x !== undefined).map((x) => metricSentence(x.key, x.m, previousQuarter));
  return examples.length > 0 ? `${head}: ${examples.join('; ')}.` : `${head}.`;
}

/** One onboarding milestone of a quarter's cohort, as the chart draws it. */
export interface MilestoneRow {
  key: 'ttfe' | 'ttfv' | 'tto';
  label: string;
  target: number;
  /** Days to the milestone of each cohort account that reached it. */
  days: number[];
  reached: number;
  withinTarget: number;
  median: number | null;
}

/** The quarter's onboarding cohort per milestone: who reached it, how fast, and how many within the target. */
export function milestoneRows(cohort: QbrScope['onboardingCohort'], targets: { ttfeDays: number; ttfvDays: number; ttoDays: number }): MilestoneRow[] {
  const defs = [
    { key: 'ttfe', label: 'First engage', target: targets.ttfeDays, pick: (r: QbrScope['onboardingCohort'][number]) => r.ttfeDays },
    { key: 'ttfv', label: 'First value', target: targets.ttfvDays, pick: (r: QbrScope['onboardingCohort'][number]) => r.ttfvDays },
    { key: 'tto', label: 'Onboarded', target: targets.ttoDays, pick: (r: QbrScope['onboardingCohort'][number]) => r.ttoDays },
  ] as const;
  return defs.map((d) => {
    const days = cohort.map(d.pick).filter((v): v is number => v !== null).sort((a, b) => a - b);
    return { key: d.key, label: d.label, target: d.target, days, reached: days.length, withinTarget: days.filter((v) => v <= d.target).length, median: median(days) ?? null };
  });
}

/**
 * The onboarding slide's message: the cohort's size and its slowest milestone (the lowest share
 * within target among those reached), or that no account started onboarding in the quarter.
 */
export function onboardingMessage(rows: readonly MilestoneRow[], cohortSize: number, overdue: number, quarter: string): string {
  if (cohortSize === 0) return `No book account started onboarding in ${quarter}.`;
  const reached = rows.filter((r) => r.reached > 0);
  const overdueText = overdue === 0 ? 'none is overdue' : `${overdue} ${overdue === 1 ? 'is' : 'are'} overdue`;
  const accounts = `${cohortSize} ${cohortSize === 1 ? 'account' : 'accounts'}`;
  if (reached.length === 0) return `${accounts} started onboarding in ${quarter}; none has reached a milestone yet, and ${overdueText}.`;
  const slowest = [...reached].sort((a, b) => a.withinTarget / a.reached - b.withinTarget / b.reached)[0]!;
  return `${accounts} started onboarding in ${quarter}: ${slowest.label.toLowerCase()} is the slowest step, ${slowest.withinTarget} of ${slowest.reached} within ${formatDays(slowest.target)} (median ${formatDays(slowest.median)}); ${overdueText}.`;
}

/** "up from 65 in FY27-Q2": a count beside the previous quarter's, or nothing when there is none. */
function countChange(now: number, before: number | null | undefined, previousQuarter: string): string {
  if (before === null || before === undefined) return `${previousQuarter}: not recorded`;
  if (now === before) return `the same as in ${previousQuarter}`;
  return `${now > before ? 'up' : 'down'} from ${formatNumber(before)} in ${previousQuarter}`;
}

/** The EBR slide's message: EBRs held and with how many accounts, beside the previous quarter. */
export function ebrMessage(history: readonly QuarterScope[], quarter: string, previousQuarter: string): string {
  const at = (q: string) => history.find((h) => h.quarter === q)?.scope?.ebrsHeld;
  const now = at(quarter);
  if (!now) return `No EBRs recorded for ${quarter}.`;
  const n = now.count;
  return `${formatNumber(n)} ${n === 1 ? 'EBR' : 'EBRs'} held with ${formatNumber(now.accounts.length)} ${now.accounts.length === 1 ? 'account' : 'accounts'} in ${quarter}, ${countChange(n, at(previousQuarter)?.count, previousQuarter)}.`;
}

/** A play count of a stored quarter: undefined when the quarter was stored before the count existed. */
const playCount = (v: number | null | undefined): number | null => (v === undefined ? null : v);

/** "a" or "an" before a number as spoken: an 80%, an 11%, an 18%. */
const article = (n: string): string => (/^(8|1[18](\D|$))/.test(n) ? 'an' : 'a');

/** The plays slide's message: this quarter's expansion and enablement plays opened, completed of closed, and invalid. */
export function playsMessage(plays: QbrScope['plays'], quarter: string): string {
  const part = (name: string, opened: number, completed: number | null, closed: number, rate: number | null) =>
    completed === null
      ? `${formatNumber(opened)} ${name} plays opened and ${formatNumber(closed)} closed`
      : `${formatNumber(opened)} ${name} plays opened and ${formatNumber(completed)} completed (won) of ${formatNumber(closed)} closed${rate === null ? '' : `, ${article(formatPercent(rate))} ${formatPercent(rate)} win rate`}`;
  const invalid = [playCount(plays.expansionInvalid), playCount(plays.enablementInvalid)];
  const invalidText = invalid.some((v) => v === null) ? '' : `; ${formatNumber(invalid[0]! + invalid[1]!)} were invalid or cancelled`;
  return `In ${quarter}, ${part('expansion', plays.expansionOpened, playCount(plays.expansionCompleted), plays.expansionClosed, plays.expansionWinRate)}; ${part('enablement', plays.enablementOpened, playCount(plays.enablementCompleted), plays.enablementClosed, plays.enablementWinRate)}${invalidText}.`;
}

/** `$31.6M`, `$120k`, `$900`: money short enough for an axis or a sentence. */
export function compactMoney(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `$${formatNumber(Math.round(x / 1e5) / 10)}M`;
  if (a >= 1e3) return `$${formatNumber(Math.round(x / 1e3))}k`;
  return `$${formatNumber(Math.round(x))}`;
}

/** The renewals slide's message: renewals decided this quarter, and next quarter's forecast with its red share. */
export function renewalsMessage(scope: Pick<QbrScope, 'renewals' | 'forecast'>, quarter: string): string {
  const r = scope.renewals;
  const decided = r.won + r.lost;
  const now = decided === 0
    ? `No renewal was decided in ${quarter}`
    : `${quarter} renewed ${formatNumber(r.won)} of ${formatNumber(decided)} decided renewals (${formatPercent(r.renewalRate)})${r.lost > 0 ? `, losing ${compactMoney(Math.abs(r.lostArr))} of net ARR` : ''}`;
  const f = scope.forecast;
  const red = f.byHealth.Red.arr;
  const next = f.count === 0
    ? `no book account renews in ${f.quarter}`
    : `${f.quarter} brings ${compactMoney(f.arr)} over ${formatNumber(f.count)} ${f.count === 1 ? 'account' : 'accounts'}, ${red > 0 ? `${compactMoney(red)} (${formatPercent(red / f.arr)}) of it red` : 'none of it red'}`;
  return `${now}; ${next}.`;
}

/** How many at-risk accounts the risk slide shows; the rest are one click away. */
export const TOP_RISKS = 10;

/** The risk slide's message: at-risk accounts and ARR, and the share the largest ten hold. */
export function risksMessage(risks: QbrScope['risks'], asOf: string): string {
  const n = risks.atRisk.length;
  if (n === 0) return `No book account is at risk as of ${asOf}.`;
  const head = `${formatNumber(n)} ${n === 1 ? 'account is' : 'accounts are'} at risk as of ${asOf}, with ${compactMoney(risks.atRiskArr)} ARR`;
  if (n <= TOP_RISKS) return `${head}.`;
  const top = risks.atRisk.slice(0, TOP_RISKS).reduce((s, r) => s + (r.arr ?? 0), 0);
  return `${head}; the ${TOP_RISKS} largest hold ${compactMoney(top)}${risks.atRiskArr > 0 ? ` (${formatPercent(top / risks.atRiskArr)})` : ''}.`;
}

/**
 * Where the metrics of a slide come from, as a footnote: recomputed as of the quarter's day, or read
 * from the stored snapshots (with their dates).
 */
export function provenanceNote(scope: Pick<QbrScope, 'metrics'>, keys: readonly MetricKey[], asOf: string, previousAsOf: string): string {
  const fromSnapshot = keys.filter((k) => scope.metrics[k].source === 'snapshot');
  const recomputed = keys.length - fromSnapshot.length;
  const parts: string[] = [];
  if (recomputed > 0) parts.push(`recomputed from dated events as of ${asOf} and ${previousAsOf}`);
  if (fromSnapshot.length > 0) {
    const dates = [...new Set(fromSnapshot.flatMap((k) => [scope.metrics[k].current, scope.metrics[k].previous].map((v) => v.snapshotAsOf).filter((d): d is string => !!d)))].sort().reverse();
    const missing = fromSnapshot.some((k) => scope.metrics[k].current.noSnapshot || scope.metrics[k].previous.noSnapshot);
    const labels = fromSnapshot.map((k) => METRIC_LABELS[k]).join(', ');
    parts.push(`† ${labels}: read from ${dates.length > 0 ? `the stored snapshots of ${dates.join(' and ')}` : 'stored snapshots'}${missing ? ' ("no snapshot" where none was stored)' : ''}`);
  }
  return `${parts.map((p, i) => (i === 0 ? p[0]!.toUpperCase() + p.slice(1) : p)).join('. ')}.`;
}

/** A short tick label for a metric's axis, in its unit. */
export function metricTick(key: MetricKey): (v: number) => string {
  switch (METRIC_UNITS[key]) {
    case 'percent':
      return (v) => formatPercent(v);
    case 'money':
      return compactMoney;
    case 'days':
      return (v) => `${formatNumber(v)} d`;
    default:
      return (v) => formatNumber(v);
  }
}

/** The alt text of a metric's trend chart: every quarter's value in words. */
export function trendSummary(key: MetricKey, points: readonly { label: string; value: number | null }[]): string {
  return `${METRIC_LABELS[key]} by quarter: ${points.map((p) => `${p.label} ${p.value === null ? 'not recorded' : formatMetric(key, p.value)}`).join(', ')}.`;
}
