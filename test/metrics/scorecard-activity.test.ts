import { describe, expect, it } from 'vitest';
import { account, activity, AS_OF as T, CSM_EMAIL, day, person, tables } from './build-tables.ts';
import { accounts, scorecardOf } from './scorecard-fixture.ts';

const me = { csm: CSM_EMAIL };
const strategic = [person()];
const at = (accountId: string, type: 'Cadence Call' | 'EBR' | 'Workshop' | 'Meeting', daysAgo: number, o: { author?: string; subject?: string } = {}) =>
  activity({ accountId, type, date: T - daysAgo, ...o });

describe('EBR metrics', () => {
  it('ebrCoverage: an EBR exactly 12 months before T (2025-11-20) counts, one a day earlier or after T does not', () => {
    const t = tables({
      csms: strategic,
      accounts: accounts(4, 'A'),
      activities: [activity({ accountId: 'A1', type: 'EBR', date: day('2025-11-20') }), activity({ accountId: 'A2', type: 'EBR', date: day('2025-11-19') }), at('A3', 'EBR', 0), at('A4', 'EBR', -1)],
    });
    const c = scorecardOf(t, me).ebrCoverage;
    expect(c.value).toBe(0.5);
    expect(c.numerator).toEqual(['A1', 'A3']);
    expect(c.target?.min).toBe(0.75);
    expect(c.status).toBe('off-target');
  });
  it('ebrCoverage targets Growth at 20%, Scale none, and is null for an empty book', () => {
    const growth = scorecardOf(tables({ csms: [person({ role: 'Growth' })], accounts: accounts(5, 'A'), activities: [at('A1', 'EBR', 10)] }), me).ebrCoverage;
    expect([growth.value, growth.status]).toEqual([0.2, 'on-target']);
    expect(scorecardOf(tables({ csms: [person({ role: 'Scale' })], accounts: accounts(1, 'A') }), me).ebrCoverage.status).toBe('no-target');
    expect(scorecardOf(tables({ csms: strategic }), me).ebrCoverage.value).toBeNull();
  });
  it('ebrOverdueCount: a Growth or Scale CSM has no EBR overdue', () => {
    for (const role of ['Growth', 'Scale'] as const) {
      expect(scorecardOf(tables({ csms: [person({ role })], accounts: accounts(3, 'A') }), me).ebrOverdueCount.value, role).toBe(0);
    }
  });
  it('ebrOverdueCount counts accounts with ebrOverdue', () => {
    const t = tables({ csms: strategic, accounts: [account({ id: 'A1' }), account({ id: 'A2', onboardingStart: T - 100 }), account({ id: 'A3' })], activities: [at('A3', 'EBR', 30)] });
    expect(scorecardOf(t, me).ebrOverdueCount).toMatchObject({ value: 1, numerator: ['A1'] });
  });
  it('ebrsLast30Days counts EBR activities in (T − 30, T]; a Strategic CSM is on target from 1 (more than 2 is not a miss)', () => {
    const t = tables({ csms: strategic, accounts: accounts(3, 'A'), activities: [at('A1', 'EBR', 29), at('A1', 'EBR', 0), at('A2', 'EBR', 30), at('A3', 'EBR', -2)] });
    const e = scorecardOf(t, me).ebrsLast30Days;
    expect(e.value).toBe(2);
    expect(e.numerator).toEqual(['A1']);
    expect(e.denominator).toEqual(['A1', 'A2', 'A3']);
    expect(e.target).toEqual({ min: 1, label: '≥ 1' });
    expect(e.status).toBe('on-target');
    const three = tables({ csms: strategic, accounts: accounts(1, 'A'), activities: [at('A1', 'EBR', 1), at('A1', 'EBR', 2), at('A1', 'EBR', 3)] });
    expect(scorecardOf(three, me).ebrsLast30Days).toMatchObject({ value: 3, status: 'on-target' });
    expect(scorecardOf(tables({ csms: strategic, accounts: accounts(1, 'A'), activities: [at('A1', 'EBR', 30)] }), me).ebrsLast30Days).toMatchObject({ value: 0, status: 'off-target' });
  });
  it('ebrsLast30Days: the target applies to Strategic CSMs only', () => {
    for (const role of ['Growth', 'Scale'] as const) {
      const e = scorecardOf(tables({ csms: [person({ role })], accounts: accounts(1, 'A') }), me).ebrsLast30Days;
      expect([e.value, e.target, e.status], role).toEqual([0, null, 'no-target']);
    }
  });
  it('ebrsLast30Days: a team of 3 Strategic CSMs with 2 EBRs on one CSM is "1 of 3 CSMs on target", not judged against a summed target', () => {
    const lead = person({ email: 'lead@example.com', role: 'Manager' });
    const t = tables({
      csms: [lead, person({ email: 'a@example.com', managerEmail: lead.email }), person({ email: 'b@example.com', managerEmail: lead.email }), person({ email: 'c@example.com', managerEmail: lead.email })],
      accounts: [account({ id: 'A1', csmEmail: 'a@example.com' })],
      activities: [at('A1', 'EBR', 1), at('A1', 'EBR', 2)],
    });
    const e = scorecardOf(t, { team: lead.email }).ebrsLast30Days;
    expect(e.target).toEqual({ label: '1 of 3 CSMs on target' });
    expect(e.rollUp).toEqual({ onTarget: 1, of: 3 });
    expect([e.value, e.status]).toEqual([2, 'off-target']);
  });
});

describe('cadence metrics', () => {
  it('cadenceCompliance: accounts with an interval and not overdue, over accounts with an interval', () => {
    const t = tables({
      csms: strategic,
      accounts: [account({ id: 'A1', priority: 'P1' }), account({ id: 'A2', priority: 'P1' }), account({ id: 'A3', priority: 'P2' }), account({ id: 'A4', priority: null })],
      activities: [at('A1', 'Cadence Call', 14), at('A2', 'Cadence Call', 15), at('A3', 'Cadence Call', 31)],
    });
    const c = scorecardOf(t, me).cadenceCompliance;
    // A4 has no Priority: read as P2, its 31-day interval applies and it has never had a call.
    expect(c.value).toBe(2 / 4);
    expect(c.numerator).toEqual(['A1', 'A3']);
    expect(c.denominator).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(c.status).toBe('off-target');
  });
  it('cadenceCompliance is null when no account has an interval', () => {
    const c = scorecardOf(tables({ csms: [person({ role: 'Scale' })], accounts: accounts(2, 'A', { priority: 'P1' }) }), me).cadenceCompliance;
    expect(c.value).toBeNull();
    expect(c.status).toBe('no-data');
  });
  it('nonEngagedCount counts Strategic accounts without a customer call in the trailing 2 months', () => {
    // T − 2 months = 2026-09-20.
    const t = tables({
      csms: strategic,
      accounts: accounts(4, 'A'),
      activities: [
        activity({ accountId: 'A1', type: 'Meeting', date: day('2026-09-20') }),
        activity({ accountId: 'A2', type: 'Cadence Call', date: day('2026-09-19') }),
        at('A4', 'Workshop', 1),
      ],
    });
    expect(scorecardOf(t, me).nonEngagedCount).toMatchObject({ value: 3, numerator: ['A2', 'A3', 'A4'], status: 'off-target' });
  });
});

describe('callsPerWeek', () => {
  it('counts calls in (T − 28, T] divided by 4; calls on T − 28 or after T do not count', () => {
    const t = tables({
      csms: strategic,
      accounts: accounts(3, 'A'),
      activities: [at('A1', 'Cadence Call', 27), at('A1', 'Cadence Call', 0), at('A2', 'Cadence Call', 28), at('A3', 'Cadence Call', -1), at('A2', 'EBR', 1)],
    });
    const c = scorecardOf(t, me).callsPerWeek;
    expect(c.value).toBe(0.5);
    expect(c.numerator).toEqual(['A1']);
    expect(c.target?.min).toBe(5);
    expect(c.status).toBe('off-target');
  });
  it('the minimum follows the role', () => {
    const min = (role: 'Strategic Commercial' | 'Growth' | 'Scale') => scorecardOf(tables({ csms: [person({ role })] }), me).callsPerWeek.target?.min;
    expect([min('Strategic Commercial'), min('Growth'), min('Scale')]).toEqual([7, 10, 15]);
  });
  it('a team takes the mean over its CSMs, an empty-book CSM counting 0; its status is rolled up from each CSM against its own role', () => {
    const lead = person({ email: 'lead@example.com', role: 'Manager' });
    const t = tables({
      csms: [
        lead,
        person({ email: 'a@example.com', managerEmail: lead.email, role: 'Growth' }),
        person({ email: 'b@example.com', managerEmail: lead.email, role: 'Strategic Enterprise' }),
        person({ email: 'c@example.com', managerEmail: lead.email, role: 'Strategic Enterprise' }),
      ],
      accounts: [...accounts(3, 'G', { csmEmail: 'a@example.com' }), ...accounts(2, 'S', { csmEmail: 'b@example.com' })],
      activities: [...Array.from({ length: 8 }, (_, i) => at('G1', 'Cadence Call', i)), ...Array.from({ length: 4 }, (_, i) => at('S1', 'Cadence Call', i))],
    });
    const c = scorecardOf(t, { team: lead.email }).callsPerWeek;
    // a: 8 calls / 4 = 2; b: 4 / 4 = 1; c: empty book = 0.
    expect(c.value).toBe(1);
    // Each CSM is below its role's minimum (Growth 10, Strategic Enterprise 5): 0 of 3.
    expect(c.target).toEqual({ label: '0 of 3 CSMs on target' });
    expect(c.status).toBe('off-target');
    expect(c.numerator).toEqual(['G1', 'S1']);
  });
  it('the org takes the mean over every CSM', () => {
    const t = tables({
      csms: [person({ email: 'a@example.com' }), person({ email: 'b@example.com' }), person({ email: 'boss@example.com', role: 'VP' })],
      accounts: [account({ id: 'A1', csmEmail: 'a@example.com' })],
      activities: [at('A1', 'Cadence Call', 1), at('A1', 'Cadence Call', 2)],
    });
    expect(scorecardOf(t, 'org').callsPerWeek.value).toBe(0.25);
  });
});

describe('workshop metrics', () => {
  it('workshopsPerWeek counts distinct workshops the CSM presented in (T − 91, T] over 13 weeks; one logged on several accounts counts once', () => {
    const t = tables({
      csms: strategic,
      accounts: accounts(3, 'A'),
      activities: [
        at('A1', 'Workshop', 10, { subject: 'CI/CD basics' }),
        at('A2', 'Workshop', 10, { subject: ' ci/cd BASICS ' }),
        at('A3', 'Workshop', 10, { subject: 'Security' }),
        at('A3', 'Workshop', 90, { subject: 'Planning' }),
        at('A1', 'Workshop', 91, { subject: 'Old' }),
        at('A2', 'Workshop', -1, { subject: 'Future' }),
      ],
    });
    const w = scorecardOf(t, me).workshopsPerWeek;
    expect(w.value).toBe(3 / 13);
    expect(w.numerator).toEqual(['A1', 'A2', 'A3']);
    expect(w.target?.min).toBe(0.5);
    expect(w.status).toBe('off-target');
  });
  it("workshopsPerWeek: a workshop on the CSM's account presented by another person does not count for the CSM; one the CSM presented on another book or a churned account does", () => {
    const t = tables({
      csms: [...strategic, person({ email: 'x@example.com', name: 'Xena' })],
      accounts: [...accounts(2, 'A'), account({ id: 'X1', csmEmail: 'x@example.com' }), account({ id: 'C1', status: 'Churned' })],
      activities: [
        at('A1', 'Workshop', 3, { subject: 'Intro', author: 'x@example.com' }),
        at('X1', 'Workshop', 4, { subject: 'Security', author: CSM_EMAIL }),
        at('C1', 'Workshop', 5, { subject: 'Farewell' }),
      ],
    });
    expect(scorecardOf(t, me).workshopsPerWeek.value).toBe(2 / 13);
    expect(scorecardOf(t, { csm: 'x@example.com' }).workshopsPerWeek.value).toBe(1 / 13);
    // workshopCoverage looks at the account's workshops, whoever presented them.
    expect(scorecardOf(t, me).workshopCoverage.numerator).toEqual(['A1']);
  });
  it('workshopsPerWeek: the target applies to Strategic CSMs only', () => {
    expect(scorecardOf(tables({ csms: [person({ role: 'Growth' })] }), me).workshopsPerWeek).toMatchObject({ value: 0, target: null, status: 'no-target' });
    expect(scorecardOf(tables({ csms: [person({ role: 'Scale' })] }), me).workshopsPerWeek).toMatchObject({ value: 0, target: null, status: 'no-target' });
  });
  it('a team rate is the mean over its CSMs, a CSM who presented none counting 0', () => {
    const lead = person({ email: 'lead@example.com', role: 'Manager' });
    const t = tables({
      csms: [lead, person({ email: 'a@example.com', managerEmail: lead.email }), person({ email: 'b@example.com', managerEmail: lead.email })],
      accounts: [account({ id: 'A1', csmEmail: 'a@example.com' })],
      activities: [at('A1', 'Workshop', 1, { subject: 'One' }), at('A1', 'Workshop', 2, { subject: 'Two' })],
    });
    expect(scorecardOf(t, { team: lead.email }).workshopsPerWeek.value).toBe(1 / 13);
  });
  it('workshopCoverage: P1 accounts need a workshop in the trailing 3 months, others (P2, unprioritised) in 12 months', () => {
    // T − 3 months = 2026-08-20; T − 12 months = 2025-11-20.
    const ws = (accountId: string, iso: string) => activity({ accountId, type: 'Workshop', date: day(iso) });
    const t = tables({
      csms: strategic,
      accounts: [account({ id: 'A1', priority: 'P1' }), account({ id: 'A2', priority: 'P1' }), account({ id: 'A3', priority: 'P2' }), account({ id: 'A4' })],
      activities: [ws('A1', '2026-08-20'), ws('A2', '2026-08-19'), ws('A3', '2025-11-20'), ws('A4', '2025-11-19')],
    });
    const w = scorecardOf(t, me).workshopCoverage;
    expect(w.value).toBe(0.5);
    expect(w.numerator).toEqual(['A1', 'A3']);
    expect(w.status).toBe('no-target');
  });
});
