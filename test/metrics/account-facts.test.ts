import { describe, expect, it } from 'vitest';
import type { Account, Activity, Cta, CsmRole, Tables } from '../../src/ingest/tables.ts';
import { computeAccountFacts, toAccountFactsView } from '../../src/metrics/account-facts.ts';
import { DEFAULT_CONFIG as CONFIG } from '../../src/config.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { account, activity, AS_OF as T, cta, day, person, tables } from './build-tables.ts';

/** The facts of one account of a CSM in `role`, as of T. */
function factsOf(
  a: Partial<Account>,
  rows: { activities?: Omit<Partial<Activity>, 'accountId'>[]; ctas?: Omit<Partial<Cta>, 'accountId'>[] | null; role?: CsmRole; asOf?: number } = {},
) {
  const acc = account({ id: 'A1', ...a });
  const t: Tables = tables({
    csms: [person({ role: rows.role ?? 'Strategic Enterprise' })],
    accounts: [acc],
    activities: (rows.activities ?? []).map((o) => activity({ accountId: 'A1', ...o })),
    ctas: rows.ctas === null ? null : (rows.ctas ?? []).map((o) => cta({ accountId: 'A1', ...o })),
  });
  return computeAccountFacts(acc, buildIndex(t), rows.asOf ?? T, CONFIG);
}
const calls = (...daysAgo: number[]) => daysAgo.map((n) => ({ type: 'Cadence Call' as const, date: T - n }));
const ebrs = (...daysAgo: number[]) => daysAgo.map((n) => ({ type: 'EBR' as const, date: T - n }));
/** A recent Meeting: keeps a Strategic account engaged, so that only the reason under test shows. */
const engaged = [{ type: 'Meeting' as const, date: T - 1 }];

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
    // No interval (Scale), never overdue.
    expect(factsOf({ priority: 'P1' }, { role: 'Scale' }).cadenceOverdue).toBe(false);
  });

  it('unprioritized: an account with no Priority takes the P2 cadence interval (Strategic 31, Growth 92 days)', () => {
    expect(factsOf({ priority: null }, { role: 'Strategic Enterprise' }).cadenceInterval).toBe(31);
    expect(factsOf({ priority: null }, { role: 'Growth' }).cadenceInterval).toBe(92);
    expect(factsOf({ priority: null }, { activities: calls(31) }).cadenceOverdue).toBe(false);
    expect(factsOf({ priority: null }, { activities: calls(32) }).cadenceOverdue).toBe(true);
    expect(factsOf({ priority: null }).unprioritized).toBe(true);
    expect(factsOf({ priority: 'P2' }).unprioritized).toBe(false);
  });
});

describe('nonEngaged and lastCustomerCall', () => {
  // T = 2026-11-20: two months before is 2026-09-20.
  it('nonEngaged: a Meeting exactly 2 months before T keeps the account engaged', () => {
    expect(factsOf({}, { activities: [{ type: 'Meeting', date: day('2026-09-20') }] }).nonEngaged).toBe(false);
  });
  it('nonEngaged: a call one day more than 2 months before T leaves the account non-engaged', () => {
    expect(factsOf({}, { activities: [{ type: 'Cadence Call', date: day('2026-09-19') }] }).nonEngaged).toBe(true);
  });
  it('nonEngaged: any customer call counts (Cadence Call, Meeting, EBR, Renewal Call), not a workshop or an email', () => {
    for (const type of ['Cadence Call', 'Meeting', 'EBR', 'Renewal Call'] as const) {
      expect(factsOf({}, { activities: [{ type, date: T - 10 }] }).nonEngaged, type).toBe(false);
    }
    for (const type of ['Workshop', 'Email', 'Update', 'Roundtable'] as const) {
      expect(factsOf({}, { activities: [{ type, date: T - 10 }] }).nonEngaged, type).toBe(true);
    }
  });
  it('nonEngaged: a tenure that started exactly 2 months before T is not yet non-engaged; one day earlier is', () => {
    expect(factsOf({ onboardingStart: day('2026-09-20') }).nonEngaged).toBe(false);
    expect(factsOf({ onboardingStart: day('2026-09-19') }).nonEngaged).toBe(true);
    expect(factsOf({ onboardingStart: null }).nonEngaged).toBe(true);
  });
  it('nonEngaged: only Strategic accounts, whatever their priority', () => {
    expect(factsOf({ priority: 'P1' }).nonEngaged).toBe(true);
    expect(factsOf({ priority: null }).nonEngaged).toBe(true);
    expect(factsOf({ priority: 'P2' }, { role: 'Growth' }).nonEngaged).toBe(false);
    expect(factsOf({ priority: 'P2' }, { role: 'Scale' }).nonEngaged).toBe(false);
  });
  it('nonEngaged: with T = 2027-03-31 the window starts on the clamped 2027-01-31', () => {
    const t = day('2027-03-31');
    expect(factsOf({}, { asOf: t, activities: [{ type: 'Meeting', date: day('2027-01-31') }] }).nonEngaged).toBe(false);
    expect(factsOf({}, { asOf: t, activities: [{ type: 'Meeting', date: day('2027-01-30') }] }).nonEngaged).toBe(true);
  });
  it('nonEngaged: with T = 2028-02-29 (leap day) the window starts on 2027-12-29', () => {
    const t = day('2028-02-29');
    expect(factsOf({}, { asOf: t, activities: [{ type: 'EBR', date: day('2027-12-29') }] }).nonEngaged).toBe(false);
    expect(factsOf({}, { asOf: t, activities: [{ type: 'EBR', date: day('2027-12-28') }] }).nonEngaged).toBe(true);
  });
  it('lastCustomerCall: the latest customer call of any kind on or before T', () => {
    const f = factsOf({}, { activities: [...calls(30), { type: 'Renewal Call', date: T - 4 }, { type: 'Workshop', date: T - 1 }, { type: 'Meeting', date: T + 1 }] });
    expect(f.lastCustomerCall).toBe(T - 4);
    expect(f.lastCadenceCall).toBe(T - 30);
    expect(factsOf({}).lastCustomerCall).toBeNull();
  });
});

describe('EBRs', () => {
  it('lastEbr ignores EBRs after T', () => {
    expect(factsOf({}, { activities: [...ebrs(100, 400), { type: 'EBR', date: T + 5 }] }).lastEbr).toBe(T - 100);
  });
  it('ebrOverdue: an EBR exactly 12 months before T (2025-11-20) keeps a Strategic account current; one day earlier does not', () => {
    expect(factsOf({}, { activities: [{ type: 'EBR', date: day('2025-11-20') }] }).ebrOverdue).toBe(false);
    expect(factsOf({}, { activities: [{ type: 'EBR', date: day('2025-11-19') }] }).ebrOverdue).toBe(true);
  });
  it('ebrOverdue: a tenure of exactly 182 days is overdue without an EBR, 181 days is not', () => {
    expect(factsOf({ onboardingStart: T - 182 }).ebrOverdue).toBe(true);
    expect(factsOf({ onboardingStart: T - 181 }).ebrOverdue).toBe(false);
  });
  it('ebrOverdue: Growth and Scale accounts are never overdue', () => {
    expect(factsOf({}, { role: 'Strategic Commercial' }).ebrOverdue).toBe(true);
    expect(factsOf({}, { role: 'Growth' }).ebrOverdue).toBe(false);
    expect(factsOf({}, { role: 'Scale' }).ebrOverdue).toBe(false);
    expect(factsOf({ csmEmail: null }).ebrOverdue).toBe(false);
  });
  it('ebrOverdue: with T = 2028-02-29 the twelve months start on 2027-02-28 (a leap year changes nothing)', () => {
    const t = day('2028-02-29');
    expect(factsOf({}, { asOf: t, activities: [{ type: 'EBR', date: day('2027-02-28') }] }).ebrOverdue).toBe(false);
    expect(factsOf({}, { asOf: t, activities: [{ type: 'EBR', date: day('2027-02-27') }] }).ebrOverdue).toBe(true);
  });
});

describe('priority reasons', () => {
  const reasons = (a: Partial<Account>, ctas?: Omit<Partial<Cta>, 'accountId'>[] | null) => factsOf(a, { activities: engaged, ctas }).p1Reasons;
  it('red health, low adoption by tier, red DevSecOps on Ultimate', () => {
    expect(reasons({ health: 'Red' })).toEqual(['red health']);
    expect(reasons({ tier: 'Premium', useCasesAdopted: 1 })).toEqual(['low adoption']);
    expect(reasons({ tier: 'Premium', useCasesAdopted: 2 })).toEqual([]);
    expect(reasons({ tier: 'Ultimate', useCasesAdopted: 2 })).toEqual(['low adoption']);
    expect(reasons({ tier: 'Ultimate', useCasesAdopted: 3 })).toEqual([]);
    expect(reasons({ tier: 'Ultimate', useCasesAdopted: null })).toEqual([]);
    expect(reasons({ tier: 'Ultimate', devSecOpsHealth: 'Red', useCasesAdopted: 5 })).toEqual(['red DevSecOps']);
    expect(reasons({ tier: 'Premium', devSecOpsHealth: 'Red' })).toEqual([]);
  });

  it('expansion play: an Expansion CTA open at T', () => {
    expect(reasons({}, [{ type: 'Expansion' }])).toEqual(['expansion play']);
    expect(reasons({}, [{ type: 'Expansion', createdDate: T + 1 }])).toEqual([]);
    expect(reasons({}, [{ type: 'Expansion', status: 'Closed Won', closedDate: T + 1 }])).toEqual(['expansion play']);
    expect(reasons({}, [{ type: 'Expansion', status: 'Closed Won', closedDate: T }])).toEqual([]);
    expect(reasons({}, [{ type: 'Enablement' }])).toEqual([]);
    expect(reasons({}, null)).toEqual([]);
  });

  it('p1Reasons: an open Risk CTA is the reason "at risk"; one closed on T is not', () => {
    expect(reasons({}, [{ type: 'Risk' }])).toEqual(['at risk']);
    expect(reasons({}, [{ type: 'Risk', status: 'Closed Lost', closedDate: T }])).toEqual([]);
  });

  it('p1Reasons: a non-engaged account has the reason "non-engaged"; an engaged one does not', () => {
    expect(factsOf({}).p1Reasons).toEqual(['non-engaged']);
    expect(factsOf({}, { activities: engaged }).p1Reasons).toEqual([]);
  });

  it('misprioritized: a P2 or unprioritised account with a P1 reason; never a P1 account', () => {
    expect(factsOf({ priority: 'P2', health: 'Red' }, { activities: engaged }).misprioritized).toBe(true);
    expect(factsOf({ priority: null, health: 'Red' }, { activities: engaged }).misprioritized).toBe(true);
    expect(factsOf({ priority: 'P1', health: 'Red' }, { activities: engaged }).misprioritized).toBe(false);
    expect(factsOf({ priority: 'P2', health: 'Yellow' }, { activities: engaged }).misprioritized).toBe(false);
    expect(factsOf({ priority: null, health: 'Yellow' }, { activities: engaged }).misprioritized).toBe(false);
  });

  it('misprioritized: a P2 Strategic account without a call for more than 2 months is misprioritised', () => {
    expect(factsOf({ priority: 'P2' }, { activities: [{ type: 'Meeting', date: day('2026-09-19') }] }).misprioritized).toBe(true);
    expect(factsOf({ priority: 'P2' }, { activities: [{ type: 'Meeting', date: day('2026-09-20') }] }).misprioritized).toBe(false);
  });
});

describe('health and risk', () => {
  it('healthStale: updated exactly one month before T (2026-10-20) is fresh, a day earlier or never is stale', () => {
    expect(factsOf({ healthUpdated: day('2026-10-20') }).healthStale).toBe(false);
    expect(factsOf({ healthUpdated: day('2026-10-19') }).healthStale).toBe(true);
    expect(factsOf({ healthUpdated: null }).healthStale).toBe(true);
  });
  it('healthStale: with T = 2027-03-31 one month before is the clamped 2027-02-28', () => {
    expect(factsOf({ healthUpdated: day('2027-02-28') }, { asOf: day('2027-03-31') }).healthStale).toBe(false);
    expect(factsOf({ healthUpdated: day('2027-02-27') }, { asOf: day('2027-03-31') }).healthStale).toBe(true);
  });
  it('healthStale: with T = 2028-02-29 one month before is 2028-01-29', () => {
    expect(factsOf({ healthUpdated: day('2028-01-29') }, { asOf: day('2028-02-29') }).healthStale).toBe(false);
    expect(factsOf({ healthUpdated: day('2028-01-28') }, { asOf: day('2028-02-29') }).healthStale).toBe(true);
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
      lastCustomerCall: '2026-11-17',
      nonEngaged: false,
      lastEbr: '2026-10-11',
      ebrOverdue: false,
      highArr: false,
      p1Reasons: ['red health'],
      unprioritized: false,
      misprioritized: true,
      healthStale: true,
      adoptionRisk: false,
      atRisk: true,
      renewalQuestion: null,
      renewalQuestionWindow: null,
    });
    expect(day('2026-10-11')).toBe(T - 40);
  });
});
