import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Day } from '../../src/dates.ts';
import type { Tables } from '../../src/ingest/tables.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { metricsJson } from '../../src/report/metrics-json.ts';
import { METRIC_KEYS, type PresidentsClubStanding } from '../../src/report/model.ts';
import { account, activity, day, opportunity, person, tables } from '../metrics/build-tables.ts';

const LEAD = 'lead@example.com';
const [A, B, C] = ['a@example.com', 'b@example.com', 'c@example.com'];

function sample(): Tables {
  return tables({
    csms: [
      person({ name: 'Lee Lead', email: LEAD, role: 'Manager' }),
      person({ name: 'Ann', email: A, managerEmail: LEAD }),
      person({ name: 'Ben', email: B, managerEmail: LEAD }),
      person({ name: 'Cam', email: C, managerEmail: LEAD, role: 'Growth' }),
    ],
    accounts: [
      account({ id: 'A1', csmEmail: A, priority: 'P1', arr: 100 }),
      account({ id: 'A2', csmEmail: A, priority: null, arr: 50 }),
      account({ id: 'B1', csmEmail: B, priority: 'P2', arr: 80 }),
      account({ id: 'C1', csmEmail: C, priority: null }),
    ],
    activities: [
      // FY2026 (2025-02-01..2026-01-31): Ann holds EBRs on both accounts, Ben on none.
      activity({ accountId: 'A1', type: 'EBR', date: day('2025-06-01') }),
      activity({ accountId: 'A2', type: 'EBR', date: day('2025-07-01') }),
      activity({ accountId: 'B1', type: 'Meeting', date: day('2025-05-01') }),
    ],
  });
}

const build = (t: Tables, asOf: Day, frozenPresidentsClub?: Record<string, PresidentsClubStanding>) =>
  buildReport({ tables: t, config: DEFAULT_CONFIG, asOf, history: [], quality: { files: {}, issues: [] }, rejectedFiles: {}, frozenQbrs: null, frozenPresidentsClub });

describe("President's Club standings per fiscal year", () => {
  it("President's Club: a closed fiscal year is listed with its cut-off on its last day, beside the year to date", () => {
    const m = build(sample(), day('2026-02-10'));
    expect(m.presidentsClub.map((s) => [s.fiscalYear, s.asOf, s.closed])).toEqual([
      ['FY2026', '2026-01-31', true],
      ['FY2027', '2026-02-10', false],
    ]);
    const fy2026 = m.presidentsClub[0]!;
    expect(fy2026.entries[A]).toMatchObject({ ebrCompletion: 1, categoryPoints: { ebrCompletion: 50 }, rank: 1 });
    expect(fy2026.entries[B]).toMatchObject({ ebrCompletion: 0, categoryPoints: { ebrCompletion: 0 } });
    // No snapshot dated in FY2026: its greenSuccessPlans are unknown.
    expect(fy2026.entries[A]!.greenSuccessPlans).toBeNull();
    // The year to date is also each CSM's presidentsClub.
    expect(m.csms.find((c) => c.email === A)!.presidentsClub).toEqual(m.presidentsClub[1]!.entries[A]);
  });

  it("President's Club: a closed fiscal year's stored standings are unchanged by later data", () => {
    const first = build(sample(), day('2026-02-10'));
    const stored = JSON.parse(JSON.stringify(first.presidentsClub[0])) as PresidentsClubStanding;
    // Later, Ben's FY2026 EBRs are logged after the fact and Ann's book changes.
    const later = sample();
    later.activities.push(activity({ accountId: 'B1', type: 'EBR', date: day('2025-12-01') }));
    later.accounts.push(account({ id: 'A3', csmEmail: A }));
    const recomputed = build(later, day('2026-11-20')).presidentsClub.find((s) => s.fiscalYear === 'FY2026')!;
    expect(recomputed.entries[B]!.ebrCompletion).toBe(1);
    const frozen = build(later, day('2026-11-20'), { FY2026: stored }).presidentsClub.find((s) => s.fiscalYear === 'FY2026')!;
    expect(frozen).toEqual(stored);
    expect(frozen.entries[B]!.ebrCompletion).toBe(0);
  });

  it("President's Club: a stored year is never used for the year that contains T", () => {
    const m = build(sample(), day('2026-02-10'));
    const fake = { ...m.presidentsClub[1]!, entries: {} };
    expect(build(sample(), day('2026-02-10'), { FY2027: fake }).presidentsClub[1]!.entries[A]).toBeDefined();
  });
});

describe('report model and metrics.json of version 2', () => {
  const m = build(sample(), day('2026-11-20'));
  const json = metricsJson(m) as {
    org: { metrics: Record<string, unknown>; status: Record<string, string> };
    teams: { status: Record<string, string> }[];
    csms: { email: string; status: Record<string, string>; presidentsClub: Record<string, unknown> }[];
  };

  it('metrics.json: a status map per scope with every metric key', () => {
    for (const status of [json.org.status, json.teams[0]!.status, json.csms[0]!.status]) {
      expect(Object.keys(status)).toEqual([...METRIC_KEYS]);
      for (const s of Object.values(status)) expect(['on-target', 'watch', 'off-target', 'no-target', 'no-data']).toContain(s);
    }
  });

  it('metrics.json: the team status is rolled up from its CSMs (book sizes 2, 1 and 1: 0 of 2 Strategic CSMs on target)', () => {
    expect(json.teams[0]!.status.bookSize).toBe('off-target');
    expect(m.teams[0]!.scorecard.bookSize.target).toEqual({ label: '0 of 2 CSMs on target' });
    expect(m.org.scorecard.bookSize.rollUp).toEqual({ onTarget: 0, of: 2 });
  });

  it('metrics.json: each President’s Club entry has categoryPoints, in the order of METRICS.md', () => {
    const pc = json.csms.find((c) => c.email === A)!.presidentsClub;
    expect(Object.keys(pc)).toEqual(['fiscalYear', 'netArrContribution', 'ebrCompletion', 'greenSuccessPlans', 'adoptionPlaysWon', 'workshops', 'categoryPoints', 'points', 'rank']);
    expect(Object.keys(pc.categoryPoints as object)).toEqual(['netArrContribution', 'ebrCompletion', 'greenSuccessPlans', 'adoptionPlaysWon', 'workshops']);
  });

  it('unprioritized: book accounts with no Priority are listed for the managers and flagged per account', () => {
    expect(m.unprioritized).toEqual(['A2', 'C1']);
    expect(m.accounts.find((a) => a.id === 'A2')!.facts).toMatchObject({ unprioritized: true, cadenceInterval: 31 });
  });
});

describe('stored QBR quarters', () => {
  it('a stored closed quarter that predates a metric keeps its numbers and shows the new metric as unknown', () => {
    const input = { tables: sample(), config: DEFAULT_CONFIG, asOf: day('2026-11-20'), history: [], quality: { files: {}, issues: [] }, rejectedFiles: {} };
    const first = buildReport({ ...input, frozenQbrs: {} });
    const closed = first.qbr.find((q) => q.closed)!;
    const stored = JSON.parse(JSON.stringify(closed)) as typeof closed;
    delete (stored.org.metrics as Partial<typeof stored.org.metrics>).highArrEbrCoverage;
    stored.org.metrics.bookSize.current.value = 999; // what the earlier build stored stays as stored
    const again = buildReport({ ...input, frozenQbrs: { [closed.quarter]: stored } }).qbr.find((q) => q.quarter === closed.quarter)!;
    expect(again.org.metrics.bookSize.current.value).toBe(999);
    expect(again.org.metrics.highArrEbrCoverage).toEqual({ source: 'event', current: { value: null, notRecorded: true }, previous: { value: null, notRecorded: true }, direction: null, assessment: null });
  });
});

describe('opportunities by name in the model', () => {
  const withOpportunities = (): Tables => ({
    ...sample(),
    opportunities: [
      opportunity({ id: 'O1', accountId: 'A1', name: 'Ann expansion', netArr: 40, closeDate: day('2025-06-10') }),
      opportunity({ id: 'O2', accountId: 'A1', name: null, netArr: 10, closeDate: day('2025-09-10') }),
      opportunity({ id: 'O3', accountId: 'A2', name: 'Lost deal', stage: 'Closed Lost', netArr: 99, closeDate: day('2025-07-10') }),
      // An account outside accounts.csv: kept, counted through its CSM column, on no account page.
      opportunity({ id: 'O4', accountId: 'ZZ', name: 'Outside deal', csmEmail: B, netArr: 5, closeDate: day('2025-08-10') }),
    ],
  });

  it("opportunityNames: the names of the opportunities a President's Club standing counted, empty names left out", () => {
    const m = build(withOpportunities(), day('2026-02-10'));
    expect(m.presidentsClub[0]!.entries[A]!.counted.netArrContribution.sort()).toEqual(['O1', 'O2']);
    expect(m.opportunityNames).toEqual({ O1: 'Ann expansion', O4: 'Outside deal' });
  });

  it("accountDetails: each account's opportunities, latest close date first, the lost ones included", () => {
    const m = build(withOpportunities(), day('2026-02-10'));
    expect(m.accountDetails.A1!.opportunities.map((o) => [o.id, o.name, o.closeDate])).toEqual([
      ['O2', null, '2025-09-10'],
      ['O1', 'Ann expansion', '2025-06-10'],
    ]);
    expect(m.accountDetails.A2!.opportunities).toEqual([{ id: 'O3', name: 'Lost deal', stage: 'Closed Lost', closeDate: '2025-07-10', orderType: null, netArr: 99 }]);
    expect(m.accountDetails.ZZ).toBeUndefined();
  });
});
