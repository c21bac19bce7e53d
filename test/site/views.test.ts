import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sparkline, stackedBars } from '../../src/components/charts.ts';
import type { QualityIssue } from '../../src/ingest/quality.ts';
import { loadReport } from '../../src/report/load.ts';
import type { AccountView, ReportModel } from '../../src/report/model.ts';
import { issuesByRule } from '../../src/views/data-quality.ts';
import { explainEntries } from '../../src/views/explain.ts';
import { formatConfigValue, formatDays, formatExportTime, formatMetric, formatMoney, formatPercent } from '../../src/views/format.ts';
import { unassignedAccounts } from '../../src/views/lookup.ts';
import { managerLists } from '../../src/views/team.ts';
import { trendSeries } from '../../src/views/trends.ts';
import { accountId, makeModel } from '../fixtures/site/make-model.ts';

/** The fixture model with some accounts replaced, so each case states the facts it needs. */
function withAccounts(patch: (a: AccountView, i: number) => Partial<AccountView> | undefined): ReportModel {
  const m = makeModel();
  m.accounts = m.accounts.map((a, i) => ({ ...a, ...patch(a, i) }));
  return m;
}

describe('formatting', () => {
  it('formats percents, money and days, and null as n/a', () => {
    expect(formatPercent(0.755)).toBe('75.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('n/a');
    expect(formatMoney(1234567.8)).toBe('$1,234,568');
    expect(formatMoney(null)).toBe('n/a');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(12.5)).toBe('12.5 days');
    expect(formatDays(null)).toBe('n/a');
  });
  it('formatMetric(key, value) uses the unit of the key', () => {
    expect(formatMetric('cadenceCompliance', 0.9)).toBe('90%');
    expect(formatMetric('atRiskRenewalArr', 50000)).toBe('$50,000');
    expect(formatMetric('ttfeMedianDays', 14)).toBe('14 days');
    expect(formatMetric('callsPerWeek', 5.25)).toBe('5.3 / week');
    expect(formatMetric('bookSize', 12)).toBe('12');
    expect(formatMetric('ebrCoverage', null)).toBe('n/a');
  });
  it('formatExportTime shows minutes and the zone', () => {
    expect(formatExportTime('2026-04-07T06:02:00Z')).toBe('2026-04-07 06:02 UTC');
    expect(formatExportTime('2026-04-07T06:02:00.000Z')).toBe('2026-04-07 06:02 UTC');
    expect(formatExportTime('2026-04-07T06:02:00-08:00')).toBe('2026-04-07 06:02 UTC-08:00');
    expect(formatExportTime(null)).toBe('unknown');
  });
  it('formatConfigValue reads per-segment targets, ranges and nested windows', () => {
    expect(formatConfigValue({ Strategic: 0.75, Growth: 0.2, Scale: null }, 'percent')).toBe('Strategic: 75%; Growth: 20%; Scale: no target');
    expect(formatConfigValue({ min: 1, max: 2 }, 'number')).toBe('1 to 2');
    expect(formatConfigValue({ Strategic: { P1: 14, P2: 31 } }, 'days')).toBe('Strategic: P1: 14 days, P2: 31 days');
    expect(formatConfigValue(3, 'months')).toBe('3 months');
  });
});

describe('managerLists(model, team)', () => {
  it('orders cadence overdue P1 first, then never called, then the longest without a call', () => {
    const base = makeModel();
    const team = base.teams[0]!;
    const [a, b, c, d] = base.csms.filter((x) => team.csms.includes(x.email)).flatMap((x) => x.book);
    const m = withAccounts((acc) => {
      const facts = { ...acc.facts, cadenceOverdue: false };
      if (acc.id === a) return { name: 'A', priority: 'P2', facts: { ...facts, cadenceOverdue: true, daysSinceCadence: 90 } };
      if (acc.id === b) return { name: 'B', priority: 'P1', facts: { ...facts, cadenceOverdue: true, daysSinceCadence: 20 } };
      if (acc.id === c) return { name: 'C', priority: 'P1', facts: { ...facts, cadenceOverdue: true, daysSinceCadence: null } };
      if (acc.id === d) return { name: 'D', priority: 'P1', facts: { ...facts, cadenceOverdue: true, daysSinceCadence: 45 } };
      return { facts };
    });
    const lists = managerLists(m, m.teams[0]!);
    expect(lists.cadenceOverdue.map((r) => r.account.name)).toEqual(['C', 'D', 'B', 'A']);
    expect(lists.cadenceOverdue[0]!.owner?.name).toBe(m.csms.find((x) => x.book.includes(c!))!.name);
  });
  it('keeps each list to the team book', () => {
    const m = makeModel();
    const [t0, t1] = m.teams;
    const book0 = new Set(m.csms.filter((c) => t0!.csms.includes(c.email)).flatMap((c) => c.book));
    const lists = managerLists(m, t0!);
    for (const list of [lists.ebrOverdue, lists.misprioritized, lists.staleHealth, lists.overdueOnboarding, lists.atRiskRenewals]) {
      for (const r of list) expect(book0.has(r.account.id)).toBe(true);
    }
    expect(managerLists(m, t1!).staleHealth.some((r) => book0.has(r.account.id))).toBe(false);
  });
});

describe('unassignedAccounts(model)', () => {
  it('lists active accounts with no CSM or a CSM not in the roster, not churned ones', () => {
    const m = withAccounts((_, i) => (i === 0 ? { csmEmail: 'left.company@example.com' } : undefined));
    const ids = unassignedAccounts(m).map((a) => a.id);
    expect(ids).toContain(accountId(0));
    expect(ids).toContain(accountId(36));
    expect(ids).not.toContain(accountId(39)); // churned, no CSM
    expect(ids).not.toContain(accountId(1));
  });
});

describe('explainEntries(model, scorecard, keys, cap)', () => {
  it('splits the denominator into the numerator and the rest, sorted by name, and cuts at the cap', () => {
    const m = makeModel();
    const card = structuredClone(m.org.scorecard);
    card.ebrCoverage = { ...card.ebrCoverage, numerator: [accountId(2), accountId(1)], denominator: [accountId(1), accountId(2), accountId(3), accountId(4), accountId(5)] };
    const [e] = explainEntries(m, card, ['ebrCoverage'], 2);
    expect(e!.numerator.map((a) => a.id)).toEqual([accountId(1), accountId(2)]); // Birchwood, Cobalt
    expect(e!.restOfDenominator.map((a) => a.name)).toEqual(['Delta Mutual', 'Evergreen Foods']);
    expect(e!.restMore).toBe(1);
    expect(e!.numeratorMore).toBe(0);
  });
});

describe('trendSeries(points, key, asOf, current)', () => {
  it('appends this build after the snapshots, or replaces a snapshot of the same day', () => {
    const points = [{ asOf: '2026-11-13', values: { bookSize: 10 } }, { asOf: '2026-11-19', values: {} }];
    expect(trendSeries(points, 'bookSize', '2026-11-20', 12)).toEqual([
      { asOf: '2026-11-13', value: 10 },
      { asOf: '2026-11-19', value: null },
      { asOf: '2026-11-20', value: 12 },
    ]);
    expect(trendSeries(points, 'bookSize', '2026-11-19', 11).map((p) => p.value)).toEqual([10, 11]);
    expect(trendSeries(undefined, 'bookSize', '2026-11-20', null)).toEqual([{ asOf: '2026-11-20', value: null }]);
  });
});

describe('issuesByRule(issues, firstN)', () => {
  const issue = (rule: string, severity: QualityIssue['severity'], line: number): QualityIssue => ({ file: 'a.csv', line, column: null, value: null, rule, severity, message: '' });
  it('groups by rule, most severe first, then by count, keeping the first rows', () => {
    const groups = issuesByRule([issue('future-date', 'warning', 2), issue('future-date', 'warning', 3), issue('duplicate-key', 'error', 4), issue('future-date', 'warning', 5)], 2);
    expect(groups.map((g) => [g.rule, g.count])).toEqual([['duplicate-key', 1], ['future-date', 3]]);
    expect(groups[1]!.first.map((i) => i.line)).toEqual([2, 3]);
  });
});

describe('charts', () => {
  it('sparkline(values) leaves a gap for null and marks the last point', () => {
    const s = sparkline([1, null, 2, 3], 100, 20);
    expect(s.path.match(/M/g)).toHaveLength(2);
    expect(s.last).toEqual({ x: 97, y: 3 });
    expect(sparkline([null]).last).toBeNull();
    // A flat series sits in the middle.
    expect(sparkline([5, 5], 100, 20).last?.y).toBe(10);
  });
  it('stackedBars(rows, keys) stacks segments in key order, scaled to the largest total', () => {
    const bars = stackedBars([{ category: 'Q1', values: { a: 30, b: 10 } }, { category: 'Q2', values: { a: 20, b: 0 } }], ['a', 'b'], 200, 140, { top: 20, bottom: 20, left: 0, right: 0 });
    expect(bars[0]!.total).toBe(40);
    expect(bars[0]!.segments.map((s) => [s.key, s.height])).toEqual([['a', 75], ['b', 25]]);
    expect(bars[1]!.segments.map((s) => s.key)).toEqual(['a']);
    expect(bars[1]!.segments[0]!.height).toBe(50);
  });
});

describe('loadReport()', () => {
  const saved = process.env.REPORT_MODEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.REPORT_MODEL;
    else process.env.REPORT_MODEL = saved;
  });
  it('throws a clear error when REPORT_MODEL is unset', () => {
    delete process.env.REPORT_MODEL;
    expect(() => loadReport()).toThrow(/REPORT_MODEL is not set/);
  });
  it('reads the model once and serves the cached copy', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'model-')), 'model.json');
    writeFileSync(path, JSON.stringify({ asOf: '2026-11-20' }));
    process.env.REPORT_MODEL = path;
    const first = loadReport();
    writeFileSync(path, JSON.stringify({ asOf: '1999-01-01' }));
    expect(loadReport()).toBe(first);
    expect(first.asOf).toBe('2026-11-20');
  });
  it('reads exactly what JSON.parse reads, keys in order, whatever the strings hold', () => {
    const tricky = {
      asOf: '2026-11-20',
      'key, with: "marks" {[': ['a,b', 'c:d', '{"x": [1, 2]}', 'back\\slash \\"', 'Müller – 日本', null, 0.5, -1e-7, true],
      accounts: [{ id: '001A', name: '<img src=x onerror=alert(1)>', tags: [] }, { id: '001A', name: 'Société' }],
      nested: { deep: { deeper: [[], {}, [{ '}': ']' }]] } },
      last: '',
    };
    const path = join(mkdtempSync(join(tmpdir(), 'model-')), 'model.json');
    writeFileSync(path, JSON.stringify(tricky));
    process.env.REPORT_MODEL = path;
    const model = loadReport() as unknown as typeof tricky;
    expect(model).toStrictEqual(tricky);
    expect(Object.keys(model)).toEqual(Object.keys(tricky));
  });
});
