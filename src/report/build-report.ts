/**
 * The report model builder: indexes the tables once, computes every metric for every CSM, team and
 * the org as of T, and assembles the plain object that metrics.json and the pages read.
 */
import type { Config } from '../config.ts';
import { isoFromDay, type Day } from '../dates.ts';
import type { QualityReport } from '../ingest/quality.ts';
import type { Account, Tables } from '../ingest/tables.ts';
import { computeAccountFacts, toAccountFactsView, type AccountFactsDays } from '../metrics/account-facts.ts';
import { fiscalQuarterOf, fiscalYearOf, fiscalYearRange, quarterRange, shiftQuarter } from '../metrics/fiscal.ts';
import { onboardingMetrics } from '../metrics/onboarding.ts';
import { playsByQuarter } from '../metrics/plays.ts';
import { fiscalYearsCovered, presidentsClubGaps, presidentsClubStanding, type PresidentsClubResult } from '../metrics/presidents-club.ts';
import { ptoCoverage } from '../metrics/pto.ts';
import { upcomingRenewals } from '../metrics/renewals.ts';
import { computeScorecard, type ScoreScope } from '../metrics/scorecard.ts';
import { rollUpScorecard } from '../metrics/status.ts';
import { buildIndex, type TableIndex } from '../metrics/table-index.ts';
import { actionAccounts, weekActions } from './actions.ts';
import { actionChangesSince, changesSince, latestSnapshotOnOrBefore, snapshotOf, trendsFrom, type Snapshot } from './history.ts';
import { computeQbrs, isQuarterClosed, quartersCovered, type QbrReport, type QbrScope } from './qbr.ts';
import { METRIC_KEYS, type AccountDetail, type AccountView, type PresidentsClubEntry, type PresidentsClubStanding, type ReportModel, type Scorecard } from './model.ts';

export interface ReportInput {
  tables: Tables;
  config: Config;
  asOf: Day;
  /** Earlier snapshots (any order); the current build's own date is ignored. */
  history: readonly Snapshot[];
  quality: QualityReport;
  rejectedFiles: Record<string, string>;
  /**
   * QBR reports of closed quarters as stored by an earlier build, by quarter id: used as they are, so
   * a closed quarter's page never changes when later data arrives. Null: compute no QBRs at all.
   */
  frozenQbrs: Record<string, QbrReport> | null;
  /**
   * President's Club standings of ended fiscal years as stored by an earlier build, by fiscal year:
   * used as they are, so a closed year's final standings never change when later data arrives.
   */
  frozenPresidentsClub?: Record<string, PresidentsClubStanding>;
}

/** How many fiscal quarters of plays the model carries (the current one and the ones before). */
const PLAY_QUARTERS = 6;
const TIMELINE_LENGTH = 20;

/** Builds the whole report model for one as-of date. */
export function buildReport(input: ReportInput, index: TableIndex = buildIndex(input.tables)): ReportModel {
  const { config, asOf, history } = input;
  const asOfIso = isoFromDay(asOf);
  const startMonth = config.fiscalYearStartMonth;
  const quarter = fiscalQuarterOf(asOf, startMonth);
  const facts = accountFactsAt(index, asOf, config);
  const previousQuarter = quarterRange(shiftQuarter(quarter, -1), startMonth);
  const p1RatioAt = (scopeId: string): number | null => {
    const snap = latestSnapshotOnOrBefore(history, isoFromDay(previousQuarter.end), isoFromDay(previousQuarter.start));
    return snap?.scopes[scopeId]?.p1Ratio ?? null;
  };
  const scorecardOf = (scope: ScoreScope, scopeId: string): Scorecard => ({
    ...computeScorecard(scope, index, facts, asOf, config, p1RatioAt(scopeId)),
    ...onboardingMetrics(scope.book, index, asOf, config).results,
  });
  // A team's or the org's status is rolled up from its CSMs' statuses, never a target applied to a sum.
  const cardByCsm = new Map<string, Scorecard>();
  const rolledUp = (scope: ScoreScope, scopeId: string): Scorecard =>
    rollUpScorecard(scorecardOf(scope, scopeId), scope.csms.map((c) => cardByCsm.get(c.email)!));

  const csmSlugs = uniqueSlugs(index.csms.map((c) => [c.email, c.email.split('@')[0]!]));
  const csms = index.csms.map((c) => {
    const book = index.bookByCsm.get(c.email) ?? [];
    const scorecard = scorecardOf({ kind: 'csm', csms: [c], book }, c.email);
    cardByCsm.set(c.email, scorecard);
    return { csm: c, book, scorecard };
  });
  const standings = presidentsClubStandings(index, asOf, config, history, cardByCsm, input.frozenPresidentsClub ?? {});
  const thisYear = standings[standings.length - 1]!;

  const teamSlugs = uniqueSlugs(index.teams.map((t) => [t.leader.email, t.leader.name]));
  const teams = index.teams.map((t) => {
    const scope: ScoreScope = { kind: 'team', csms: t.csms, book: t.csms.flatMap((c) => index.bookByCsm.get(c.email) ?? []) };
    return { team: t, scope, scorecard: rolledUp(scope, t.leader.email) };
  });
  const orgBook = index.csms.flatMap((c) => index.bookByCsm.get(c.email) ?? []);
  const orgScope: ScoreScope = { kind: 'org', csms: index.csms, book: orgBook };

  const quarters = Array.from({ length: PLAY_QUARTERS }, (_, i) => shiftQuarter(quarter, i - PLAY_QUARTERS + 1));
  const emails = (list: readonly { email: string }[]) => new Set(list.map((c) => c.email));
  const onboarding = onboardingMetrics(orgBook, index, asOf, config);

  const model: ReportModel = {
    asOf: asOfIso,
    fiscalQuarter: quarter,
    fiscalYear: fiscalYearOf(asOf, startMonth),
    org: { scorecard: rolledUp(orgScope, 'org') },
    teams: teams.map(({ team, scorecard }) => ({
      slug: teamSlugs.get(team.leader.email)!,
      manager: team.leader.email,
      name: team.leader.name,
      csms: team.csms.map((c) => c.email),
      scorecard,
    })),
    csms: csms.map(({ csm, book, scorecard }) => {
      return {
        slug: csmSlugs.get(csm.email)!,
        email: csm.email,
        name: csm.name,
        manager: csm.managerEmail,
        role: csm.role,
        segment: csm.segment,
        scorecard,
        presidentsClub: thisYear.entries[csm.email]!,
        book: book.map((a) => a.id),
        actions: [],
        actionChanges: { previousAsOf: null, added: [], cleared: [] },
      };
    }),
    accounts: [...index.accounts.values()].map((a) => accountView(a, facts.get(a.id)!)),
    presidentsClub: standings,
    renewals: upcomingRenewals(orgBook, index, asOf, config),
    plays: {
      org: playsByQuarter(orgBook, emails(index.csms), index, quarters, asOf, config),
      teams: Object.fromEntries(teams.map(({ team, scope }) => [team.leader.email, playsByQuarter(scope.book, emails(team.csms), index, quarters, asOf, config)])),
    },
    onboarding: { cohort: onboarding.cohort, outliers: onboarding.outliers },
    unprioritized: orgBook.filter((a) => facts.get(a.id)!.unprioritized).map((a) => a.id).sort(),
    pto: ptoCoverage(index, asOf, config, (id) => ({ atRisk: facts.get(id)?.atRisk ?? false })),
    accountDetails: accountDetails(index, asOf),
    trends: trendsFrom(history, asOfIso),
    changes: { previousAsOf: null, turnedRed: [], becameCadenceOverdue: [], becameNonEngaged: [], enteredRenewalWindow: [] },
    quality: input.quality,
    rejectedFiles: input.rejectedFiles,
    qbr: input.frozenQbrs ? qbrReports(index, asOf, config, history, input.frozenQbrs, facts) : [],
    config,
    opportunityNames: opportunityNames(index, standings),
  };
  const inputs = actionAccounts(model.accounts, model.onboarding.cohort, index, asOf);
  for (const c of model.csms) c.actions = weekActions(c.book.map((id) => inputs.get(id)!), asOfIso, c.segment, config);
  const previous = latestSnapshotOnOrBefore(history.filter((s) => s.asOf < asOfIso), asOfIso);
  const current = snapshotOf(model, config.windows.atRiskRenewalDays);
  model.changes = changesSince(previous, current);
  for (const c of model.csms) c.actionChanges = actionChangesSince(previous, current, c.email);
  return model;
}

/**
 * President's Club standings of every fiscal year the data covers, oldest first, the year to date
 * last: an ended year as stored by an earlier build when there is one, else computed with E = its
 * last day and `greenSuccessPlans` from the latest snapshot dated in it; the year to date with
 * E = T and the scorecards' `greenSuccessPlanRate`.
 */
function presidentsClubStandings(
  index: TableIndex,
  asOf: Day,
  config: Config,
  history: readonly Snapshot[],
  cardByCsm: ReadonlyMap<string, Scorecard>,
  frozen: Record<string, PresidentsClubStanding>,
): PresidentsClubStanding[] {
  const startMonth = config.fiscalYearStartMonth;
  const current = fiscalYearOf(asOf, startMonth);
  const covered = fiscalYearsCovered(index, asOf, config, history.map((s) => s.asOf));
  const years = [...new Set([...covered, ...Object.keys(frozen).filter((y) => y < current)])].sort();
  return years.map((fiscalYear) => {
    const closed = fiscalYear !== current;
    if (closed && frozen[fiscalYear]) return frozen[fiscalYear];
    const range = fiscalYearRange(fiscalYear, startMonth);
    const snapshot = closed ? latestSnapshotOnOrBefore(history, isoFromDay(range.end), isoFromDay(range.start)) : null;
    const greenRate = (email: string) =>
      closed ? (snapshot?.scopes[email]?.greenSuccessPlanRate ?? null) : (cardByCsm.get(email)?.greenSuccessPlanRate.value ?? null);
    const club = presidentsClubStanding(index, fiscalYear, asOf, config, greenRate);
    const gaps = presidentsClubGaps(club, index);
    const entries: Record<string, PresidentsClubEntry> = {};
    for (const [email, result] of club) {
      // The year to date's greenSuccessPlans counted what the scorecard's greenSuccessPlanRate counted.
      const green = closed ? [] : (cardByCsm.get(email)?.greenSuccessPlanRate.numerator ?? []);
      entries[email] = presidentsClubEntry(result, gaps.get(email)!, green);
    }
    return { fiscalYear, asOf: isoFromDay(Math.min(range.end, asOf)), closed, entries };
  });
}

function presidentsClubEntry(result: PresidentsClubResult, gaps: PresidentsClubEntry['gaps'], green: string[]): PresidentsClubEntry {
  return { ...result, counted: { ...result.counted, greenSuccessPlans: [...green] }, gaps };
}

/** The QBR of every quarter the data covers: stored ones for closed quarters, the rest computed. */
function qbrReports(
  index: TableIndex,
  asOf: Day,
  config: Config,
  history: readonly Snapshot[],
  frozen: Record<string, QbrReport>,
  factsAtT: Map<string, AccountFactsDays>,
): QbrReport[] {
  const quarters = quartersCovered(index, asOf, config, history);
  const toCompute = quarters.filter((q) => !(frozen[q] && isQuarterClosed(q, asOf, config)));
  const computed = new Map(computeQbrs(index, toCompute, asOf, config, history, factsAtT).map((r) => [r.quarter, r]));
  return quarters.map((q) => computed.get(q) ?? withEveryMetric(frozen[q]!));
}

/**
 * A stored QBR as stored, with any metric it predates (stored before the metric existed) shown as
 * unknown rather than recomputed: a closed quarter's numbers never change.
 */
function withEveryMetric(report: QbrReport): QbrReport {
  const unknown = { source: 'event', current: { value: null, notRecorded: true }, previous: { value: null, notRecorded: true }, direction: null, assessment: null } as const;
  const complete = (scope: QbrScope): QbrScope => {
    if (METRIC_KEYS.every((k) => scope.metrics[k])) return scope;
    return { ...scope, metrics: Object.fromEntries(METRIC_KEYS.map((k) => [k, scope.metrics[k] ?? { ...unknown }])) as QbrScope['metrics'] };
  };
  return { ...report, org: complete(report.org), teams: Object.fromEntries(Object.entries(report.teams).map(([m, t]) => [m, complete(t)])) };
}

/** Per-account facts of every account as of T, computed once and shared by every scope. */
export function accountFactsAt(index: TableIndex, asOf: Day, config: Config): Map<string, AccountFactsDays> {
  const facts = new Map<string, AccountFactsDays>();
  for (const a of index.accounts.values()) facts.set(a.id, computeAccountFacts(a, index, asOf, config));
  return facts;
}

const iso = (d: Day | null) => (d === null ? null : isoFromDay(d));

function accountView(a: Account, f: AccountFactsDays): AccountView {
  return {
    id: a.id,
    name: a.name,
    csmEmail: a.csmEmail,
    status: a.status,
    arr: a.arr,
    tier: a.tier,
    priority: a.priority,
    health: a.health,
    healthUpdated: iso(a.healthUpdated),
    industry: a.industry,
    salesSegment: a.salesSegment,
    region: a.region,
    onboardingStart: iso(a.onboardingStart),
    renewalDate: iso(a.renewalDate),
    licenseUtilization: a.licenseUtilization,
    useCasesAdopted: a.useCasesAdopted,
    devSecOpsHealth: a.devSecOpsHealth,
    facts: toAccountFactsView(f),
  };
}

/** Recent activities (≤ T, newest first), CTAs and success plans per account. */
function accountDetails(index: TableIndex, asOf: Day): Record<string, AccountDetail> {
  const details: Record<string, AccountDetail> = {};
  const detail = (id: string) => (details[id] ??= { recentActivities: [], ctas: [], plans: [], opportunities: [] });
  const recent = new Map<string, Tables['activities']>();
  for (const act of index.tables.activities) {
    if (act.date > asOf) continue;
    const list = recent.get(act.accountId);
    if (list) list.push(act);
    else recent.set(act.accountId, [act]);
  }
  for (const id of [...index.accounts.keys()]) {
    const d = detail(id);
    // Newest first; activities of the same day keep the export's order (the sort is stable).
    const acts = (recent.get(id) ?? []).sort((a, b) => b.date - a.date).slice(0, TIMELINE_LENGTH);
    d.recentActivities = acts.map((a) => ({ date: isoFromDay(a.date), type: a.type, author: a.author, subject: a.subject }));
    d.ctas = (index.ctasByAccount.get(id) ?? [])
      .filter((c) => c.createdDate <= asOf)
      .map((c) => ({ id: c.id, type: c.type, name: c.name, status: c.status, outcome: c.outcome, created: isoFromDay(c.createdDate), closed: iso(c.closedDate) }))
      .sort((a, b) => (a.created > b.created ? -1 : a.created < b.created ? 1 : a.id < b.id ? -1 : 1));
    d.plans = (index.plansByAccount.get(id) ?? [])
      .map((p) => ({ id: p.id, name: p.name, status: p.status, planHealth: p.planHealth, lastUpdated: iso(p.lastUpdated) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  for (const o of index.opportunities) {
    if (!index.accounts.has(o.accountId)) continue;
    detail(o.accountId).opportunities.push({ id: o.id, name: o.name, stage: o.stage, closeDate: isoFromDay(o.closeDate), orderType: o.orderType, netArr: o.netArr });
  }
  for (const d of Object.values(details)) d.opportunities.sort((a, b) => (a.closeDate > b.closeDate ? -1 : a.closeDate < b.closeDate ? 1 : a.id < b.id ? -1 : 1));
  return details;
}

/** The names of the opportunities the President's Club standings counted, by ID, so pages show names. */
function opportunityNames(index: TableIndex, standings: readonly PresidentsClubStanding[]): Record<string, string> {
  const counted = new Set(standings.flatMap((s) => Object.values(s.entries).flatMap((e) => e.counted.netArrContribution)));
  const names: Record<string, string> = {};
  for (const o of index.opportunities) if (o.name && counted.has(o.id)) names[o.id] = o.name;
  return names;
}

/** The longest slug a page gets; longer names are cut and get a short hash of the whole name. */
const MAX_SLUG = 60;
/** Names some file systems refuse as a file or folder name (Windows' devices), whatever the extension. */
const RESERVED_SLUG = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * URL-safe slugs, unique and stable for the same input: `Jane Doe` → `jane-doe`, a clash gets `-2`.
 * A name that would make a page name the file system refuses (too long, a reserved device name) gets
 * a short stable slug: its start and a hash of the whole name. No two keys share a slug.
 */
export function uniqueSlugs(entries: readonly (readonly [string, string])[]): Map<string, string> {
  const used = new Set<string>();
  const slugs = new Map<string, string>();
  for (const [key, text] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let base =
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'x';
    if (base.length > MAX_SLUG || RESERVED_SLUG.test(base)) base = `${base.slice(0, MAX_SLUG - 9).replace(/-+$/, '')}-${hash8(text)}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

/** A short stable hash of a text (FNV-1a, 32 bits), as 8 hex digits. */
function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
