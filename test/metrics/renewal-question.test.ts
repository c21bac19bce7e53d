import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Day } from '../../src/dates.ts';
import { computeAccountFacts, toAccountFactsView } from '../../src/metrics/account-facts.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { account, activity, AS_OF as T, CSM_EMAIL, day, person, tables } from './build-tables.ts';
import { scorecardOf } from './scorecard-fixture.ts';

/** The renewal question of one account renewing on `renewal`, with Renewal Calls on `calls`, as of `asOf`. */
function question(renewal: string, calls: string[] = [], asOf: Day = T) {
  const a = account({ id: 'A1', renewalDate: day(renewal) });
  const index = buildIndex(tables({ csms: [person()], accounts: [a], activities: calls.map((c) => activity({ accountId: 'A1', type: 'Renewal Call', date: day(c) })) }));
  const f = toAccountFactsView(computeAccountFacts(a, index, asOf, DEFAULT_CONFIG));
  return { state: f.renewalQuestion, window: f.renewalQuestionWindow };
}

describe('renewalQuestion (T = 2026-11-20)', () => {
  it('renewalQuestion: the window to ask is [R − 4 months, R − 3 months], so a page can say "ask between"', () => {
    expect(question('2027-03-10')).toEqual({ state: 'ask now', window: { from: '2026-11-10', to: '2026-12-10' } });
  });
  it('renewalQuestion: a Renewal Call on the first day of the window is asked; the day before it is not', () => {
    expect(question('2027-03-10', ['2026-11-10']).state).toBe('asked');
    expect(question('2027-03-10', ['2026-11-09']).state).toBe('ask now');
  });
  it('renewalQuestion: a Renewal Call on the last day of the window (R − 3 months) is asked; the day after is asked late', () => {
    expect(question('2027-02-19', ['2026-11-19']).state).toBe('asked');
    expect(question('2027-02-19', ['2026-11-20']).state).toBe('asked late');
  });
  it('renewalQuestion: two weeks before the renewal is asked late, not asked', () => {
    expect(question('2026-12-04', ['2026-11-20']).state).toBe('asked late');
  });
  it('renewalQuestion: no call once the window has closed is missed; a call after T does not exist yet', () => {
    expect(question('2027-02-19').state).toBe('missed');
    expect(question('2027-02-19', ['2026-11-21']).state).toBe('missed');
  });
  it('renewalQuestion: T on the last day of the window is still ask now', () => {
    expect(question('2027-02-20')).toEqual({ state: 'ask now', window: { from: '2026-10-20', to: '2026-11-20' } });
  });
  it('renewalQuestion: only renewals in (T, T + 4 months]; others are null', () => {
    expect(question('2027-03-20').state).toBe('ask now');
    expect(question('2027-03-21')).toEqual({ state: null, window: null });
    expect(question('2026-11-20')).toEqual({ state: null, window: null });
    expect(question('2026-11-21').state).toBe('missed');
  });
  it('renewalQuestion: month-end clamping, T = 2027-03-31 and R = 2027-06-30 give the window [2027-02-28, 2027-03-30]', () => {
    const t = day('2027-03-31');
    expect(question('2027-06-30', [], t)).toEqual({ state: 'missed', window: { from: '2027-02-28', to: '2027-03-30' } });
    expect(question('2027-06-30', ['2027-02-28'], t).state).toBe('asked');
    expect(question('2027-06-30', ['2027-02-27'], t).state).toBe('missed');
  });
  it('renewalQuestion: leap year, T = 2028-02-29 and R = 2028-06-29 open the window on T itself', () => {
    const t = day('2028-02-29');
    expect(question('2028-06-29', [], t)).toEqual({ state: 'ask now', window: { from: '2028-02-29', to: '2028-03-29' } });
    expect(question('2028-06-29', ['2028-02-29'], t).state).toBe('asked');
  });
});

describe('renewalQuestionRate: only `asked` counts', () => {
  const a = (id: string, renewal: string) => account({ id, renewalDate: day(renewal) });
  const call = (id: string, iso: string) => activity({ accountId: id, type: 'Renewal Call', date: day(iso) });
  const t = tables({
    csms: [person()],
    accounts: [a('A1', '2027-02-20'), a('A2', '2027-02-21'), a('A3', '2026-12-04'), a('A4', '2027-01-15'), a('A5', '2027-01-15')],
    activities: [
      call('A1', '2026-10-20'), // R − 4 months exactly: asked
      call('A2', '2026-11-01'), // renews past T + 3 months: not in the denominator
      call('A3', '2026-11-20'), // two weeks before: asked late
      call('A4', '2026-09-20'), // R − 4 months (2026-09-15) ≤ d ≤ R − 3 months (2026-10-15): asked
    ],
  });
  it('renewalQuestionRate: renewals in (T, T + 3 months]; a question asked late or not at all does not count', () => {
    const r = scorecardOf(t, { csm: CSM_EMAIL }).renewalQuestionRate;
    expect(r.denominator).toEqual(['A1', 'A3', 'A4', 'A5']);
    expect(r.numerator).toEqual(['A1', 'A4']);
    expect(r.value).toBe(0.5);
    expect(r.status).toBe('off-target');
  });
});
