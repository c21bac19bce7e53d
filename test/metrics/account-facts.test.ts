import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Account, Activity, Cta, CsmRole, Tables } from '../../src/ingest/tables.ts';
import { computeAccountFacts, toAccountFactsView } from '../../src/metrics/account-facts.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { account, activity, AS_OF as T, cta, day, person, tables } from './build-tables.ts';

/** The facts of one account of a CSM in `role`, as of T. */
function factsOf(
  a: Partial<Account>,
  rows: { activities?: Omit<Partial<Activity>, 'accountId'>[]; ctas?: Omit<Partial<Cta>, 'accountId'>[] | null; role?: CsmRole } = {},
) {
  const acc = account({ id: 'A1', ...a });
  const t: Tables = tables({
    csms: [person({ role: rows.role ?? 'Strategic Enterprise' })],
    accounts: [acc],
    activities: (rows.activities ?? []).map((o) => activity({ accountId: 'A1', ...o })),
    ctas: rows.ctas === null ? null : (rows.ctas ?? []).map((o) => cta({ accountId: 'A1', ...o })),
  });
  return computeAccountFacts(acc, buildIndex(t), T, DEFAULT_CONFIG);
}
const calls = (...daysAgo: number[]) => daysAgo.map((n) => ({ type: 'Cadence Call' as const, date: T - n }));
const ebrs = (...daysAgo: number[]) => daysAgo.map((n) => ({ type: 'EBR' as const, date: T - n }));

describe('cadence', () => {
  it('lastCadenceCall is the latest call on or before T; a call after T does not exist yet', () => {
    const f = factsOf({ priority: 'P1' }, { activities: [...calls(20, 3), { type: 'Cadence Call', date: T + 1 }, { type: 'Meeting', date: T - 1 }] });
    expect(f.lastCadenceCall).toBe(T - 3);
    expect(f.daysSinceCadence).toBe(3);
    expect(factsOf({}, { activities: [{ type: 'Cadence Call', date: T + 2 }] }).lastCadenceCall).toBeNull();
    expect(factsOf({}).daysSinceCadence).toBeNull();
  });

  it('cadenceInterval follows the CSM segment and the priority', () => {
    expect(factsOf({ priority: 'P1' }, { role: 'Strategic Commercial' }).cadenceInterval).toBe(14);
    expect(factsOf({ priority: 'P2' }, { role: 'Strategic Enterprise' }).cadenceInterval).toBe(31);
    expect(factsOf({ priority: 'P1' }, { role: 'Growth' }).cadenceInterval).toBe(31);
    expect(factsOf({ priority: 'P2' }, { role: 'Growth' }).cadenceInterval).toBe(92);
    expect(factsOf({ priority: 'P1' }, { role: 'Scale' }).cadenceInterval).toBeNull();
    expect(factsOf({ priority: null }, { role: 'Strategic Enterprise' }).cadenceInterval).toBeNull();
    expect(factsOf({ priority: 'P1', csmEmail: null }).cadenceInterval).toBeNull();
  });

  it('a Strategic P1 call exactly 14 days ago is not overdue, 15 days ago is', () => {
    expect(factsOf({ priority: 'P1' }, { activities: calls(14) }).cadenceOverdue).toBe(false);
    expect(factsOf({ priority: 'P1' }, { activities: calls(15) }).cadenceOverdue).toBe(true);
  });

  it('with no call, overdue only once the tenure is at least one interval old', () => {
    expect(factsOf({ priority: 'P1', onboardingStart: T - 14 }).cadenceOverdue).toBe(true);
    expect(factsOf({ priority: 'P1', onboardingStart: T - 13 }).cadenceOverdue).toBe(false);
    expect(factsOf({ priority: 'P1', onboardingStart: null }).cadenceOverdue).toBe(true);
    // No interval, never overdue.
    expect(factsOf({ priority: null }).cadenceOverdue).toBe(false);
  });

  it('nonEngaged: Strategic, no call in the trailing 60 days, tenure at least 60 days', () => {
    expect(factsOf({}, { activities: calls(60) }).nonEngaged).toBe(true);
    expect(factsOf({}, { activities: calls(59) }).nonEngaged).toBe(false);
    expect(factsOf({ onboardingStart: T - 60 }).nonEngaged).toBe(true);
    expect(factsOf({ onboardingStart: T - 59 }).nonEngaged).toBe(false);
    expect(factsOf({ priority: 'P2' }, { role: 'Growth' }).nonEngaged).toBe(false);
  });
});

describe('EBRs', () => {
  it('lastEbr ignores EBRs after T', () => {
    expect(factsOf({}, { activities: [...ebrs(100, 400), { type: 'EBR', date: T + 5 }] }).lastEbr).toBe(T - 100);
  });
  it('ebrOverdue: no EBR in the trailing 365 days, tenure at least 182 days', () => {
    expect(factsOf({}, { activities: ebrs(365) }).ebrOverdue).toBe(true);
    expect(factsOf({}, { activities: ebrs(364) }).ebrOverdue).toBe(false);
    expect(factsOf({ onboardingStart: T - 182 }).ebrOverdue).toBe(true);
    expect(factsOf({ onboardingStart: T - 181 }).ebrOverdue).toBe(false);
    expect(factsOf({}, { role: 'Scale' }).ebrOverdue).toBe(true);
  });
});

describe('priority reasons', () => {
  it('red health, low adoption by tier, red DevSecOps on Ultimate', () => {
    expect(factsOf({ health: 'Red' }).p1Reasons).toEqual(['red health']);
    expect(factsOf({ tier: 'Premium', useCasesAdopted: 1 }).p1Reasons).toEqual(['low adoption']);
    expect(factsOf({ tier: 'Premium', useCasesAdopted: 2 }).p1Reasons).toEqual([]);
    expect(factsOf({ tier: 'Ultimate', useCasesAdopted: 2 }).p1Reasons).toEqual(['low adoption']);
    expect(factsOf({ tier: 'Ultimate', useCasesAdopted: 3 }).p1Reasons).toEqual([]);
    expect(factsOf({ tier: 'Ultimate', useCasesAdopted: null }).p1Reasons).toEqual([]);
    expect(factsOf({ tier: 'Ultimate', devSecOpsHealth: 'Red', useCasesAdopted: 5 }).p1Reasons).toEqual(['red DevSecOps']);
    expect(factsOf({ tier: 'Premium', devSecOpsHealth: 'Red' }).p1Reasons).toEqual([]);
  });

  it('expansion play: an Expansion CTA open at T', () => {
    expect(factsOf({}, { ctas: [{ type: 'Expansion' }] }).p1Reasons).toEqual(['expansion play']);
    expect(factsOf({}, { ctas: [{ type: 'Expansion', createdDate: T + 1 }] }).p1Reasons).toEqual([]);
    expect(factsOf({}, { ctas: [{ type: 'Expansion', status: 'Closed Won', closedDate: T + 1 }] }).p1Reasons).toEqual(['expansion play']);
    expect(factsOf({}, { ctas: [{ type: 'Expansion', status: 'Closed Won', closedDate: T }] }).p1Reasons).toEqual([]);
    expect(factsOf({}, { ctas: [{ type: 'Enablement' }] }).p1Reasons).toEqual([]);
    expect(factsOf({}, { ctas: null }).p1Reasons).toEqual([]);
  });

  it('misprioritized: a P2 account with a P1 reason', () => {
    expect(factsOf({ priority: 'P2', health: 'Red' }).misprioritized).toBe(true);
    expect(factsOf({ priority: 'P1', health: 'Red' }).misprioritized).toBe(false);
    expect(factsOf({ priority: null, health: 'Red' }).misprioritized).toBe(false);
    expect(factsOf({ priority: 'P2', health: 'Yellow' }).misprioritized).toBe(false);
  });
});

describe('health and risk', () => {
  it('health updated exactly 30 days ago is fresh, 31 days ago or never is stale', () => {
    expect(factsOf({ healthUpdated: T - 30 }).healthStale).toBe(false);
    expect(factsOf({ healthUpdated: T - 31 }).healthStale).toBe(true);
    expect(factsOf({ healthUpdated: null }).healthStale).toBe(true);
  });
  it('adoptionRisk: DevSecOps Red, or utilisation below 50%', () => {
    expect(factsOf({ devSecOpsHealth: 'Red' }).adoptionRisk).toBe(true);
    expect(factsOf({ licenseUtilization: 0.49 }).adoptionRisk).toBe(true);
    expect(factsOf({ licenseUtilization: 0.5 }).adoptionRisk).toBe(false);
    expect(factsOf({}).adoptionRisk).toBe(false);
  });
  it('atRisk: Health Red, or a Risk CTA open at T', () => {
    expect(factsOf({ health: 'Red' }).atRisk).toBe(true);
    expect(factsOf({}, { ctas: [{ type: 'Risk', status: 'In Progress' }] }).atRisk).toBe(true);
    expect(factsOf({}, { ctas: [{ type: 'Risk', status: 'Closed Lost', closedDate: T + 3 }] }).atRisk).toBe(true);
    expect(factsOf({}, { ctas: [{ type: 'Risk', status: 'Closed Lost', closedDate: T - 1 }] }).atRisk).toBe(false);
    expect(factsOf({}, { ctas: [{ type: 'Risk', createdDate: T + 1 }] }).atRisk).toBe(false);
  });
});

describe('toAccountFactsView', () => {
  it('turns dates into ISO strings and keeps the rest', () => {
    const v = toAccountFactsView(factsOf({ priority: 'P2', health: 'Red' }, { activities: [...calls(3), ...ebrs(40)] }));
    expect(v).toEqual({
      lastCadenceCall: '2026-11-17',
      daysSinceCadence: 3,
      cadenceInterval: 31,
      cadenceOverdue: false,
      nonEngaged: false,
      lastEbr: '2026-10-11',
      ebrOverdue: false,
      p1Reasons: ['red health'],
      misprioritized: true,
      healthStale: true,
      adoptionRisk: false,
      atRisk: true,
    });
    expect(day('2026-10-11')).toBe(T - 40);
  });
});
