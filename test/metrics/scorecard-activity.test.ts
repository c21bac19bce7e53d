import { describe, expect, it } from 'vitest';
import { account, activity, AS_OF as T, CSM_EMAIL, person, tables } from './build-tables.ts';
import { accounts, scorecardOf } from './scorecard-fixture.ts';

const me = { csm: CSM_EMAIL };
const strategic = [person()];
const at = (accountId: string, type: 'Cadence Call' | 'EBR' | 'Workshop', daysAgo: number, o: { author?: string; subject?: string } = {}) =>
  activity({ accountId, type, date: T - daysAgo, ...o });

describe('EBR metrics', () => {
  it('ebrCoverage: accounts with an EBR in the trailing 365 days over the book', () => {
    const t = tables({ csms: strategic, accounts: accounts(4, 'A'), activities: [at('A1', 'EBR', 364), at('A2', 'EBR', 365), at('A3', 'EBR', 0), at('A4', 'EBR', -1)] });
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
  it('ebrOverdueCount counts accounts with ebrOverdue', () => {
    const t = tables({ csms: strategic, accounts: [account({ id: 'A1' }), account({ id: 'A2', onboardingStart: T - 100 }), account({ id: 'A3' })], activities: [at('A3', 'EBR', 30)] });
    expect(scorecardOf(t, me).ebrOverdueCount).toMatchObject({ value: 1, numerator: ['A1'] });
  });
  it('ebrsLast30Days counts EBR activities in (T − 30, T]; target 1 to 2 for one CSM', () => {
    const t = tables({ csms: strategic, accounts: accounts(3, 'A'), activities: [at('A1', 'EBR', 29), at('A1', 'EBR', 0), at('A2', 'EBR', 30), at('A3', 'EBR', -2)] });
    const e = scorecardOf(t, me).ebrsLast30Days;
    expect(e.value).toBe(2);
    expect(e.numerator).toEqual(['A1']);
    expect(e.denominator).toEqual(['A1', 'A2', 'A3']);
    expect(e.target).toMatchObject({ min: 1, max: 2 });
    expect(e.status).toBe('on-target');
  });
  it('ebrsLast30Days for a team of n CSMs targets n to 2n', () => {
    const lead = person({ email: 'lead@example.com', role: 'Manager' });
    const t = tables({
      csms: [lead, person({ email: 'a@example.com', managerEmail: lead.email }), person({ email: 'b@example.com', managerEmail: lead.email }), person({ email: 'c@example.com', managerEmail: lead.email })],
      accounts: [account({ id: 'A1', csmEmail: 'a@example.com' })],
      activities: [at('A1', 'EBR', 1), at('A1', 'EBR', 2)],
    });
    const e = scorecardOf(t, { team: lead.email }).ebrsLast30Days;
    expect(e.target).toMatchObject({ min: 3, max: 6 });
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
    expect(c.value).toBe(2 / 3);
    expect(c.numerator).toEqual(['A1', 'A3']);
    expect(c.denominator).toEqual(['A1', 'A2', 'A3']);
    expect(c.status).toBe('off-target');
  });
  it('cadenceCompliance is null when no account has an interval', () => {
    const c = scorecardOf(tables({ csms: [person({ role: 'Scale' })], accounts: accounts(2, 'A', { priority: 'P1' }) }), me).cadenceCompliance;
    expect(c.value).toBeNull();
    expect(c.status).toBe('no-data');
  });
  it('nonEngagedCount counts Strategic accounts without a call in 60 days', () => {
    const t = tables({ csms: strategic, accounts: accounts(3, 'A'), activities: [at('A1', 'Cadence Call', 59), at('A2', 'Cadence Call', 60)] });
    expect(scorecardOf(t, me).nonEngagedCount).toMatchObject({ value: 2, numerator: ['A2', 'A3'], status: 'off-target' });
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
  it('a team takes the mean over its CSMs, an empty-book CSM counting 0, and the role holding most book accounts', () => {
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
    // Growth holds 3 of the 5 book accounts, although Strategic has more CSMs.
    expect(c.target?.min).toBe(10);
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
  it('workshopsPerWeek counts distinct workshops in (T − 91, T] over 13 weeks; one logged on several accounts counts once', () => {
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
  it('the same subject on the same day by different authors is two workshops', () => {
    const t = tables({
      csms: strategic,
      accounts: accounts(2, 'A'),
      activities: [at('A1', 'Workshop', 3, { subject: 'Intro', author: 'x@example.com' }), at('A2', 'Workshop', 3, { subject: 'Intro', author: 'y@example.com' })],
    });
    expect(scorecardOf(t, me).workshopsPerWeek.value).toBe(2 / 13);
  });
  it('a team rate is the mean over its CSMs, an empty book counting 0', () => {
    const lead = person({ email: 'lead@example.com', role: 'Manager' });
    const t = tables({
      csms: [lead, person({ email: 'a@example.com', managerEmail: lead.email }), person({ email: 'b@example.com', managerEmail: lead.email })],
      accounts: [account({ id: 'A1', csmEmail: 'a@example.com' })],
      activities: [at('A1', 'Workshop', 1, { subject: 'One' }), at('A1', 'Workshop', 2, { subject: 'Two' })],
    });
    expect(scorecardOf(t, { team: lead.email }).workshopsPerWeek.value).toBe(1 / 13);
  });
  it('workshopCoverage: P1 accounts need a workshop in 92 days, others in 365', () => {
    const t = tables({
      csms: strategic,
      accounts: [account({ id: 'A1', priority: 'P1' }), account({ id: 'A2', priority: 'P1' }), account({ id: 'A3', priority: 'P2' }), account({ id: 'A4' })],
      activities: [at('A1', 'Workshop', 91), at('A2', 'Workshop', 92), at('A3', 'Workshop', 364), at('A4', 'Workshop', 365)],
    });
    const w = scorecardOf(t, me).workshopCoverage;
    expect(w.value).toBe(0.5);
    expect(w.numerator).toEqual(['A1', 'A3']);
    expect(w.status).toBe('no-target');
  });
});
