import { describe, expect, it } from 'vitest';
import { addMonthsToDay } from '../../src/dates.ts';
import { account, activity, AS_OF as T, CSM_EMAIL, cta, day, person, plan, tables } from './build-tables.ts';
import { accounts, scorecardOf } from './scorecard-fixture.ts';

const me = { csm: CSM_EMAIL };
const strategic = [person()];

describe('success plans', () => {
  const t = tables({
    csms: strategic,
    accounts: [
      account({ id: 'A1' }),
      account({ id: 'A2', onboardingStart: T - 31 }),
      account({ id: 'A3', onboardingStart: T - 30 }),
      account({ id: 'A4' }),
      account({ id: 'A5' }),
      account({ id: 'A6' }),
    ],
    successPlans: [
      plan({ accountId: 'A1', planHealth: 'Green' }),
      plan({ accountId: 'A2', planHealth: 'Yellow' }),
      plan({ accountId: 'A3', planHealth: 'Green' }),
      plan({ accountId: 'A4', status: 'Draft', planHealth: 'Green' }),
      plan({ accountId: 'A5', planHealth: 'Green', createdDate: T + 1 }),
      plan({ accountId: 'A6', status: 'Complete' }),
      plan({ accountId: 'A6', planHealth: null }),
    ],
  });
  it('successPlanCoverage: eligible from more than 30 days after the onboarding start (31 days eligible, exactly 30 not), with an Active plan existing at T', () => {
    const c = scorecardOf(t, me).successPlanCoverage;
    expect(c.denominator).toEqual(['A1', 'A2', 'A4', 'A5', 'A6']);
    expect(c.numerator).toEqual(['A1', 'A2', 'A6']);
    expect(c.value).toBe(3 / 5);
    expect(c.status).toBe('off-target');
  });
  it('greenSuccessPlanRate: eligible accounts with an Active Green plan', () => {
    const g = scorecardOf(t, me).greenSuccessPlanRate;
    expect(g.numerator).toEqual(['A1']);
    expect(g.value).toBe(1 / 5);
  });
  it('Growth has no target; no eligible account gives null', () => {
    expect(scorecardOf({ ...t, csms: [person({ role: 'Growth' })] }, me).successPlanCoverage.status).toBe('no-target');
    const none = scorecardOf(tables({ csms: strategic, accounts: [account({ onboardingStart: T - 1 })], successPlans: [] }), me).successPlanCoverage;
    expect(none.value).toBeNull();
  });
  it('without success_plans.csv both are null with a note, not 0', () => {
    const card = scorecardOf(tables({ csms: strategic, accounts: accounts(2, 'A') }), me);
    for (const key of ['successPlanCoverage', 'greenSuccessPlanRate'] as const) {
      expect(card[key].value).toBeNull();
      expect(card[key].note).toBe('success_plans.csv not supplied');
    }
  });
});

describe('open plays', () => {
  it('enablementActive counts accounts with an Enablement CTA open at T; Strategic target is half the book', () => {
    const t = tables({
      csms: strategic,
      accounts: accounts(5, 'A'),
      ctas: [
        cta({ accountId: 'A1', type: 'Enablement' }),
        cta({ accountId: 'A1', type: 'Enablement', status: 'New' }),
        cta({ accountId: 'A2', type: 'Enablement', status: 'Closed Won', closedDate: T + 1 }),
        cta({ accountId: 'A3', type: 'Enablement', status: 'Closed Won', closedDate: T }),
        cta({ accountId: 'A4', type: 'Enablement', createdDate: T + 1 }),
        cta({ accountId: 'A5', type: 'Expansion' }),
      ],
    });
    const e = scorecardOf(t, me).enablementActive;
    expect(e.value).toBe(2);
    expect(e.numerator).toEqual(['A1', 'A2']);
    expect(e.target?.min).toBe(2.5);
    expect(e.status).toBe('off-target');
  });
  it('enablementActive for Growth needs the whole book', () => {
    const t = tables({ csms: [person({ role: 'Growth' })], accounts: accounts(2, 'A'), ctas: [cta({ accountId: 'A1', type: 'Enablement' }), cta({ accountId: 'A2', type: 'Enablement' })] });
    expect(scorecardOf(t, me).enablementActive).toMatchObject({ value: 2, status: 'on-target', target: { min: 2 } });
  });
  it('expansionActive: Strategic at least 3, Growth at least half of its P1 accounts', () => {
    const ctas = [cta({ accountId: 'A1' }), cta({ accountId: 'A2' })];
    const s = scorecardOf(tables({ csms: strategic, accounts: accounts(4, 'A'), ctas }), me).expansionActive;
    expect([s.value, s.target?.min, s.status]).toEqual([2, 3, 'off-target']);
    const g = scorecardOf(tables({ csms: [person({ role: 'Growth' })], accounts: accounts(4, 'A', { priority: 'P1' }), ctas }), me).expansionActive;
    expect([g.value, g.target?.min, g.status]).toEqual([2, 2, 'on-target']);
    const g5 = scorecardOf(tables({ csms: [person({ role: 'Growth' })], accounts: accounts(5, 'A', { priority: 'P1' }), ctas }), me).expansionActive;
    expect([g5.target?.min, g5.status]).toEqual([2.5, 'off-target']);
  });
  it("expansionActive: a Growth CSM's status reads its P1 accounts; the value stays the whole count", () => {
    const growth = [person({ role: 'Growth' })];
    const book = [...accounts(2, 'P', { priority: 'P1' }), ...accounts(2, 'Q', { priority: 'P2' })];
    const onP2 = scorecardOf(tables({ csms: growth, accounts: book, ctas: [cta({ accountId: 'Q1' }), cta({ accountId: 'Q2' })] }), me).expansionActive;
    expect([onP2.value, onP2.status]).toEqual([2, 'off-target']);
    const oneP1 = scorecardOf(tables({ csms: growth, accounts: book, ctas: [cta({ accountId: 'P1' })] }), me).expansionActive;
    expect([oneP1.value, oneP1.status]).toEqual([1, 'on-target']);
    const noP1 = scorecardOf(tables({ csms: growth, accounts: accounts(2, 'Q', { priority: 'P2' }), ctas: [] }), me).expansionActive;
    expect([noP1.value, noP1.status]).toEqual([0, 'on-target']);
  });
  it('without ctas.csv both are null with a note', () => {
    const card = scorecardOf(tables({ csms: strategic, accounts: accounts(2, 'A') }), me);
    expect(card.enablementActive).toMatchObject({ value: null, note: 'ctas.csv not supplied' });
    expect(card.expansionActive).toMatchObject({ value: null, note: 'ctas.csv not supplied' });
  });
});

describe('renewalQuestionRate', () => {
  it('renewals in (T, T + 3 months] with a Renewal Call dated in [R − 4 months, T]', () => {
    const R1 = day('2027-02-20'); // = T + 3 months: in
    const R2 = day('2027-02-21'); // past T + 3 months: out
    const R3 = day('2027-01-31');
    expect(addMonthsToDay(T, 3)).toBe(R1);
    const t = tables({
      csms: strategic,
      accounts: [
        account({ id: 'A1', renewalDate: R1 }),
        account({ id: 'A2', renewalDate: R2 }),
        account({ id: 'A3', renewalDate: R3 }),
        account({ id: 'A4', renewalDate: T }),
        account({ id: 'A5', renewalDate: T + 1 }),
        account({ id: 'A6', renewalDate: R3 }),
      ],
      activities: [
        activity({ accountId: 'A1', type: 'Renewal Call', date: day('2026-10-20') }), // R1 − 4 months exactly
        activity({ accountId: 'A2', type: 'Renewal Call', date: T }),
        activity({ accountId: 'A3', type: 'Renewal Call', date: day('2026-09-29') }), // a day before R3 − 4 months (2026-09-30)
        activity({ accountId: 'A5', type: 'Renewal Call', date: T + 1 }), // after T: does not exist yet
        activity({ accountId: 'A6', type: 'Cadence Call', date: T }),
      ],
    });
    const r = scorecardOf(t, me).renewalQuestionRate;
    expect(r.denominator).toEqual(['A1', 'A3', 'A5', 'A6']);
    expect(r.numerator).toEqual(['A1']);
    expect(r.value).toBe(0.25);
    expect(r.status).toBe('off-target');
  });
  it('is null when nothing renews in the window', () => {
    const r = scorecardOf(tables({ csms: strategic, accounts: [account({ renewalDate: T + 200 })] }), me).renewalQuestionRate;
    expect([r.value, r.status]).toEqual([null, 'no-data']);
  });
});
