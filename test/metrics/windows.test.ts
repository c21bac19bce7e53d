import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config.ts';
import { countInTrailingMonths, monthsAfter, monthsBefore, withinTrailingMonths } from '../../src/metrics/windows.ts';
import { day } from './build-tables.ts';

describe('calendar-month windows (T − N months ≤ d ≤ T)', () => {
  it('monthsBefore: same day of the month, clamped to the month end (2027-03-31 − 1 month = 2027-02-28)', () => {
    expect(monthsBefore(day('2026-11-20'), 2)).toBe(day('2026-09-20'));
    expect(monthsBefore(day('2027-03-31'), 1)).toBe(day('2027-02-28'));
    expect(monthsBefore(day('2027-03-31'), 2)).toBe(day('2027-01-31'));
    expect(monthsBefore(day('2027-03-31'), 12)).toBe(day('2026-03-31'));
  });
  it('monthsBefore: a leap day T = 2028-02-29 gives 2027-02-28 twelve months before and 2027-12-29 two months before', () => {
    expect(monthsBefore(day('2028-02-29'), 12)).toBe(day('2027-02-28'));
    expect(monthsBefore(day('2028-02-29'), 2)).toBe(day('2027-12-29'));
    expect(monthsBefore(day('2028-03-31'), 1)).toBe(day('2028-02-29'));
  });
  it('monthsAfter: clamped the same way (2027-10-31 + 4 months = 2028-02-29)', () => {
    expect(monthsAfter(day('2027-10-31'), 4)).toBe(day('2028-02-29'));
    expect(monthsAfter(day('2026-11-20'), 3)).toBe(day('2027-02-20'));
  });
  it('withinTrailingMonths: inclusive at both ends, nothing after T', () => {
    const t = day('2027-03-31');
    expect(withinTrailingMonths(day('2027-02-28'), t, 1)).toBe(true);
    expect(withinTrailingMonths(day('2027-02-27'), t, 1)).toBe(false);
    expect(withinTrailingMonths(t, t, 1)).toBe(true);
    expect(withinTrailingMonths(t + 1, t, 1)).toBe(false);
  });
  it('countInTrailingMonths: "within the last twelve months" keeps an event exactly 12 months ago, in a leap year too', () => {
    const t = day('2028-02-29');
    const dates = [day('2027-02-27'), day('2027-02-28'), day('2027-06-01'), t, t + 1];
    expect(countInTrailingMonths(dates, t, 12)).toBe(3);
    const plain = day('2026-11-20');
    expect(countInTrailingMonths([day('2025-11-19'), day('2025-11-20')], plain, 12)).toBe(1);
  });
});

describe('config: windows and targets of version 2', () => {
  it('defaults: months for the month windows, 4 highArr accounts per CSM, Strategic-only EBR and workshop targets', () => {
    const w = DEFAULT_CONFIG.windows;
    expect([w.nonEngagedMonths, w.ebrWindowMonths, w.healthStaleMonths, w.workshopCoverageP1Months, w.workshopCoverageMonths]).toEqual([2, 12, 1, 3, 12]);
    expect([w.renewalQuestionMonths, w.renewalQuestionLeadMonths, w.onboardingCohortMonths, w.adoptionPlaysMonths, w.highArrEbrWindowMonths]).toEqual([3, 4, 12, 12, 12]);
    expect(DEFAULT_CONFIG.highArrAccountsPerCsm).toBe(4);
    expect(DEFAULT_CONFIG.targets.ebrsLast30Days).toEqual({ Strategic: 1, Growth: null, Scale: null });
    expect(DEFAULT_CONFIG.targets.workshopsPerWeek).toEqual({ Strategic: 0.5, Growth: null, Scale: null });
    expect(DEFAULT_CONFIG.targets.highArrEbrCoverage).toEqual({ Strategic: 1, Growth: null, Scale: null });
    expect(DEFAULT_CONFIG.presidentsClubPoints).toEqual([50, 35, 15]);
  });
  it('rejects a range whose min is above its max, naming the key', () => {
    const r = parseConfig({ targets: { bookSize: { Strategic: { min: 21, max: 20 } } } });
    expect(r).toEqual({ ok: false, errors: ['targets.bookSize.Strategic: min (21) is above max (20)'] });
    expect(parseConfig({ targets: { bookSize: { Strategic: { min: 20, max: 20 } } } }).ok).toBe(true);
  });
  it('rejects a renewal-question window that closes before it opens, and month windows that are not whole positive numbers', () => {
    const r = parseConfig({ windows: { renewalQuestionMonths: 4, renewalQuestionLeadMonths: 4 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^windows\.renewalQuestionLeadMonths: /);
    expect(parseConfig({ windows: { renewalQuestionMonths: 2, renewalQuestionLeadMonths: 3 } }).ok).toBe(true);
    expect(parseConfig({ windows: { nonEngagedMonths: 1.5 } }).ok).toBe(false);
    expect(parseConfig({ windows: { nonEngagedMonths: 0 } }).ok).toBe(false);
    expect(parseConfig({ highArrAccountsPerCsm: 0 }).ok).toBe(false);
    expect(parseConfig({ highArrAccountsPerCsm: 5 })).toMatchObject({ ok: true, config: { highArrAccountsPerCsm: 5 } });
  });
  it('rejects the version 1 day-window keys as unknown', () => {
    const r = parseConfig({ windows: { nonEngagedDays: 60 } });
    expect(r.ok).toBe(false);
  });
});
