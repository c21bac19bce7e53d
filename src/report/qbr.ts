/**
 * QBR quarters (METRICS.md "History and quarters"): for a fiscal quarter Q, the org and every team
 * as of the last day of Q (or T for the current quarter) beside the previous quarter, with what
 * happened in Q: the onboarding cohort, EBRs held, plays, renewals, next quarter's forecast and risks.
 *
 * Metrics from dated events are recomputed with T = that day; metrics from the current state come
 * from the latest snapshot of that day's quarter on or before that day. The result is plain JSON
 * and depends only on the arguments, so the build can store a closed quarter's report and reuse it.
 */
import type { Config } from '../config.ts';
import { dayFromIso, isoFromDay, type Day } from '../dates.ts';
import type { Account, Opportunity } from '../ingest/tables.ts';
import { fiscalQuarterOf, quarterRange, shiftQuarter } from '../metrics/fiscal.ts';
import { onboardingMetrics } from '../metrics/onboarding.ts';
import { playsByQuarter } from '../metrics/plays.ts';
import { upcomingRenewals } from '../metrics/renewals.ts';
import { ratio } from '../metrics/status.ts';
import { computeScorecard, type ScoreScope } from '../metrics/scorecard.ts';
import { countInWindow, creditedCsm, datesOf, type Csm, type TableIndex } from '../metrics/table-index.ts';
import type { AccountFactsDays } from '../metrics/account-facts.ts';
import { accountFactsAt } from './build-report.ts';
import { latestSnapshotOnOrBefore, type Snapshot } from './history.ts';
import { METRIC_KEYS, type MetricKey, type MetricResult, type OnboardingRow, type PlayQuarter } from './model.ts';

export * from './qbr-types.ts';
import { HIGHER_IS_BETTER, SNAPSHOT_METRIC_KEYS, type QbrMetric, type QbrRenewal, type QbrReport, type QbrRiskAccount, type QbrScope, type QbrValue } from './qbr-types.ts';

const SNAPSHOT_KEYS: ReadonlySet<MetricKey> = new Set(SNAPSHOT_METRIC_KEYS);
interface ScopeDef {
  kind: 'org' | 'team';
  id: string;
  manager: string | null;
  name: string | null;
  scope: ScoreScope;
  csmEmails: ReadonlySet<string>;
}

/** Every scope's scorecard and onboarding at one day, from one pass of account facts. */
interface DayMetrics {
  day: Day;
  facts: Map<string, AccountFactsDays>;
  perScope: Map<string, { card: Record<MetricKey, MetricResult>; cohort: OnboardingRow[] }>;
}

/** The quarter ended before T (a quarter ending on T is still the current one). */
export function isQuarterClosed(quarter: string, asOf: Day, config: Config): boolean {
  return quarterRange(quarter, config.fiscalYearStartMonth).end < asOf;
}

/** The quarters of a list whose report can be frozen: those that ended before T. */
export function closedQuartersToFreeze(quarters: readonly string[], asOf: Day, config: Config): string[] {
  return quarters.filter((q) => isQuarterClosed(q, asOf, config));
}

/**
 * The quarters a QBR can be shown for, oldest first: from the quarter of the earliest activity (on or
 * before T) or snapshot up to the current quarter, the most recent `max` of them.
 */
export function quartersCovered(index: TableIndex, asOf: Day, config: Config, history: readonly Snapshot[], max = 8): string[] {
  let earliest = asOf;
  for (const perType of index.activityDates.values()) {
    // Each list is ascending: its first date is the account's earliest of that type.
    for (const dates of Object.values(perType)) if (dates.length > 0) earliest = Math.min(earliest, dates[0]!);
  }
  for (const s of history) earliest = Math.min(earliest, dayFromIso(s.asOf));
  const first = fiscalQuarterOf(earliest, config.fiscalYearStartMonth);
  const quarters: string[] = [];
  for (let q = fiscalQuarterOf(asOf, config.fiscalYearStartMonth); quarters.length < max; q = shiftQuarter(q, -1)) {
    quarters.push(q);
    if (q === first) break;
  }
  return quarters.reverse();
}

/** The QBR of `quarter` as of T; throws for a quarter that has not started by T. */
export function computeQbr(index: TableIndex, quarter: string, asOf: Day, config: Config, history: readonly Snapshot[]): QbrReport {
  return computeQbrs(index, [quarter], asOf, config, history)[0]!;
}

/**
 * The QBRs of several quarters as of T, each equal to its `computeQbr`: the days they share (a
 * quarter's end is the next one's "previous") and the plays are computed once. `factsAtT`, the
 * account facts as of T when the caller has them, saves computing them again.
 */
export function computeQbrs(
  index: TableIndex,
  quarters: readonly string[],
  asOf: Day,
  config: Config,
  history: readonly Snapshot[],
  factsAtT?: Map<string, AccountFactsDays>,
): QbrReport[] {
  for (const q of quarters) {
    if (quarterRange(q, config.fiscalYearStartMonth).start > asOf) throw new Error(`${q} starts after the as-of date ${isoFromDay(asOf)}`);
  }
  const scopes = scopeDefs(index);
  const days = new Map<Day, DayMetrics>();
  const dayMetricsOf = (day: Day): DayMetrics => {
    let at = days.get(day);
    if (!at) days.set(day, (at = dayMetrics(index, scopes, day, config, day === asOf ? factsAtT : undefined)));
    return at;
  };
  // Plays are counted per quarter up to T, so one call per scope serves every quarter.
  const plays = new Map(scopes.map((def) => [def.id, playsByQuarter(def.scope.book, def.csmEmails, index, quarters, asOf, config)]));
  return quarters.map((quarter, i) => qbrOf(index, scopes, quarter, asOf, config, history, dayMetricsOf, (id) => plays.get(id)![i]!));
}

function qbrOf(
  index: TableIndex,
  scopes: readonly ScopeDef[],
  quarter: string,
  asOf: Day,
  config: Config,
  history: readonly Snapshot[],
  dayMetricsOf: (day: Day) => DayMetrics,
  playsOf: (scopeId: string) => PlayQuarter,
): QbrReport {
  const startMonth = config.fiscalYearStartMonth;
  const range = quarterRange(quarter, startMonth);
  const previousQuarter = shiftQuarter(quarter, -1);
  const previousRange = quarterRange(previousQuarter, startMonth);
  const day = Math.min(range.end, asOf);

  const now = dayMetricsOf(day);
  const before = dayMetricsOf(previousRange.end);
  const snapshotNow = latestSnapshotOnOrBefore(history, isoFromDay(day), isoFromDay(range.start));
  const snapshotBefore = latestSnapshotOnOrBefore(history, isoFromDay(previousRange.end), isoFromDay(previousRange.start));
  const renewalsByCsm = renewalsDecided(index, range.start, day);

  const qbrScope = (def: ScopeDef): QbrScope => {
    const current = (key: MetricKey) => valueAt(key, def.id, now, snapshotNow, asOf);
    const previous = (key: MetricKey) => valueAt(key, def.id, before, snapshotBefore, asOf);
    const book = def.scope.book;
    return {
      kind: def.kind,
      manager: def.manager,
      name: def.name,
      metrics: Object.fromEntries(METRIC_KEYS.map((k) => [k, compare(k, current(k), previous(k))])) as Record<MetricKey, QbrMetric>,
      onboardingCohort: now.perScope.get(def.id)!.cohort.filter((row) => dayFromIso(row.start) >= range.start),
      ebrsHeld: ebrsHeld(index, book, range.start, day),
      plays: playsOf(def.id),
      renewals: renewalsOf(def.csmEmails, renewalsByCsm),
      // As of the quarter's last day, the quarter after it is the second of the renewal view.
      forecast: upcomingRenewals(book, index, day, config)[1]!,
      risks: risksOf(book, now.facts),
    };
  };

  const [org, ...teams] = scopes.map(qbrScope);
  return {
    quarter,
    previousQuarter,
    start: isoFromDay(range.start),
    end: isoFromDay(range.end),
    asOf: isoFromDay(day),
    previousAsOf: isoFromDay(previousRange.end),
    closed: range.end < asOf,
    org: org!,
    teams: Object.fromEntries(teams.map((t) => [t.manager!, t])),
  };
}

/** The org first, then the teams in index order (by leader email). */
function scopeDefs(index: TableIndex): ScopeDef[] {
  const emails = (csms: readonly Csm[]) => new Set(csms.map((c) => c.email));
  const bookOf = (csms: readonly Csm[]) => csms.flatMap((c) => index.bookByCsm.get(c.email) ?? []);
  return [
    { kind: 'org', id: 'org', manager: null, name: null, scope: { kind: 'org', csms: index.csms, book: bookOf(index.csms) }, csmEmails: emails(index.csms) },
    ...index.teams.map(
      (t): ScopeDef => ({
        kind: 'team',
        id: t.leader.email,
        manager: t.leader.email,
        name: t.leader.name,
        scope: { kind: 'team', csms: t.csms, book: bookOf(t.csms) },
        csmEmails: emails(t.csms),
      }),
    ),
  ];
}

/**
 * Facts once for the day, then each scope's scorecard and onboarding from them. The books are
 * today's (the exports hold only an account's current CSM and status), recomputed at that day.
 */
function dayMetrics(index: TableIndex, scopes: readonly ScopeDef[], day: Day, config: Config, known?: Map<string, AccountFactsDays>): DayMetrics {
  const facts = known ?? accountFactsAt(index, day, config);
  const perScope = new Map<string, { card: Record<MetricKey, MetricResult>; cohort: OnboardingRow[] }>();
  for (const def of scopes) {
    // The previous-quarter p1Ratio only sets the p1Ratio status, which a QBR does not show.
    const card = computeScorecard(def.scope, index, facts, day, config, null);
    const onboarding = onboardingMetrics(def.scope.book, index, day, config);
    perScope.set(def.id, { card: { ...card, ...onboarding.results }, cohort: onboarding.cohort });
  }
  return { day, facts, perScope };
}

/**
 * A metric of a scope at a day: event metrics from the recomputed scorecard; snapshot metrics from
 * the snapshot given, except on T itself, where the state is the tables' own (the snapshot this
 * build stores), not an earlier build's.
 */
function valueAt(key: MetricKey, scopeId: string, at: DayMetrics, snapshot: Snapshot | null, asOf: Day): QbrValue {
  const recomputed = at.perScope.get(scopeId)!.card[key].value;
  if (!SNAPSHOT_KEYS.has(key)) return { value: recomputed };
  if (at.day === asOf) return { value: recomputed, snapshotAsOf: isoFromDay(asOf) };
  const values = snapshot?.scopes[scopeId];
  if (!snapshot || !values) return { value: null, noSnapshot: true };
  return { value: values[key] ?? null, snapshotAsOf: snapshot.asOf };
}

function compare(key: MetricKey, current: QbrValue, previous: QbrValue): QbrMetric {
  const [a, b] = [current.value, previous.value];
  const direction = a === null || b === null ? null : a > b ? 'up' : a < b ? 'down' : 'same';
  const higher = HIGHER_IS_BETTER[key];
  const assessment = direction === null || direction === 'same' || higher === null ? null : (direction === 'up') === higher ? 'better' : 'worse';
  return { source: SNAPSHOT_KEYS.has(key) ? 'snapshot' : 'event', current, previous, direction, assessment };
}

/** EBR activities on the book dated in [start, end]. */
function ebrsHeld(index: TableIndex, book: readonly Account[], start: Day, end: Day): QbrScope['ebrsHeld'] {
  let count = 0;
  const accounts: string[] = [];
  for (const a of book) {
    // countInWindow is exclusive at its lower end; start − 1 makes the window [start, end].
    const n = countInWindow(datesOf(index, a.id, 'EBR'), start - 1, end);
    if (n === 0) continue;
    count += n;
    accounts.push(a.id);
  }
  return { count, accounts: accounts.sort() };
}

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

/** Renewal opportunities closed won or lost in [start, end], by the CSM they count for (one pass). */
function renewalsDecided(index: TableIndex, start: Day, end: Day): Map<string, QbrRenewal[]> {
  const decided: QbrRenewal[] = [];
  for (const o of index.opportunities) {
    if (o.closeDate < start || o.closeDate > end || norm(o.orderType) !== 'renewal') continue;
    const stage = norm(o.stage);
    if (stage !== 'closed won' && stage !== 'closed lost') continue;
    const csm = creditedCsm(o, index.accounts);
    if (csm !== null) decided.push(renewalRow(o, csm, stage === 'closed won'));
  }
  const byCsm = new Map<string, QbrRenewal[]>();
  for (const r of decided) {
    const list = byCsm.get(r.csmEmail);
    if (list) list.push(r);
    else byCsm.set(r.csmEmail, [r]);
  }
  return byCsm;
}

function renewalRow(o: Opportunity, csmEmail: string, won: boolean): QbrRenewal {
  return { id: o.id, accountId: o.accountId, name: o.name, closeDate: isoFromDay(o.closeDate), netArr: o.netArr, csmEmail, won };
}

function renewalsOf(csmEmails: ReadonlySet<string>, byCsm: Map<string, QbrRenewal[]>): QbrScope['renewals'] {
  const opportunities = [...csmEmails]
    .flatMap((e) => byCsm.get(e) ?? [])
    .sort((x, y) => (x.closeDate < y.closeDate ? -1 : x.closeDate > y.closeDate ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let [won, lost, wonArr, lostArr] = [0, 0, 0, 0];
  for (const o of opportunities) {
    if (o.won) [won, wonArr] = [won + 1, wonArr + (o.netArr ?? 0)];
    else [lost, lostArr] = [lost + 1, lostArr + (o.netArr ?? 0)];
  }
  return { won, lost, renewalRate: ratio(won, won + lost), wonArr, lostArr, opportunities };
}

/**
 * At-risk and red-health book accounts as of the day. Open Risk CTAs are read at the day; Health is
 * the tables' state, which for a closed quarter is the state of the build that stored its report.
 */
function risksOf(book: readonly Account[], facts: Map<string, AccountFactsDays>): QbrScope['risks'] {
  const row = (a: Account): QbrRiskAccount => {
    const reasons: string[] = [];
    if (a.health === 'Red') reasons.push('red health');
    if (facts.get(a.id)?.openCtaTypes.has('Risk')) reasons.push('risk play');
    return { id: a.id, name: a.name, csmEmail: a.csmEmail, arr: a.arr, reasons };
  };
  const byArr = (x: QbrRiskAccount, y: QbrRiskAccount) => (y.arr ?? 0) - (x.arr ?? 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const sum = (list: readonly QbrRiskAccount[]) => list.reduce((s, r) => s + (r.arr ?? 0), 0);
  const atRisk = book.filter((a) => facts.get(a.id)?.atRisk).map(row).sort(byArr);
  const red = book.filter((a) => a.health === 'Red').map(row).sort(byArr);
  return { atRisk, atRiskArr: sum(atRisk), red, redArr: sum(red) };
}
