/**
 * Onboarding: time to value (METRICS.md). The cohort is the book accounts whose Onboarding Start
 * Date S lies in the trailing `onboardingCohortMonths` (`T − 12 months ≤ S ≤ T`); three milestones
 * are measured in days from S.
 */
import type { Config } from '../config.ts';
import { isoFromDay, type Day } from '../dates.ts';
import type { Account } from '../ingest/tables.ts';
import { ratio, result } from './status.ts';
import { datesOf, earliestOnOrAfter, type TableIndex } from './table-index.ts';
import type { MetricResult, OnboardingKey, OnboardingOutlier, OnboardingRow, OutlierReason, Target } from './types.ts';
import { monthsBefore } from './windows.ts';

export type { OnboardingKey } from './types.ts';
/** The three milestones: first engage, first value, onboarded. */
export type Milestone = 'ttfe' | 'ttfv' | 'tto';

/** Onboarding results of one scope, the cohort rows and the outliers listed on the data-quality page. */
export interface OnboardingMetrics {
  results: Record<OnboardingKey, MetricResult>;
  outliers: OnboardingOutlier[];
  cohort: OnboardingRow[];
}

interface Reached {
  day: Day;
  source: 'usage' | 'manual' | 'cta' | 'activity';
}

/** First `Cadence Call` or `Meeting` dated on or after S (and on or before T). */
function firstEngage(index: TableIndex, a: Account, start: Day, asOf: Day): Reached | null {
  const call = earliestOnOrAfter(datesOf(index, a.id, 'Cadence Call'), start);
  const meeting = earliestOnOrAfter(datesOf(index, a.id, 'Meeting'), start);
  const first = [call, meeting].filter((d): d is Day => d !== null && d <= asOf).sort((x, y) => x - y)[0];
  return first === undefined ? null : { day: first, source: 'activity' };
}

/**
 * The manual First Value Date when it is set (the CSM's entry corrects the automation; after T it is
 * not reached yet); else the first usage row on or after S (and ≤ T) at or above the threshold.
 */
function firstValue(index: TableIndex, a: Account, start: Day, asOf: Day, threshold: number): Reached | null {
  if (a.firstValueDate !== null) return a.firstValueDate <= asOf ? { day: a.firstValueDate, source: 'manual' } : null;
  for (const u of index.usageByAccount.get(a.id) ?? []) {
    if (u.date > asOf) break; // ascending: the rest does not exist yet at T
    if (u.date >= start && u.utilization >= threshold) return { day: u.date, source: 'usage' };
  }
  return null;
}

/**
 * Licence data that starts late ("if Cloud Licensing is not enabled from the outset, this automation
 * can cause invalid outliers"): no First Value Date, and the earliest license_usage row dated ≥ S
 * (and ≤ T) is more than `ttfvDays` after S. Returns that row's date, or null.
 */
function lateLicenceStart(index: TableIndex, a: Account, start: Day, asOf: Day, ttfvDays: number): Day | null {
  if (a.firstValueDate !== null) return null;
  for (const u of index.usageByAccount.get(a.id) ?? []) {
    if (u.date > asOf) return null;
    if (u.date >= start) return u.date - start > ttfvDays ? u.date : null;
  }
  return null;
}

/** Earliest Closed Date on or after S (and ≤ T) of a won Onboarding CTA; else the manual Onboarding Complete Date (if ≤ T). */
function onboarded(index: TableIndex, a: Account, start: Day, asOf: Day): Reached | null {
  let earliest: Day | null = null;
  for (const c of index.ctasByAccount.get(a.id) ?? []) {
    if (c.type !== 'Onboarding' || c.outcome !== 'won' || c.closedDate === null) continue;
    // A CTA closed after T is still open at T.
    if (c.closedDate < start || c.closedDate > asOf || c.createdDate > asOf) continue;
    if (earliest === null || c.closedDate < earliest) earliest = c.closedDate;
  }
  if (earliest !== null) return { day: earliest, source: 'cta' };
  const manual = a.onboardingCompleteDate;
  return manual !== null && manual <= asOf ? { day: manual, source: 'manual' } : null;
}

/** Median of a list of numbers (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface MilestoneTally {
  reachedIds: string[];
  reachedDays: number[];
  withinIds: string[];
  knownIds: string[];
}

const emptyTally = (): MilestoneTally => ({ reachedIds: [], reachedDays: [], withinIds: [], knownIds: [] });

/**
 * The onboarding metrics of a scope's book at T: medians and within-target rates of the three
 * milestones, the overdue count, one row per cohort account, and reached-before-start outliers.
 */
export function onboardingMetrics(book: readonly Account[], index: TableIndex, asOf: Day, config: Config): OnboardingMetrics {
  const targetDays: Record<Milestone, number> = {
    ttfe: config.targets.ttfeDays,
    ttfv: config.targets.ttfvDays,
    tto: config.targets.ttoDays,
  };
  const cohortFrom = monthsBefore(asOf, config.windows.onboardingCohortMonths);
  const tally: Record<Milestone, MilestoneTally> = { ttfe: emptyTally(), ttfv: emptyTally(), tto: emptyTally() };
  const outliers: OnboardingOutlier[] = [];
  const overdueIds: string[] = [];
  const cohort: OnboardingRow[] = [];

  for (const a of book) {
    const start = a.onboardingStart;
    if (start === null || !(cohortFrom <= start && start <= asOf)) continue;

    const reached: Record<Milestone, Reached | null> = {
      ttfe: firstEngage(index, a, start, asOf),
      ttfv: firstValue(index, a, start, asOf, config.firstValueUtilization),
      tto: onboarded(index, a, start, asOf),
    };
    const lateLicence = lateLicenceStart(index, a, start, asOf, targetDays.ttfv);
    for (const m of ['ttfe', 'ttfv', 'tto'] as const) {
      const r = reached[m];
      const t = tally[m];
      // Invalid outliers: left out of the median and the rate, listed with the reason for the data-quality page.
      const invalid: { reached: Day; reason: OutlierReason } | null =
        r && r.day < start
          ? { reached: r.day, reason: 'reached before start' }
          : m === 'ttfv' && lateLicence !== null
            ? { reached: lateLicence, reason: 'late licence data' }
            : null;
      if (invalid) {
        outliers.push({ accountId: a.id, milestone: m, start: isoFromDay(start), reached: isoFromDay(invalid.reached), reason: invalid.reason });
        continue;
      }
      if (r) {
        const d = r.day - start;
        t.reachedIds.push(a.id);
        t.reachedDays.push(d);
        t.knownIds.push(a.id);
        if (d <= targetDays[m]) t.withinIds.push(a.id);
      } else if (asOf - start > targetDays[m]) {
        t.knownIds.push(a.id);
      }
    }

    // "No onboarded date on or after S": an outlier date before S does not count as onboarded.
    const onboardedAfterStart = reached.tto !== null && reached.tto.day >= start;
    const overdue = !onboardedAfterStart && asOf - start > targetDays.tto;
    if (overdue) overdueIds.push(a.id);

    const dayOrNull = (r: Reached | null) => (r ? isoFromDay(r.day) : null);
    const daysOrNull = (r: Reached | null) => (r ? r.day - start : null);
    cohort.push({
      accountId: a.id,
      start: isoFromDay(start),
      firstEngage: dayOrNull(reached.ttfe),
      firstValue: dayOrNull(reached.ttfv),
      firstValueSource: reached.ttfv ? (reached.ttfv.source === 'usage' ? 'usage' : 'manual') : null,
      onboarded: dayOrNull(reached.tto),
      onboardedSource: reached.tto ? (reached.tto.source === 'cta' ? 'cta' : 'manual') : null,
      ttfeDays: daysOrNull(reached.ttfe),
      ttfvDays: daysOrNull(reached.ttfv),
      ttoDays: daysOrNull(reached.tto),
      overdue,
    });
  }

  const noCohort = cohort.length === 0 ? 'no onboarding started in the cohort window' : undefined;
  const medianResult = (m: Milestone): MetricResult => {
    const t = tally[m];
    const target: Target = { max: targetDays[m], label: `≤ ${targetDays[m]} days` };
    return result(median(t.reachedDays), target, t.reachedIds, [], noCohort ?? (t.reachedIds.length === 0 ? 'no cohort account reached it' : undefined));
  };
  const withinResult = (m: Milestone): MetricResult => {
    const t = tally[m];
    const value = ratio(t.withinIds.length, t.knownIds.length);
    return result(value, null, t.withinIds, t.knownIds, noCohort ?? (value === null ? 'no cohort account has a known outcome yet' : undefined));
  };

  cohort.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
  return {
    results: {
      ttfeMedianDays: medianResult('ttfe'),
      ttfeWithinTarget: withinResult('ttfe'),
      ttfvMedianDays: medianResult('ttfv'),
      ttfvWithinTarget: withinResult('ttfv'),
      ttoMedianDays: medianResult('tto'),
      ttoWithinTarget: withinResult('tto'),
      overdueOnboardingCount: result(overdueIds.length, null, overdueIds),
    },
    outliers,
    cohort,
  };
}
