import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Tables } from '../../src/ingest/tables.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import type { Snapshot } from '../../src/report/history.ts';
import { METRIC_KEYS } from '../../src/report/model.ts';
import {
  closedQuartersToFreeze,
  computeQbr,
  computeQbrs,
  EVENT_METRIC_KEYS,
  quartersCovered,
  SNAPSHOT_METRIC_KEYS,
} from '../../src/report/qbr.ts';
import { account, activity, AS_OF, cta, day, opportunity, person, tables } from '../metrics/build-tables.ts';

// Fiscal year from February: FY27-Q2 = May–Jul 2026, FY27-Q3 = Aug–Oct 2026, FY27-Q4 = Nov 2026–Jan 2027.
// AS_OF (2026-11-20) lies in FY27-Q4.
const LEAD = 'lead@example.com';
const LEAD2 = 'lead2@example.com';
const CSM = 'csm@example.com';
const CSM2 = 'csm2@example.com';

const roster = () => [
  person({ name: 'Lee Lead', email: LEAD, role: 'Manager' }),
  person({ name: 'Kim Lead', email: LEAD2, role: 'Manager' }),
  person({ name: 'Casey Csm', email: CSM, managerEmail: LEAD }),
  person({ name: 'Gale Growth', email: CSM2, managerEmail: LEAD2, role: 'Growth' }),
];

/** Two book accounts of team LEAD with EBRs on both sides of FY27-Q3's edges, one of team LEAD2. */
function ebrTables(extra: Partial<Tables> = {}): Tables {
  return tables({
    csms: roster(),
    accounts: [account({ id: 'A' }), account({ id: 'B' }), account({ id: 'G', csmEmail: CSM2 })],
    activities: [
      activity({ accountId: 'A', type: 'EBR', date: day('2026-07-31') }),
      activity({ accountId: 'A', type: 'EBR', date: day('2026-08-01') }),
      activity({ accountId: 'A', type: 'EBR', date: day('2026-10-31') }),
      activity({ accountId: 'A', type: 'EBR', date: day('2026-11-01') }),
      activity({ accountId: 'B', type: 'EBR', date: day('2026-10-31') }),
    ],
    ...extra,
  });
}

const snapshot = (asOf: string, scopes: Snapshot['scopes']): Snapshot => ({ asOf, fiscalQuarter: '', scopes, accounts: {} });

describe('computeQbr: a closed quarter', () => {
  const index = buildIndex(ebrTables());
  const qbr = computeQbr(index, 'FY27-Q3', AS_OF, DEFAULT_CONFIG, []);

  it('is shown as of its last day beside the previous quarter, and is closed', () => {
    expect(qbr).toMatchObject({
      quarter: 'FY27-Q3',
      previousQuarter: 'FY27-Q2',
      start: '2026-08-01',
      end: '2026-10-31',
      asOf: '2026-10-31',
      previousAsOf: '2026-07-31',
      closed: true,
    });
    // Teams in the index's order: by leader email.
    expect(Object.keys(qbr.teams)).toEqual([LEAD2, LEAD]);
    expect(qbr.teams[LEAD]).toMatchObject({ kind: 'team', manager: LEAD, name: 'Lee Lead' });
    expect(qbr.org).toMatchObject({ kind: 'org', manager: null, name: null });
  });

  it('recomputes an event metric at the last day: an EBR on that day counts, one the day after does not', () => {
    // Trailing 30 days of 2026-10-31: A and B on 10-31 (A's 11-01 is after the day).
    // Previous quarter, trailing 30 days of 2026-07-31: A on 07-31.
    expect(qbr.teams[LEAD]!.metrics.ebrsLast30Days).toEqual({
      source: 'event',
      current: { value: 2 },
      previous: { value: 1 },
      direction: 'up',
      // At least 1 EBR a month per Strategic CSM, more than 2 not a miss: a rise is better.
      assessment: 'better',
    });
    expect(qbr.teams[LEAD2]!.metrics.ebrsLast30Days.current.value).toBe(0);
    // EBR coverage at 2026-10-31: A and B; at 2026-07-31: A alone.
    expect(qbr.teams[LEAD]!.metrics.ebrCoverage).toMatchObject({ current: { value: 1 }, previous: { value: 0.5 }, direction: 'up', assessment: 'better' });
  });

  it('counts the EBRs held in the quarter, both edges included, per scope', () => {
    expect(qbr.teams[LEAD]!.ebrsHeld).toEqual({ count: 3, accounts: ['A', 'B'] });
    expect(qbr.org.ebrsHeld).toEqual({ count: 3, accounts: ['A', 'B'] });
    expect(qbr.teams[LEAD2]!.ebrsHeld).toEqual({ count: 0, accounts: [] });
  });

  it('does not change when a later event or a later T arrives', () => {
    const later = ebrTables();
    later.activities.push(activity({ accountId: 'B', type: 'EBR', date: day('2026-11-02') }));
    const again = computeQbr(buildIndex(later), 'FY27-Q3', day('2026-12-15'), DEFAULT_CONFIG, [
      snapshot('2026-11-01', { org: { redCount: 7 } }),
    ]);
    expect(again).toEqual(qbr);
  });

  it('is plain JSON: a stored report reads back equal', () => {
    const withSnapshot = computeQbr(index, 'FY27-Q3', AS_OF, DEFAULT_CONFIG, [snapshot('2026-10-15', { org: { redCount: 2 } })]);
    expect(JSON.parse(JSON.stringify(withSnapshot))).toStrictEqual(withSnapshot);
  });
});

describe('computeQbr: metrics from the current state', () => {
  const index = buildIndex(ebrTables());
  const history = [
    snapshot('2026-04-30', { org: { redCount: 1 } }),
    snapshot('2026-10-15', { org: { redCount: 3 }, [LEAD]: { redCount: 2 } }),
    snapshot('2026-10-31', { org: { redCount: 5 } }),
    snapshot('2026-11-01', { org: { redCount: 9 } }),
  ];
  const qbr = computeQbr(index, 'FY27-Q3', AS_OF, DEFAULT_CONFIG, history);

  it('come from the latest snapshot on or before the last day (a later one is ignored)', () => {
    expect(qbr.org.metrics.redCount.current).toEqual({ value: 5, snapshotAsOf: '2026-10-31' });
    expect(qbr.org.metrics.redCount.source).toBe('snapshot');
  });

  it('are null with noSnapshot when the quarter has no snapshot of the scope', () => {
    // The latest snapshot of the quarter (10-31) does not hold team LEAD.
    expect(qbr.teams[LEAD]!.metrics.redCount.current).toEqual({ value: null, noSnapshot: true });
    // FY27-Q2 has no snapshot: the one of 04-30 is FY27-Q1's state, not FY27-Q2's.
    expect(qbr.org.metrics.redCount.previous).toEqual({ value: null, noSnapshot: true });
    expect(qbr.org.metrics.redCount.direction).toBeNull();
    expect(qbr.org.metrics.redCount.assessment).toBeNull();
  });

  it('compare with the previous quarter when both have a snapshot', () => {
    const q4 = computeQbr(index, 'FY27-Q4', day('2027-02-10'), DEFAULT_CONFIG, [...history, snapshot('2027-01-20', { org: { redCount: 4 } })]);
    expect(q4.org.metrics.redCount).toEqual({
      source: 'snapshot',
      current: { value: 4, snapshotAsOf: '2027-01-20' },
      previous: { value: 5, snapshotAsOf: '2026-10-31' },
      direction: 'down',
      assessment: 'better',
    });
  });
});

describe('computeQbr: the current quarter', () => {
  const index = buildIndex(ebrTables());
  const qbr = computeQbr(index, 'FY27-Q4', AS_OF, DEFAULT_CONFIG, [snapshot('2026-11-01', { org: { bookSize: 40 }, [LEAD]: { bookSize: 40 } })]);

  it('is shown as of T and is not closed', () => {
    expect(qbr).toMatchObject({ quarter: 'FY27-Q4', asOf: '2026-11-20', end: '2027-01-31', closed: false, previousAsOf: '2026-10-31' });
  });

  it('recomputes event metrics at T', () => {
    // Trailing 30 days of 2026-11-20: A on 10-31 and 11-01, B on 10-31.
    expect(qbr.teams[LEAD]!.metrics.ebrsLast30Days.current).toEqual({ value: 3 });
    expect(qbr.teams[LEAD]!.metrics.ebrsLast30Days.previous).toEqual({ value: 2 });
  });

  it("takes state metrics from the tables as of T (this build's own snapshot), not an earlier snapshot", () => {
    expect(qbr.teams[LEAD]!.metrics.bookSize.current).toEqual({ value: 2, snapshotAsOf: '2026-11-20' });
    expect(qbr.org.metrics.bookSize.current).toEqual({ value: 3, snapshotAsOf: '2026-11-20' });
  });

  it('a quarter ending on T is still current; the day after, it is closed and can be frozen', () => {
    const end = day('2027-01-31');
    expect(computeQbr(index, 'FY27-Q4', end, DEFAULT_CONFIG, []).closed).toBe(false);
    expect(computeQbr(index, 'FY27-Q4', end + 1, DEFAULT_CONFIG, []).closed).toBe(true);
    expect(closedQuartersToFreeze(['FY27-Q3', 'FY27-Q4', 'FY28-Q1'], end, DEFAULT_CONFIG)).toEqual(['FY27-Q3']);
    expect(closedQuartersToFreeze(['FY27-Q3', 'FY27-Q4', 'FY28-Q1'], end + 1, DEFAULT_CONFIG)).toEqual(['FY27-Q3', 'FY27-Q4']);
  });

  it('refuses a quarter that has not started', () => {
    expect(() => computeQbr(index, 'FY28-Q1', AS_OF, DEFAULT_CONFIG, [])).toThrow(/FY28-Q1/);
  });
});

describe('computeQbr: what happened in the quarter', () => {
  const t = tables({
    csms: roster(),
    accounts: [
      account({ id: 'S1', onboardingStart: day('2026-08-01') }),
      account({ id: 'S2', onboardingStart: day('2026-07-31') }),
      account({ id: 'S3', onboardingStart: day('2026-10-31') }),
      account({ id: 'R1', health: 'Red', arr: 100, renewalDate: day('2026-11-01') }),
      account({ id: 'R2', health: 'Green', arr: 50, renewalDate: day('2027-01-31') }),
      account({ id: 'R3', health: 'Green', arr: 70, renewalDate: day('2027-02-01') }),
      account({ id: 'R4', health: 'Yellow', arr: 300, renewalDate: day('2026-10-31') }),
      account({ id: 'R5', arr: 999 }),
      account({ id: 'G1', csmEmail: CSM2, arr: 10 }),
    ],
    activities: [
      activity({ accountId: 'S1', type: 'Cadence Call', date: day('2026-08-05') }),
      activity({ accountId: 'S3', type: 'Cadence Call', date: day('2026-11-02') }),
    ],
    ctas: [
      // Open at 10-31 (closed after it): R4 is at risk on the day.
      cta({ accountId: 'R4', type: 'Risk', status: 'Closed Won', createdDate: day('2026-09-01'), closedDate: day('2026-11-05') }),
      // Created after the day: R5 is not at risk yet.
      cta({ accountId: 'R5', type: 'Risk', createdDate: day('2026-11-02') }),
      cta({ accountId: 'R2', type: 'Expansion', createdDate: day('2026-10-31') }),
      cta({ accountId: 'R3', type: 'Expansion', createdDate: day('2026-11-01') }),
    ],
    opportunities: [
      opportunity({ id: 'O1', accountId: 'R1', orderType: 'Renewal', stage: 'Closed Won', closeDate: day('2026-08-01'), netArr: 100 }),
      opportunity({ id: 'O2', accountId: 'R2', orderType: 'Renewal', stage: 'Closed Lost', closeDate: day('2026-10-31'), netArr: 40 }),
      opportunity({ id: 'O3', accountId: 'R2', orderType: 'Renewal', stage: 'Closed Won', closeDate: day('2026-11-01') }),
      opportunity({ id: 'O4', accountId: 'R2', orderType: 'Growth', stage: 'Closed Won', closeDate: day('2026-09-01') }),
      opportunity({ id: 'O5', accountId: 'R2', orderType: 'Renewal', stage: 'Negotiation', closeDate: day('2026-09-01') }),
      opportunity({ id: 'O6', accountId: 'G1', orderType: 'Renewal', stage: 'Closed Won', closeDate: day('2026-09-01'), netArr: 10 }),
    ],
  });
  const qbr = computeQbr(buildIndex(t), 'FY27-Q3', AS_OF, DEFAULT_CONFIG, []);
  const team = qbr.teams[LEAD]!;

  it('the onboarding cohort: starts within the quarter, milestones as of its last day', () => {
    expect(team.onboardingCohort.map((r) => [r.accountId, r.ttfeDays])).toEqual([
      ['S1', 4],
      ['S3', null],
    ]);
  });

  it('renewals decided in the quarter, credited to the scope', () => {
    expect(team.renewals).toMatchObject({ won: 1, lost: 1, renewalRate: 0.5, wonArr: 100, lostArr: 40 });
    expect(team.renewals.opportunities.map((o) => [o.id, o.won])).toEqual([
      ['O1', true],
      ['O2', false],
    ]);
    expect(qbr.org.renewals).toMatchObject({ won: 2, lost: 1 });
    expect(qbr.teams[LEAD2]!.renewals).toMatchObject({ won: 1, lost: 0, renewalRate: 1 });
  });

  it("next quarter's forecast by health", () => {
    expect(team.forecast).toEqual({
      quarter: 'FY27-Q4',
      count: 2,
      arr: 150,
      byHealth: { Green: { count: 1, arr: 50 }, Yellow: { count: 0, arr: 0 }, Red: { count: 1, arr: 100 }, None: { count: 0, arr: 0 } },
      accounts: ['R1', 'R2'],
    });
  });

  it('risks as of the last day, largest ARR first', () => {
    expect(team.risks.atRisk.map((r) => [r.id, r.arr, r.reasons])).toEqual([
      ['R4', 300, ['risk play']],
      ['R1', 100, ['red health']],
    ]);
    expect(team.risks.atRiskArr).toBe(400);
    expect(team.risks.red.map((r) => r.id)).toEqual(['R1']);
    expect(team.risks.redArr).toBe(100);
  });

  it('plays of the quarter, up to its last day', () => {
    expect(team.plays).toMatchObject({ quarter: 'FY27-Q3', expansionOpened: 1, expansionClosed: 0 });
  });
});

describe('the split of metric keys', () => {
  it('puts every metric key on exactly one side', () => {
    const all = [...EVENT_METRIC_KEYS, ...SNAPSHOT_METRIC_KEYS];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...METRIC_KEYS].sort());
  });
});

describe('quartersCovered', () => {
  const withActivityOn = (iso: string) =>
    buildIndex(tables({ csms: roster(), accounts: [account({ id: 'A' })], activities: [activity({ accountId: 'A', date: day(iso) })] }));

  it('runs from the quarter of the earliest activity to the current quarter', () => {
    expect(quartersCovered(withActivityOn('2026-07-31'), AS_OF, DEFAULT_CONFIG, [])).toEqual(['FY27-Q2', 'FY27-Q3', 'FY27-Q4']);
    expect(quartersCovered(withActivityOn('2026-08-01'), AS_OF, DEFAULT_CONFIG, [])).toEqual(['FY27-Q3', 'FY27-Q4']);
  });

  it('an earlier snapshot extends it back', () => {
    expect(quartersCovered(withActivityOn('2026-08-01'), AS_OF, DEFAULT_CONFIG, [snapshot('2026-04-30', {})])).toEqual([
      'FY27-Q1',
      'FY27-Q2',
      'FY27-Q3',
      'FY27-Q4',
    ]);
  });

  it('keeps the most recent `max` quarters', () => {
    expect(quartersCovered(withActivityOn('2024-01-15'), AS_OF, DEFAULT_CONFIG, [])).toEqual([
      'FY26-Q1', 'FY26-Q2', 'FY26-Q3', 'FY26-Q4', 'FY27-Q1', 'FY27-Q2', 'FY27-Q3', 'FY27-Q4',
    ]);
    expect(quartersCovered(withActivityOn('2024-01-15'), AS_OF, DEFAULT_CONFIG, [], 2)).toEqual(['FY27-Q3', 'FY27-Q4']);
  });

  it('is the current quarter alone without activity or snapshot', () => {
    expect(quartersCovered(buildIndex(tables({ csms: roster() })), AS_OF, DEFAULT_CONFIG, [])).toEqual(['FY27-Q4']);
  });
});

describe('computeQbrs', () => {
  it('gives each quarter the same report as computeQbr alone', () => {
    const index = buildIndex(ebrTables());
    const history = [snapshot('2026-10-31', { org: { redCount: 5 } })];
    const both = computeQbrs(index, ['FY27-Q3', 'FY27-Q4'], AS_OF, DEFAULT_CONFIG, history);
    expect(both).toEqual([
      computeQbr(index, 'FY27-Q3', AS_OF, DEFAULT_CONFIG, history),
      computeQbr(index, 'FY27-Q4', AS_OF, DEFAULT_CONFIG, history),
    ]);
  });
});
