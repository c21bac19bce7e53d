import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { account, AS_OF as T, CSM_EMAIL, cta, day, person, tables } from './build-tables.ts';
import { accounts, scorecardOf } from './scorecard-fixture.ts';

const me = { csm: CSM_EMAIL };
const strategic = [person()];

describe('bookSize', () => {
  it('counts Active accounts only and lists them', () => {
    const card = scorecardOf(tables({ csms: strategic, accounts: [account({ id: 'A1' }), account({ id: 'A2', status: 'Churned' }), account({ id: 'A3', status: 'Inactive' })] }), me);
    expect(card.bookSize.value).toBe(1);
    expect(card.bookSize.numerator).toEqual(['A1']);
  });
  it('Strategic: 12 to 20 is on-target, 11 and 21 are watch (never off-target)', () => {
    const status = (n: number) => scorecardOf(tables({ csms: strategic, accounts: accounts(n, 'A') }), me).bookSize.status;
    expect([status(11), status(12), status(20), status(21)]).toEqual(['watch', 'on-target', 'on-target', 'watch']);
    expect(scorecardOf(tables({ csms: strategic, accounts: accounts(12, 'A') }), me).bookSize.target).toEqual({ min: 12, max: 20, label: '12 to 20' });
  });
  it('Growth has no book-size target', () => {
    const card = scorecardOf(tables({ csms: [person({ role: 'Growth' })], accounts: accounts(3, 'A') }), me);
    expect(card.bookSize.target).toBeNull();
    expect(card.bookSize.status).toBe('no-target');
  });
});

describe('p1Ratio', () => {
  /** A Strategic book of 10 with `p1` P1 accounts. */
  const card = (p1: number, previousP1Ratio: number | null = null) =>
    scorecardOf(tables({ csms: strategic, accounts: [...accounts(p1, 'P', { priority: 'P1' }), ...accounts(10 - p1, 'Q', { priority: 'P2' })] }), me, { previousP1Ratio }).p1Ratio;

  it('is P1 accounts over the book, at or below 30% on-target', () => {
    expect(card(3).value).toBe(0.3);
    expect(card(3).status).toBe('on-target');
    expect(card(3).numerator).toEqual(['P1', 'P2', 'P3']);
    expect(card(3).denominator).toHaveLength(10);
  });
  it('above target but at most 50% is watch; above 50% is off-target', () => {
    expect(card(4).status).toBe('watch');
    expect(card(5).status).toBe('watch');
    expect(card(6).status).toBe('off-target');
  });
  it('above target now and at the previous quarter end is off-target', () => {
    expect(card(4, 0.31).status).toBe('off-target');
    expect(card(4, 0.3).status).toBe('watch');
    expect(card(4, null).status).toBe('watch');
    // Back within target now: the previous quarter does not matter.
    expect(card(3, 0.45).status).toBe('on-target');
  });
  it('Growth target is 20%', () => {
    const c = scorecardOf(tables({ csms: [person({ role: 'Growth' })], accounts: [...accounts(3, 'P', { priority: 'P1' }), ...accounts(7, 'Q')] }), me).p1Ratio;
    expect(c.value).toBe(0.3);
    expect(c.target?.max).toBe(0.2);
    expect(c.status).toBe('watch');
  });
  it('is null for an empty book, and Scale has no target', () => {
    const empty = scorecardOf(tables({ csms: strategic }), me).p1Ratio;
    expect(empty.value).toBeNull();
    expect(empty.status).toBe('no-data');
    expect(empty.note).toBe('no book accounts');
    expect(scorecardOf(tables({ csms: [person({ role: 'Scale' })], accounts: accounts(2, 'A', { priority: 'P1' }) }), me).p1Ratio.status).toBe('no-target');
  });
  it('the watch maximum comes from the config', () => {
    const config = { ...DEFAULT_CONFIG, targets: { ...DEFAULT_CONFIG.targets, p1RatioWatchMax: 0.35 } };
    const c = scorecardOf(tables({ csms: strategic, accounts: [...accounts(4, 'P', { priority: 'P1' }), ...accounts(6, 'Q')] }), me, { config });
    expect(c.p1Ratio.status).toBe('off-target');
  });
});

describe('misprioritizedCount', () => {
  // A Growth CSM: no account is non-engaged, so only the reasons under test show.
  const growth = [person({ role: 'Growth' })];
  it('counts P2 and unprioritised accounts with a P1 reason, target 0', () => {
    const t = tables({
      csms: growth,
      accounts: [
        account({ id: 'A1', priority: 'P2', health: 'Red' }),
        account({ id: 'A2', priority: 'P2' }),
        account({ id: 'A3', priority: 'P1', health: 'Red' }),
        account({ id: 'A4', priority: 'P2' }),
        account({ id: 'A5', priority: null, health: 'Red' }),
        account({ id: 'A6', priority: null }),
        account({ id: 'A7', priority: 'P2' }),
      ],
      ctas: [cta({ accountId: 'A4', type: 'Expansion' }), cta({ accountId: 'A7', type: 'Risk' })],
    });
    const m = scorecardOf(t, me).misprioritizedCount;
    expect(m.value).toBe(4);
    expect(m.numerator).toEqual(['A1', 'A4', 'A5', 'A7']);
    expect(m.status).toBe('off-target');
    expect(m.note).toBeUndefined();
  });
  it('without ctas.csv counts the reasons it can know and says so', () => {
    const m = scorecardOf(tables({ csms: growth, accounts: [account({ id: 'A1', priority: 'P2', health: 'Red' })] }), me).misprioritizedCount;
    expect(m.value).toBe(1);
    expect(m.note).toMatch(/ctas\.csv/);
  });
  it('is 0 and on-target when nothing is misprioritized', () => {
    const m = scorecardOf(tables({ csms: growth, accounts: accounts(2, 'A', { priority: 'P2' }), ctas: [] }), me).misprioritizedCount;
    expect([m.value, m.status]).toEqual([0, 'on-target']);
  });
});

describe('health metrics', () => {
  it('healthFreshness: updated within the last month (from 2026-10-20) over the book; null for an empty book', () => {
    const t = tables({
      csms: strategic,
      accounts: [account({ id: 'A1', healthUpdated: day('2026-10-20') }), account({ id: 'A2', healthUpdated: day('2026-10-19') }), account({ id: 'A3' }), account({ id: 'A4', healthUpdated: T })],
    });
    const h = scorecardOf(t, me).healthFreshness;
    expect(h.value).toBe(0.5);
    expect(h.numerator).toEqual(['A1', 'A4']);
    expect(h.status).toBe('off-target');
    expect(scorecardOf(tables({ csms: strategic }), me).healthFreshness.value).toBeNull();
  });
  it('redCount counts Health Red', () => {
    const t = tables({ csms: strategic, accounts: [account({ id: 'A1', health: 'Red' }), account({ id: 'A2', health: 'Yellow' }), account({ id: 'A3', health: 'Red' })] });
    expect(scorecardOf(t, me).redCount).toMatchObject({ value: 2, numerator: ['A1', 'A3'], status: 'no-target' });
  });
  it('atRiskRenewalArr sums ARR of at-risk accounts renewing in (T, T + 90 days]', () => {
    const t = tables({
      csms: strategic,
      accounts: [
        account({ id: 'A1', health: 'Red', arr: 1000, renewalDate: T + 90 }),
        account({ id: 'A2', health: 'Red', arr: 2000, renewalDate: T + 91 }),
        account({ id: 'A3', health: 'Red', arr: 4000, renewalDate: T }),
        account({ id: 'A4', health: 'Red', arr: null, renewalDate: T + 1 }),
        account({ id: 'A5', health: 'Green', arr: 8000, renewalDate: T + 10 }),
        account({ id: 'A6', health: 'Green', arr: 16000, renewalDate: T + 10 }),
      ],
      ctas: [cta({ accountId: 'A6', type: 'Risk' })],
    });
    const r = scorecardOf(t, me).atRiskRenewalArr;
    expect(r.value).toBe(17000);
    expect(r.numerator).toEqual(['A1', 'A4', 'A6']);
    expect(r.note).toBeUndefined();
  });
  it('atRiskRenewalArr without ctas.csv counts Health Red only and says so', () => {
    const r = scorecardOf(tables({ csms: strategic, accounts: [account({ id: 'A1', health: 'Red', arr: 500, renewalDate: T + 5 })] }), me).atRiskRenewalArr;
    expect(r.value).toBe(500);
    expect(r.note).toMatch(/ctas\.csv/);
  });
});
