import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { addMonthsToDay, dayFromIso, type Day } from '../../src/dates.ts';
import { readExports } from '../../src/ingest/read-exports.ts';
import type { Tables } from '../../src/ingest/tables.ts';
import { AS_OF, DATA_DIR } from './sample-files.ts';

const T = dayFromIso(AS_OF);
const config = { ...DEFAULT_CONFIG, columns: { accounts: { 'Account Name': 'Company Name' } } };
let tables: Tables;
beforeAll(async () => {
  const read = await readExports(DATA_DIR, config, { asOf: T });
  tables = read.tables!;
});

const CALLS_PER_WEEK: Record<string, number> = { 'Strategic Enterprise': 5, 'Strategic Commercial': 7, Growth: 10, Scale: 15 };
const csms = () => tables.csms.filter((p) => p.role in CALLS_PER_WEEK);
const book = () => tables.accounts.filter((a) => a.status === 'Active' && a.csmEmail !== null && csms().some((c) => c.email === a.csmEmail));
const segmentOf = (email: string | null) => {
  const role = tables.csms.find((p) => p.email === email)?.role;
  return role === 'Strategic Enterprise' || role === 'Strategic Commercial' ? 'Strategic' : role ?? null;
};
const datesOf = (accountId: string, type: string): Day[] =>
  tables.activities.filter((x) => x.accountId === accountId && x.type === type && x.date <= T).map((x) => x.date);

describe('the sample org is mostly healthy, with a few clear problems in every list', () => {
  it('most CSMs, not all, meet their role’s weekly cadence-call minimum over the trailing 28 days', () => {
    const recent = new Map<string, number>();
    for (const x of tables.activities) if (x.type === 'Cadence Call' && x.date > T - 28 && x.date <= T) recent.set(x.accountId, (recent.get(x.accountId) ?? 0) + 1);
    const meets = csms().map((c) => {
      const calls = book().filter((a) => a.csmEmail === c.email).reduce((n, a) => n + (recent.get(a.id) ?? 0), 0);
      return calls / 4 >= CALLS_PER_WEEK[c.role]!;
    });
    const share = meets.filter(Boolean).length / meets.length;
    expect(share).toBeGreaterThanOrEqual(0.75);
    expect(share).toBeLessThan(1);
  });

  it('a few Strategic and Growth accounts are past their cadence interval (unprioritised read as P2), most are not', () => {
    const interval = (a: Tables['accounts'][number]) => {
      const s = segmentOf(a.csmEmail);
      return s === 'Strategic' ? (a.priority === 'P1' ? 14 : 31) : s === 'Growth' ? (a.priority === 'P1' ? 31 : 92) : null;
    };
    const withInterval = book().filter((a) => interval(a) !== null);
    const overdue = withInterval.filter((a) => {
      const last = Math.max(-Infinity, ...datesOf(a.id, 'Cadence Call'));
      return T - last > interval(a)! && (a.onboardingStart === null || a.onboardingStart <= T - interval(a)!);
    });
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length / withInterval.length).toBeLessThan(0.08);
  });

  it('a few accounts are red, a few have stale health, a few have no priority, and a few have no CSM', () => {
    const accounts = book();
    const red = accounts.filter((a) => a.health === 'Red').length;
    const stale = accounts.filter((a) => a.healthUpdated === null || a.healthUpdated < addMonthsToDay(T, -1)).length;
    const unprioritised = accounts.filter((a) => a.priority === null).length;
    const unassigned = tables.accounts.filter((a) => a.status === 'Active' && a.csmEmail === null).length;
    for (const [n, most] of [[red, 0.08], [stale, 0.06], [unprioritised, 0.03]] as const) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n / accounts.length).toBeLessThan(most);
    }
    expect(unassigned).toBeGreaterThanOrEqual(3);
  });

  it('a few accounts with a P1 reason (red health, low adoption, an open risk) are left at P2', () => {
    const openRisk = new Set(tables.ctas!.filter((c) => c.type === 'Risk' && c.outcome === 'open' && c.createdDate <= T).map((c) => c.accountId));
    const mis = book().filter((a) => {
      const low = a.useCasesAdopted !== null && ((a.tier === 'Premium' && a.useCasesAdopted <= 1) || (a.tier === 'Ultimate' && a.useCasesAdopted <= 2));
      return a.priority !== 'P1' && (a.health === 'Red' || low || openRisk.has(a.id));
    });
    expect(mis.length).toBeGreaterThanOrEqual(2);
    expect(mis.length).toBeLessThanOrEqual(10);
  });

  it('nearly every eligible Strategic account has an active green success plan; a few have none or an amber one', () => {
    const eligible = book().filter((a) => segmentOf(a.csmEmail) === 'Strategic' && (a.onboardingStart === null || a.onboardingStart < T - 30));
    const active = (id: string) => tables.successPlans!.filter((p) => p.accountId === id && p.status === 'Active');
    const none = eligible.filter((a) => active(a.id).length === 0).length;
    const notGreen = eligible.filter((a) => active(a.id).length > 0 && !active(a.id).some((p) => p.planHealth === 'Green')).length;
    expect(none).toBeGreaterThanOrEqual(2);
    expect(notGreen).toBeGreaterThanOrEqual(2);
    expect((none + notGreen) / eligible.length).toBeLessThan(0.06);
  });

  it('renewal questions: most renewals of the next three months were asked 3-4 months before, some are to ask now, a few were missed', () => {
    const state = (a: Tables['accounts'][number]) => {
      const R = a.renewalDate!;
      const calls = datesOf(a.id, 'Renewal Call');
      if (calls.some((d) => d >= addMonthsToDay(R, -4) && d <= addMonthsToDay(R, -3))) return 'asked';
      if (calls.some((d) => d > addMonthsToDay(R, -3))) return 'asked late';
      return T >= addMonthsToDay(R, -4) && T <= addMonthsToDay(R, -3) ? 'ask now' : 'missed';
    };
    const upcoming = book().filter((a) => a.renewalDate !== null && a.renewalDate > T && a.renewalDate <= addMonthsToDay(T, 4));
    const states = upcoming.map(state);
    const count = (s: string) => states.filter((x) => x === s).length;
    expect(count('asked') / upcoming.length).toBeGreaterThan(0.7);
    expect(count('ask now')).toBeGreaterThanOrEqual(5);
    expect(count('missed')).toBeGreaterThanOrEqual(2);
    expect(count('missed') + count('asked late')).toBeLessThan(upcoming.length * 0.1);
  });

  it('a few onboardings of the last year are past 45 days without being onboarded', () => {
    const won = new Set(tables.ctas!.filter((c) => c.type === 'Onboarding' && c.outcome === 'won' && c.closedDate !== null && c.closedDate <= T).map((c) => c.accountId));
    const cohort = book().filter((a) => a.onboardingStart !== null && a.onboardingStart > T - 365);
    const late = cohort.filter((a) => T - a.onboardingStart! > 45 && !won.has(a.id) && (a.onboardingCompleteDate === null || a.onboardingCompleteDate > T));
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.length / cohort.length).toBeLessThan(0.2);
  });

  it('success plans have names, and names are not the ID', () => {
    const text = readFileSync(path.join(DATA_DIR, 'success_plans.csv'), 'utf8');
    expect(text.split('\n')[0]).toContain('Plan Name');
    const names = text.split('\n').slice(1).filter(Boolean).map((l) => l.split(',').at(-1)!);
    expect(names.every((n) => n !== '')).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(20);
  });
});

describe('the committed history tells a story', () => {
  const dir = path.join(DATA_DIR, 'history');
  const snapshots = readdirSync(dir)
    .filter((f) => /^\d{4}-\d\d-\d\d\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { asOf: string; scopes: Record<string, Record<string, number | null>> });
  const org = (k: string) => snapshots.map((s) => s.scopes.org![k]!);

  it('holds the eight fiscal quarter ends before the as-of date, the day before it and the as-of date', () => {
    expect(snapshots.map((s) => s.asOf)).toEqual(['2025-01-31', '2025-04-30', '2025-07-31', '2025-10-31', '2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31', '2026-11-19', '2026-11-20']);
  });

  it('the P1 ratio falls over the last year; success-plan coverage and the call rhythm rise; red accounts peak in between', () => {
    const p1 = org('p1Ratio');
    expect(p1[0]! - p1.at(-1)!).toBeGreaterThan(0.08);
    const plans = org('successPlanCoverage');
    expect(plans.at(-1)! - plans[0]!).toBeGreaterThan(0.2);
    const calls = org('callsPerWeek');
    expect(calls.at(-1)! / calls[0]!).toBeGreaterThan(1.3);
    const red = org('redCount');
    expect(Math.max(...red)).toBeGreaterThan(1.5 * Math.max(red[0]!, red.at(-1)!));
  });
});
