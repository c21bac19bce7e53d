import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { isoFromDay, type Day } from '../../src/dates.ts';
import type { Account } from '../../src/ingest/tables.ts';
import { buildReport } from '../../src/report/build-report.ts';
import type { ReportModel } from '../../src/report/model.ts';
import { agendaFor, currentAgendaWeek, type Agenda } from '../../src/report/one-on-one.ts';
import { account, activity, AS_OF, cta, day, person, plan, tables } from '../metrics/build-tables.ts';

const LEAD = 'lead@example.com';
const OTHER_LEAD = 'other.lead@example.com';
const CSM = 'csm@example.com';
const OTHER_CSM = 'other@example.com';
const T = AS_OF; // 2026-11-20, in FY27-Q4 (ends 2027-01-31)
const iso = (d: Day) => isoFromDay(d);

/** Accounts of team LEAD unless they name OTHER_CSM; every account has a recent EBR unless `noEbr`. */
const accounts: (Partial<Account> & { id: string; noEbr?: boolean; ebrOn?: Day })[] = [
  // Cadence (Strategic intervals: P1 14, P2 31 days).
  { id: 'P1A', name: 'P1 called 20 days ago', priority: 'P1' },
  { id: 'P1B', name: 'P1 never called', priority: 'P1' },
  { id: 'P2A', name: 'P2 called 40 days ago', priority: 'P2' },
  { id: 'P2B', name: 'P2 called 35 days ago', priority: 'P2' },
  // EBRs (overdue: tenure ≥ 182 days and none in the trailing 365).
  { id: 'E1', name: 'no EBR', noEbr: true },
  { id: 'E2', name: 'EBR 400 days ago', ebrOn: T - 400 },
  { id: 'E3', name: 'new, no EBR', noEbr: true, onboardingStart: T - 100, onboardingCompleteDate: T - 60 },
  // Onboarding (overdue after 45 days without an onboarded date).
  { id: 'ON1', name: 'onboarding 60 days', onboardingStart: T - 60 },
  { id: 'ON2', name: 'onboarding 10 days', onboardingStart: T - 10 },
  // Success plans.
  { id: 'PL1', name: 'plan updated 200 days ago' },
  { id: 'PL2', name: 'plan never updated' },
  { id: 'PL3', name: 'plan updated 100 days ago' },
  { id: 'PL4', name: 'stale plan, too new', onboardingStart: T - 30 },
  { id: 'PL5', name: 'stale draft plan' },
  { id: 'PL6', name: 'two plans' },
  // Renewals and risk.
  { id: 'AR1', name: 'red renewing in 30 days', health: 'Red', arr: 100, renewalDate: T + 30, healthUpdated: T - 5 },
  { id: 'AR2', name: 'risk play renewing in 90 days', arr: 500, renewalDate: T + 90 },
  { id: 'AR3', name: 'red renewing in 91 days', health: 'Red', arr: 300, renewalDate: T + 91 },
  { id: 'AR4', name: 'green renewing in 10 days', health: 'Green', arr: 50, renewalDate: T + 10 },
  // Adoption (low license utilisation: below 50%).
  { id: 'AD1', name: 'red DevSecOps', devSecOpsHealth: 'Red', licenseUtilization: 0.8 },
  { id: 'AD2', name: 'utilisation 30%', licenseUtilization: 0.3 },
  { id: 'AD3', name: 'utilisation 10%', licenseUtilization: 0.1 },
  { id: 'AD4', name: 'utilisation 50%', licenseUtilization: 0.5 },
  // Another team's account that qualifies for every list.
  {
    id: 'OT1',
    name: 'other team',
    csmEmail: OTHER_CSM,
    priority: 'P1',
    health: 'Red',
    renewalDate: T + 20,
    devSecOpsHealth: 'Red',
    onboardingStart: T - 60,
    noEbr: true,
  },
];

function model(asOf: Day = T): ReportModel {
  const t = tables({
    csms: [
      person({ name: 'Lee Lead', email: LEAD, role: 'Manager' }),
      person({ name: 'Olive Lead', email: OTHER_LEAD, role: 'Manager' }),
      person({ name: 'Casey Csm', email: CSM, managerEmail: LEAD }),
      person({ name: 'Otto Csm', email: OTHER_CSM, managerEmail: OTHER_LEAD }),
    ],
    accounts: accounts.map(({ noEbr: _n, ebrOn: _e, ...a }) => account(a)),
    activities: [
      ...accounts.filter((a) => !a.noEbr).map((a) => activity({ accountId: a.id, type: 'EBR', date: a.ebrOn ?? T - 10 })),
      // Every other account had a cadence call yesterday: unprioritised accounts have the P2 interval too.
      ...accounts.filter((a) => !['P1A', 'P1B', 'P2A', 'P2B'].includes(a.id)).map((a) => activity({ accountId: a.id, date: T - 1 })),
      activity({ accountId: 'P1A', date: T - 20 }),
      activity({ accountId: 'P2A', date: T - 40 }),
      activity({ accountId: 'P2B', date: T - 35 }),
    ],
    successPlans: [
      plan({ id: 'SP1', accountId: 'PL1', lastUpdated: T - 200 }),
      plan({ id: 'SP2', accountId: 'PL2', lastUpdated: null }),
      plan({ id: 'SP3', accountId: 'PL3', lastUpdated: T - 100 }),
      plan({ id: 'SP4', accountId: 'PL4', lastUpdated: T - 300 }),
      plan({ id: 'SP5', accountId: 'PL5', status: 'Draft', lastUpdated: T - 400 }),
      plan({ id: 'SP6a', accountId: 'PL6', lastUpdated: T - 50 }),
      plan({ id: 'SP6b', accountId: 'PL6', lastUpdated: T - 250 }),
    ],
    ctas: [cta({ accountId: 'AR2', type: 'Risk', createdDate: T - 30 })],
  });
  return buildReport({ tables: t, config: DEFAULT_CONFIG, asOf, history: [], quality: { files: {}, issues: [] }, rejectedFiles: {}, frozenQbrs: null });
}

const m = model();
const section = (agenda: Agenda, id: string) => {
  const s = agenda.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const ids = (agenda: Agenda, id: string) => section(agenda, id).accounts.map((a) => a.id);

describe('agendaFor: week 1', () => {
  const agenda = agendaFor(m, LEAD, 1);

  it('lists its sections in the order of the handbook', () => {
    expect(agenda.week).toBe(1);
    expect(agenda.sections.map((s) => s.id)).toEqual(['onboarding-metrics', 'overdue-onboarding', 'ebr-overdue', 'cadence-overdue']);
    expect(section(agenda, 'onboarding-metrics')).toEqual({
      id: 'onboarding-metrics',
      title: 'Onboarding metrics',
      metricKeys: ['ttfeMedianDays', 'ttfeWithinTarget', 'ttfvMedianDays', 'ttfvWithinTarget', 'ttoMedianDays', 'ttoWithinTarget', 'overdueOnboardingCount'],
      accounts: [],
    });
  });

  it("overdue onboarding: the team's cohort accounts past 45 days without an onboarded date", () => {
    expect(section(agenda, 'overdue-onboarding').accounts).toEqual([
      { id: 'ON1', name: 'onboarding 60 days', csmEmail: CSM, detail: `onboarding started ${iso(T - 60)} (60 days ago), not onboarded` },
    ]);
  });

  it('EBRs overdue: never held first, then the oldest', () => {
    expect(ids(agenda, 'ebr-overdue')).toEqual(['E1', 'E2']);
    expect(section(agenda, 'ebr-overdue').accounts[1]!.detail).toBe(`last EBR ${iso(T - 400)}`);
  });

  it('cadence calls overdue: P1 first, then the longest since the last call (never called first)', () => {
    expect(ids(agenda, 'cadence-overdue')).toEqual(['P1B', 'P1A', 'P2A', 'P2B']);
    expect(section(agenda, 'cadence-overdue').accounts.map((a) => a.detail)).toEqual([
      'P1 · no cadence call yet (every 14 days)',
      'P1 · last cadence call 20 days ago (every 14 days)',
      'P2 · last cadence call 40 days ago (every 31 days)',
      'P2 · last cadence call 35 days ago (every 31 days)',
    ]);
  });
});

describe('agendaFor: week 2', () => {
  const agenda = agendaFor(m, LEAD, 2);

  it('two success plans to review: the eligible accounts (onboarding started more than 30 days ago) whose Active plan was updated longest ago', () => {
    // SP2 has no Last Updated (never updated: first); PL6 ranks by its stalest plan (250 days) before PL1 (200).
    // PL4 started exactly 30 days ago (not eligible: plans are expected from more than 30 days after the start); PL5's plan is a Draft.
    expect(section(agenda, 'success-plans-to-review').accounts).toEqual([
      { id: 'PL2', name: 'plan never updated', csmEmail: CSM, detail: 'plan SP2 has no Last Updated date' },
      { id: 'PL6', name: 'two plans', csmEmail: CSM, detail: `plan SP6b last updated ${iso(T - 250)} (250 days ago)` },
    ]);
  });

  it('at-risk renewals in the next 90 days, soonest first', () => {
    expect(section(agenda, 'at-risk-renewals').accounts.map((a) => [a.id, a.detail])).toEqual([
      ['AR1', `renews ${iso(T + 30)} · $100 · red health`],
      ['AR2', `renews ${iso(T + 90)} · $500 · risk play`],
    ]);
  });
});

describe('agendaFor: week 3', () => {
  it('adoption risk: red DevSecOps first, then the lowest utilisation, with the reason', () => {
    const agenda = agendaFor(m, LEAD, 3);
    expect(agenda.sections.map((s) => s.id)).toEqual(['adoption-risk']);
    expect(section(agenda, 'adoption-risk').accounts.map((a) => [a.id, a.detail])).toEqual([
      ['AD1', 'red DevSecOps'],
      ['AD3', 'license utilisation 10% (below 50%)'],
      ['AD2', 'license utilisation 30% (below 50%)'],
    ]);
  });
});

describe('agendaFor: week 4', () => {
  const agenda = agendaFor(m, LEAD, 4);

  it('renewals this quarter, by renewal date', () => {
    // FY27-Q4 ends 2027-01-31: AR2 (T + 90) and AR3 (T + 91) renew in the next quarter.
    expect(ids(agenda, 'renewals-this-quarter')).toEqual(['AR4', 'AR1']);
    expect(section(agenda, 'renewals-this-quarter').accounts[1]!.detail).toBe(`renews ${iso(T + 30)} · $100 · health Red · at risk`);
  });

  it('at-risk accounts and red health, largest ARR first', () => {
    expect(ids(agenda, 'at-risk-accounts')).toEqual(['AR2', 'AR3', 'AR1']);
    expect(ids(agenda, 'red-health')).toEqual(['AR3', 'AR1']);
    expect(section(agenda, 'red-health').accounts[1]!.detail).toBe(`$100 · health updated ${iso(T - 5)}`);
  });

  it("keeps to the team's book: another team sees its own accounts only", () => {
    const other = agendaFor(m, OTHER_LEAD, 4);
    expect(ids(other, 'red-health')).toEqual(['OT1']);
    expect(ids(other, 'renewals-this-quarter')).toEqual(['OT1']);
  });
});

describe('agendaFor', () => {
  it('throws for a manager who leads no team', () => {
    expect(() => agendaFor(m, CSM, 1)).toThrow(/csm@example.com/);
  });
});

describe('currentAgendaWeek', () => {
  it('follows the week of the month of the as-of date', () => {
    expect(currentAgendaWeek(m)).toBe(3); // 2026-11-20
    const at = (isoDate: string) => currentAgendaWeek({ ...m, asOf: isoDate });
    expect(at('2026-11-02')).toBe(1); // the first Monday of November
    expect(at('2026-11-01')).toBe(4); // a Sunday before it: October's last week
    expect(at('2026-11-09')).toBe(2);
    expect(at('2026-11-30')).toBe(4); // a 5th week
  });

  it('reads the as-of date of a model built for another day', () => {
    expect(currentAgendaWeek(model(day('2026-11-09')))).toBe(2);
  });
});
