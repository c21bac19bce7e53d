import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { isoFromDay } from '../../src/dates.ts';
import type { Account, Activity, Cta, LicenseUsage, Tables } from '../../src/ingest/tables.ts';
import { median, onboardingMetrics } from '../../src/metrics/onboarding.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { AS_OF, account, activity, cta, day, person, tables, usage } from './build-tables.ts';

const T = AS_OF;

function run(accounts: Account[], more: { activities?: Activity[]; ctas?: Cta[]; licenseUsage?: LicenseUsage[] } = {}, asOf = T) {
  const t: Tables = tables({ csms: [person()], accounts, activities: more.activities ?? [], ctas: more.ctas ?? [], licenseUsage: more.licenseUsage ?? [] });
  const index = buildIndex(t);
  return onboardingMetrics(index.bookByCsm.get('csm@example.com')!, index, asOf, DEFAULT_CONFIG);
}

/** An account whose onboarding started `ago` days before T. */
const started = (ago: number, o: Partial<Account> = {}) => account({ onboardingStart: T - ago, ...o });

describe('median(values)', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([20, 3, 10])).toBe(10);
    expect(median([40, 3, 20, 10])).toBe(15);
    expect(median([])).toBeNull();
  });
});

describe('onboardingMetrics(book, index, asOf, config)', () => {
  it('cohort: an onboarding started exactly 12 months before T (2025-11-20) is in the cohort; a day earlier or after T is not', () => {
    const inside = account({ onboardingStart: day('2025-11-20') });
    const outside = account({ onboardingStart: day('2025-11-19') });
    const future = started(-1);
    const r = run([inside, outside, future, account()]);
    expect(r.cohort.map((c) => c.accountId)).toEqual([inside.id]);
  });

  it('cohort: with T = 2028-02-29 the twelve months start on 2027-02-28', () => {
    const t = day('2028-02-29');
    const inside = account({ onboardingStart: day('2027-02-28') });
    const outside = account({ onboardingStart: day('2027-02-27') });
    expect(run([inside, outside], {}, t).cohort.map((c) => c.accountId)).toEqual([inside.id]);
  });

  it('ttfeMedianDays: first Cadence Call or Meeting on or after S, median over an odd and an even count', () => {
    const a = started(100);
    const b = started(100);
    const c = started(100);
    const acts = [
      activity({ accountId: a.id, type: 'Cadence Call', date: T - 110 }), // before S: not an engagement of this onboarding
      activity({ accountId: a.id, type: 'Meeting', date: T - 97 }), // day 3
      activity({ accountId: b.id, type: 'Cadence Call', date: T - 90 }), // day 10
      activity({ accountId: b.id, type: 'EBR', date: T - 99 }), // not an engagement type
      activity({ accountId: c.id, type: 'Cadence Call', date: T - 80 }), // day 20
    ];
    const odd = run([a, b, c], { activities: acts });
    expect(odd.results.ttfeMedianDays.value).toBe(10);
    expect(odd.results.ttfeMedianDays.target?.label).toBe('≤ 14 days');
    expect(odd.results.ttfeMedianDays.numerator.sort()).toEqual([a.id, b.id, c.id].sort());
    // 2 of 3 within 14 days, all three outcomes known.
    expect(odd.results.ttfeWithinTarget.value).toBeCloseTo(2 / 3, 12);

    const d = started(100);
    const even = run([a, b, c, d], { activities: [...acts, activity({ accountId: d.id, type: 'Meeting', date: T - 60 })] }); // day 40
    expect(even.results.ttfeMedianDays.value).toBe(15);
  });

  it('ttfvWithinTarget: day 30 is within the 30-day target, day 31 is not', () => {
    const on = started(200, { firstValueDate: T - 170 }); // day 30
    const late = started(200, { firstValueDate: T - 169 }); // day 31
    const r = run([on, late]);
    expect(r.results.ttfvWithinTarget.value).toBe(0.5);
    expect(r.results.ttfvWithinTarget.numerator).toEqual([on.id]);
    expect(r.results.ttfvMedianDays.value).toBe(30.5);
  });

  it('an outcome is known when reached, or when T − S is more than the target', () => {
    const reached = started(10, { firstValueDate: T - 5 }); // day 5
    const pending = started(30); // T − S = 30: could still make day 30
    const missed = started(31); // T − S = 31: missed
    const r = run([reached, pending, missed]);
    expect(r.results.ttfvWithinTarget.value).toBe(0.5);
    expect(r.results.ttfvWithinTarget.denominator.sort()).toEqual([reached.id, missed.id].sort());
  });

  it('within-target rate is null when no outcome is known yet', () => {
    const r = run([started(3)]);
    expect(r.results.ttfvWithinTarget.value).toBeNull();
    expect(r.results.ttfvMedianDays.value).toBeNull();
  });

  it('first value comes from the first usage row ≥ S at ≥ 10% when no First Value Date is set', () => {
    const a = started(100);
    const rows = [
      usage({ accountId: a.id, date: T - 120, utilization: 0.9 }), // before S
      usage({ accountId: a.id, date: T - 95, utilization: 0.09 }), // below the threshold
      usage({ accountId: a.id, date: T - 88, utilization: 0.1 }), // day 12: first value
      usage({ accountId: a.id, date: T - 80, utilization: 0.6 }),
    ];
    const r = run([a], { licenseUsage: rows });
    expect(r.cohort[0]).toMatchObject({ firstValue: isoFromDay(T - 88), firstValueSource: 'usage', ttfvDays: 12 });
    expect(r.results.ttfvMedianDays.value).toBe(12);
  });

  it('ttfv: a manual First Value Date wins over licence data that crossed the threshold earlier or later', () => {
    const a = started(100, { firstValueDate: T - 80 }); // day 20
    const earlier = [usage({ accountId: a.id, date: T - 95, utilization: 0.5 })]; // day 5
    expect(run([a], { licenseUsage: earlier }).cohort[0]).toMatchObject({ firstValue: isoFromDay(T - 80), firstValueSource: 'manual', ttfvDays: 20 });
    const b = started(100, { firstValueDate: T - 97 }); // day 3
    const later = [usage({ accountId: b.id, date: T - 88, utilization: 0.5 })]; // day 12
    expect(run([b], { licenseUsage: later }).cohort[0]).toMatchObject({ firstValueSource: 'manual', ttfvDays: 3 });
  });

  it('ttfv: licence data starting more than 30 days after S is a late-licence outlier; starting on day 30 it is not', () => {
    const late = started(100);
    const onTime = started(100);
    const rows = [
      usage({ accountId: late.id, date: T - 120, utilization: 0.5 }), // before S: not the start of this onboarding's data
      usage({ accountId: late.id, date: T - 69, utilization: 0.5 }), // day 31: the first row on or after S
      usage({ accountId: onTime.id, date: T - 70, utilization: 0.05 }), // day 30, below the threshold
      usage({ accountId: onTime.id, date: T - 60, utilization: 0.5 }), // day 40: first value
    ];
    const r = run([late, onTime], { licenseUsage: rows });
    expect(r.outliers).toEqual([{ accountId: late.id, milestone: 'ttfv', start: isoFromDay(T - 100), reached: isoFromDay(T - 69), reason: 'late licence data' }]);
    expect(r.results.ttfvMedianDays.value).toBe(40);
    expect(r.results.ttfvWithinTarget.denominator).toEqual([onTime.id]);
  });

  it('ttfv: late licence data is no outlier when a manual First Value Date is set', () => {
    const a = started(100, { firstValueDate: T - 85 });
    const r = run([a], { licenseUsage: [usage({ accountId: a.id, date: T - 50, utilization: 0.5 })] });
    expect(r.outliers).toEqual([]);
    expect(r.cohort[0]).toMatchObject({ firstValueSource: 'manual', ttfvDays: 15 });
  });

  it('a usage row or a manual date after T has not happened yet', () => {
    const a = started(100);
    const b = started(100, { firstValueDate: T + 1 });
    const r = run([a, b], { licenseUsage: [usage({ accountId: a.id, date: T + 1, utilization: 0.8 })] });
    expect(r.cohort.map((c) => c.firstValue)).toEqual([null, null]);
    expect(r.results.ttfvWithinTarget.value).toBe(0);
    expect(r.results.ttfvMedianDays.value).toBeNull();
  });

  it('a reached date before S is listed as an outlier and left out of the median and the rate', () => {
    const bad = started(100, { firstValueDate: T - 103 });
    const good = started(100, { firstValueDate: T - 90 }); // day 10
    const r = run([bad, good]);
    expect(r.outliers).toEqual([{ accountId: bad.id, milestone: 'ttfv', start: isoFromDay(T - 100), reached: isoFromDay(T - 103), reason: 'reached before start' }]);
    expect(r.results.ttfvMedianDays.value).toBe(10);
    expect(r.results.ttfvWithinTarget.value).toBe(1);
    expect(r.results.ttfvWithinTarget.denominator).toEqual([good.id]);
  });

  it('onboarded is the earliest won Onboarding CTA closed on or after S, else the manual date', () => {
    const byCta = started(100, { onboardingCompleteDate: T - 90 });
    const byManual = started(100, { onboardingCompleteDate: T - 60 }); // day 40
    const ctas = [
      cta({ accountId: byCta.id, type: 'Onboarding', status: 'Closed Won', createdDate: T - 100, closedDate: T - 70 }), // day 30
      cta({ accountId: byCta.id, type: 'Onboarding', status: 'Completed', createdDate: T - 100, closedDate: T - 75 }), // day 25: earliest
      cta({ accountId: byManual.id, type: 'Onboarding', status: 'Closed Won', createdDate: T - 150, closedDate: T - 101 }), // before S
      cta({ accountId: byManual.id, type: 'Onboarding', status: 'Closed Lost', createdDate: T - 100, closedDate: T - 95 }), // lost
      cta({ accountId: byManual.id, type: 'Enablement', status: 'Closed Won', createdDate: T - 100, closedDate: T - 95 }), // not onboarding
    ];
    const r = run([byCta, byManual], { ctas });
    const rows = new Map(r.cohort.map((c) => [c.accountId, c]));
    expect(rows.get(byCta.id)).toMatchObject({ onboardedSource: 'cta', ttoDays: 25 });
    expect(rows.get(byManual.id)).toMatchObject({ onboardedSource: 'manual', ttoDays: 40 });
    expect(r.results.ttoMedianDays.value).toBe(32.5);
    expect(r.results.ttoMedianDays.target?.label).toBe('≤ 45 days');
  });

  it('an Onboarding CTA closed after T is still open at T', () => {
    const a = started(50);
    const r = run([a], { ctas: [cta({ accountId: a.id, type: 'Onboarding', status: 'Closed Won', createdDate: T - 50, closedDate: T + 1 })] });
    expect(r.cohort[0]).toMatchObject({ onboarded: null, overdue: true });
    expect(r.results.ttoWithinTarget.value).toBe(0);
  });

  it('overdueOnboardingCount: no onboarded date on or after S and days(S, T) > 45 (45 is not overdue, 46 is)', () => {
    const day45 = started(45);
    const day46 = started(46);
    const done = started(100, { onboardingCompleteDate: T - 10 });
    const doneBeforeStart = started(100, { onboardingCompleteDate: T - 120 });
    const r = run([day45, day46, done, doneBeforeStart]);
    expect(r.results.overdueOnboardingCount.value).toBe(2);
    expect(r.results.overdueOnboardingCount.numerator.sort()).toEqual([day46.id, doneBeforeStart.id].sort());
    expect(r.outliers.map((o) => [o.accountId, o.milestone])).toEqual([[doneBeforeStart.id, 'tto']]);
  });

  it('an empty cohort gives null medians and rates and a 0 overdue count', () => {
    const r = run([account()]);
    expect(r.results.ttfeMedianDays.value).toBeNull();
    expect(r.results.ttoWithinTarget.value).toBeNull();
    expect(r.results.overdueOnboardingCount.value).toBe(0);
    expect(r.cohort).toEqual([]);
  });
});
