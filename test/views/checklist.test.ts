/** The review checklist's lists, each on both sides of its rule, on the fixture model with hand-set accounts. */
import { describe, expect, it } from 'vitest';
import type { OnboardingRow, ReportModel } from '../../src/report/model.ts';
import {
  assignmentCheck, checklistOf, checklistSummary, milestoneStatus, onboardingCheck, orgScope, renewalCheck, successPlanCheck, teamScope, triageCheck,
} from '../../src/views/checklist.ts';
import { checklistTables, listCsv } from '../../src/views/checklist-tables.ts';
import { csvText } from '../../src/views/csv.ts';
import { perCsmTargetText, rollUpText } from '../../src/views/roll-up.ts';
import { accountId, AS_OF, makeModel } from '../fixtures/site/make-model.ts';

const ids = (rows: { account: { id: string } }[]): string[] => rows.map((r) => r.account.id);
const account = (m: ReportModel, i: number) => m.accounts.find((a) => a.id === accountId(i))!;

function cohortRow(start: string, over: Partial<OnboardingRow> = {}): OnboardingRow {
  return {
    accountId: accountId(1), start, firstEngage: null, firstValue: null, firstValueSource: null, onboarded: null, onboardedSource: null,
    ttfeDays: null, ttfvDays: null, ttoDays: null, overdue: false, ...over,
  };
}

describe('milestoneStatus', () => {
  // T = 2026-11-20; a start on 2026-11-06 is 14 days before T.
  it('first engage on day 14 of a 14-day target is on time; on day 15 it is late', () => {
    const onTime = milestoneStatus(AS_OF, cohortRow('2026-10-01', { firstEngage: '2026-10-15', ttfeDays: 14 }), 'ttfe', 14, null);
    expect(onTime).toEqual({ state: 'on time', dueDate: '2026-10-15', reached: '2026-10-15', days: 14, reason: null });
    const late = milestoneStatus(AS_OF, cohortRow('2026-10-01', { firstEngage: '2026-10-16', ttfeDays: 15 }), 'ttfe', 14, null);
    expect(late.state).toBe('late');
  });

  it('not reached 14 days after the start is still due (by the start + 14); 15 days after it is overdue', () => {
    expect(milestoneStatus(AS_OF, cohortRow('2026-11-06'), 'ttfe', 14, null)).toEqual({ state: 'due', dueDate: '2026-11-20', reached: null, days: null, reason: null });
    expect(milestoneStatus(AS_OF, cohortRow('2026-11-05'), 'ttfe', 14, null)).toMatchObject({ state: 'overdue', dueDate: '2026-11-19' });
  });

  it('reads each milestone from its own columns: first value and onboarded', () => {
    const row = cohortRow('2026-09-01', { firstValue: '2026-10-01', ttfvDays: 30, onboarded: '2026-10-17', ttoDays: 46 });
    expect(milestoneStatus(AS_OF, row, 'ttfv', 30, null).state).toBe('on time');
    expect(milestoneStatus(AS_OF, row, 'tto', 45, null).state).toBe('late');
  });

  it('an invalid outlier says so, with its reason, whatever its date', () => {
    const s = milestoneStatus(AS_OF, cohortRow('2026-09-01', { firstValue: '2026-08-01', ttfvDays: -31 }), 'ttfv', 30, 'reached before start');
    expect(s).toMatchObject({ state: 'invalid', reason: 'reached before start' });
  });
});

describe('onboardingCheck', () => {
  it('lists the cohort accounts of the team book only, oldest start first, with the outlier marked', () => {
    const m = makeModel();
    const [t0, t1] = m.teams;
    const team0 = new Set(teamScope(m, t0!).book.map((a) => a.id));
    const rows = onboardingCheck(m, teamScope(m, t0!));
    const expected = m.onboarding.cohort.filter((o) => team0.has(o.accountId));
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(ids(rows))).toEqual(new Set(expected.map((o) => o.accountId)));
    expect(rows.map((r) => r.start)).toEqual([...rows.map((r) => r.start)].sort());
    expect(ids(onboardingCheck(m, teamScope(m, t1!))).some((id) => team0.has(id))).toBe(false);
    // Account 7 (team 0) has a first value reached before its start.
    const seven = rows.find((r) => r.account.id === accountId(7));
    if (seven) expect(seven.milestones.ttfv.state).toBe('invalid');
  });
});

describe('successPlanCheck', () => {
  // Team 0's eligible accounts are set by hand: 0 (no plan), 1 (not green), 2 (stale by a day),
  // 3 (updated exactly 3 months before T: fresh), 4 (never updated), 5 (green and fresh).
  function planModel(): ReportModel {
    const m = makeModel();
    const card = m.teams[0]!.scorecard;
    const eligible = [0, 1, 2, 3, 4, 5].map(accountId);
    card.successPlanCoverage = { ...card.successPlanCoverage, value: 5 / 6, numerator: eligible.slice(1), denominator: eligible };
    card.greenSuccessPlanRate = { ...card.greenSuccessPlanRate, value: 4 / 6, numerator: [2, 3, 4, 5].map(accountId), denominator: eligible };
    const plan = (i: number, lastUpdated: string | null, planHealth: 'Green' | 'Yellow') => {
      m.accountDetails[accountId(i)]!.plans = [{ id: `SP-${i}`, name: `Plan ${i}`, status: 'Active', planHealth, lastUpdated }];
    };
    m.accountDetails[accountId(0)]!.plans = [{ id: 'SP-0', name: 'Draft', status: 'Draft', planHealth: null, lastUpdated: '2026-01-01' }];
    plan(1, '2026-11-01', 'Yellow');
    plan(2, '2026-08-19', 'Green');
    plan(3, '2026-08-20', 'Green');
    plan(4, null, 'Green');
    plan(5, '2026-11-19', 'Green');
    return m;
  }

  it('lists no active plan, not green and stale; a plan updated exactly 3 months ago is fresh', () => {
    const m = planModel();
    const check = successPlanCheck(m, teamScope(m, m.teams[0]!));
    expect(check.staleBefore).toBe('2026-08-20');
    expect(check.eligible).toBe(6);
    expect(check.rows.map((r) => [r.account.id, r.problems])).toEqual([
      [accountId(0), ['no active plan']],
      [accountId(4), ['stale']],
      [accountId(2), ['stale']],
      [accountId(1), ['not green']],
    ]);
    expect(check.rows[0]!.plans).toEqual([]);
    expect(check.rows[0]!.owner?.name).toBe('Alex Moreno');
  });

  it('leaves out accounts that are not eligible (not in the coverage denominator)', () => {
    const m = planModel();
    const check = successPlanCheck(m, teamScope(m, m.teams[0]!));
    expect(ids(check.rows)).not.toContain(accountId(6));
  });

  it('says why there is no list when the plans file is missing', () => {
    const m = makeModel();
    const card = m.teams[0]!.scorecard;
    card.successPlanCoverage = { ...card.successPlanCoverage, value: null, numerator: [], denominator: [], note: 'success_plans.csv not supplied' };
    const check = successPlanCheck(m, teamScope(m, m.teams[0]!));
    expect(check.note).toBe('success_plans.csv not supplied');
    expect(check.rows).toEqual([]);
  });

  it('the stale window is the config value', () => {
    const m = planModel();
    m.config = { ...m.config, windows: { ...m.config.windows, successPlanStaleMonths: 6 } };
    const check = successPlanCheck(m, teamScope(m, m.teams[0]!));
    expect(check.staleBefore).toBe('2026-05-20');
    expect(check.rows.map((r) => r.account.id)).toEqual([accountId(0), accountId(4), accountId(1)]);
  });
});

describe('triageCheck', () => {
  it('lists healthStale accounts (never updated first) and Red accounts (largest ARR first) of the scope book', () => {
    const m = makeModel();
    for (const a of m.accounts) {
      a.facts.healthStale = false;
      if (a.health === 'Red') a.health = 'Yellow';
    }
    Object.assign(account(m, 1), { healthUpdated: null });
    account(m, 1).facts.healthStale = true;
    Object.assign(account(m, 2), { healthUpdated: '2026-10-19' });
    account(m, 2).facts.healthStale = true;
    Object.assign(account(m, 3), { healthUpdated: '2026-10-20' }); // exactly a month ago: fresh (the fact says so)
    Object.assign(account(m, 4), { health: 'Red', arr: 100 });
    Object.assign(account(m, 5), { health: 'Red', arr: 900 });
    Object.assign(account(m, 20), { health: 'Red', arr: 5000 }); // team 1
    account(m, 20).facts.healthStale = true;
    const check = triageCheck(m, teamScope(m, m.teams[0]!));
    expect(ids(check.staleHealth)).toEqual([accountId(1), accountId(2)]);
    expect(ids(check.red)).toEqual([accountId(5), accountId(4)]);
    const org = triageCheck(m, orgScope(m));
    expect(ids(org.red)).toEqual([accountId(20), accountId(5), accountId(4)]);
    expect(org.red[0]!.team).toBe('Priya Raman');
  });
});

describe('assignmentCheck', () => {
  it('lists active accounts with no CSM or one not in the roster, not churned ones; and the unknown-csm warnings of accounts.csv', () => {
    const m = makeModel();
    account(m, 37).csmEmail = 'gone@example.com';
    m.quality.issues.push(
      { file: 'accounts.csv', line: 41, column: 'CSM', value: 'gone@example.com', rule: 'unknown-csm', severity: 'warning', message: 'x' },
      { file: 'opportunities.csv', line: 3, column: 'CSM', value: 'Someone', rule: 'unknown-person', severity: 'warning', message: 'y' },
    );
    const check = assignmentCheck(m);
    expect(new Set(ids(check.unassigned))).toEqual(new Set([36, 37, 38].map(accountId)));
    expect(ids(check.unassigned)).not.toContain(accountId(39));
    expect(check.rosterWarnings).toEqual([{ value: 'gone@example.com', line: 41 }]);
  });
});

describe('renewalCheck', () => {
  it('a team lists its book renewals only; the org lists unassigned renewals too', () => {
    const m = makeModel();
    const team0 = new Set(teamScope(m, m.teams[0]!).book.map((a) => a.id));
    const teamRows = renewalCheck(m, teamScope(m, m.teams[0]!)).rows;
    const all = m.renewals.slice(0, 3).flatMap((q) => q.accounts);
    expect(m.renewals[3]!.accounts.length).toBeGreaterThan(0);
    expect(ids(renewalCheck(m, orgScope(m)).rows)).not.toContain(m.renewals[3]!.accounts[0]);
    expect(new Set(ids(teamRows))).toEqual(new Set(all.filter((id) => team0.has(id))));
    const orgRows = renewalCheck(m, orgScope(m)).rows;
    expect(orgRows.length).toBe(all.length);
    expect(ids(orgRows).some((id) => [36, 37, 38].map(accountId).includes(id))).toBe(all.some((id) => [36, 37, 38].map(accountId).includes(id)));
  });

  it('shows the question state of the model, and before the window opens "not yet" with the window (months clamped)', () => {
    const m = makeModel();
    const q = m.renewals.find((x) => x.accounts.length >= 2)!;
    const [a, b] = [account(m, m.accounts.findIndex((x) => x.id === q.accounts[0])), account(m, m.accounts.findIndex((x) => x.id === q.accounts[1]))];
    a.facts.renewalQuestion = 'ask now';
    a.facts.renewalQuestionWindow = { from: '2026-11-10', to: '2026-12-10' };
    b.renewalDate = '2027-05-31';
    b.facts.renewalQuestion = null;
    b.facts.renewalQuestionWindow = null;
    const rows = renewalCheck(m, orgScope(m)).rows;
    expect(rows.find((r) => r.account.id === a.id)).toMatchObject({ question: 'ask now', window: { from: '2026-11-10', to: '2026-12-10' } });
    expect(rows.find((r) => r.account.id === b.id)).toMatchObject({ question: 'not yet', window: { from: '2027-01-31', to: '2027-02-28' } });
  });
});

describe('checklistSummary', () => {
  it('counts each list, and this quarter apart from the next two', () => {
    const m = makeModel();
    const c = checklistOf(m, teamScope(m, m.teams[1]!));
    const s = Object.fromEntries(checklistSummary(c).map((x) => [x.id, x.counts.map((n) => n.count)]));
    expect(s.assignment).toEqual([3]);
    expect(s.onboarding![0]).toBe(c.onboarding.length);
    expect(s.triage).toEqual([c.triage.staleHealth.length, c.triage.red.length]);
    expect(s.renewals![0]! + s.renewals![1]!).toBe(c.renewals.rows.length);
    expect(s.renewals![0]).toBe(c.renewals.rows.filter((r) => r.quarter === m.renewals[0]!.quarter).length);
    const plans = s['success-plans']!;
    expect(plans[0]).toBe(c.successPlans.rows.filter((r) => r.problems.includes('no active plan')).length);
  });
});

describe('checklist tables', () => {
  it('a list of 20 rows or more gets filters and a download; a shorter one does not', () => {
    const m = makeModel();
    const t = checklistTables(checklistOf(m, orgScope(m)));
    expect(t.renewals.rows.length).toBeGreaterThanOrEqual(20);
    expect(t.renewals.tools?.csvHref).toBe('/downloads/checklist/org/renewals-list.csv');
    expect(t.renewals.tools?.filters.map((f) => f.label)).toEqual(['CSM', 'Team', 'Segment', 'Quarter', 'Health', 'Health up to date', 'Renewal question']);
    expect(t.unassigned.rows.length).toBeLessThan(20);
    expect(t.unassigned.tools).toBeNull();
  });

  it('the CSV neutralises formulas in account names', () => {
    const m = makeModel();
    account(m, 36).name = '=HYPERLINK("http://x","y")';
    const csv = csvText(listCsv(checklistTables(checklistOf(m, orgScope(m))).unassigned));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.split('\r\n')[0]).toBe('Account ID,Account,CSM,ARR,Health,Renewal,Priority');
  });
});

describe('roll-up texts', () => {
  it('rollUpText says k of n CSMs on target, and nothing when no CSM has a target', () => {
    const r = { value: 1, target: null, status: 'watch' as const, numerator: [], denominator: [] };
    expect(rollUpText({ ...r, rollUp: { onTarget: 5, of: 8 } })).toBe('5 of 8 CSMs on target');
    expect(rollUpText({ ...r, rollUp: { onTarget: 1, of: 1 } })).toBe('1 of 1 CSM on target');
    expect(rollUpText({ ...r, rollUp: { onTarget: 0, of: 0 } })).toBeNull();
  });

  it('per-CSM targets: one target for all; by segment where they differ (no target left out); by role where a segment differs', () => {
    const m = makeModel();
    const all = m.csms.map((c) => c.email);
    expect(perCsmTargetText(m, all, 'cadenceCompliance')).toBe('per CSM: ≥ 90%');
    expect(perCsmTargetText(m, all, 'ebrCoverage')).toBe('per CSM: Strategic ≥ 75%, Growth ≥ 20%');
    expect(perCsmTargetText(m, all, 'callsPerWeek')).toBe('per CSM: Strategic Enterprise ≥ 5, Strategic Commercial ≥ 7, Growth ≥ 10, Scale ≥ 15');
    expect(perCsmTargetText(m, all, 'redCount')).toBeNull();
    // Team 0 is Strategic only: its CSMs share the target.
    expect(perCsmTargetText(m, m.teams[0]!.csms, 'ebrCoverage')).toBe('per CSM: ≥ 75%');
  });
});
