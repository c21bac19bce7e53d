import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Account, CsmRole } from '../../src/ingest/tables.ts';
import { computeAccountFacts } from '../../src/metrics/account-facts.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { account, activity, AS_OF as T, CSM_EMAIL, day, person, tables } from './build-tables.ts';
import { scorecardOf } from './scorecard-fixture.ts';

const book = (arrs: [string, number | null][], o: Partial<Account> = {}) => arrs.map(([id, arr]) => account({ id, arr, ...o }));
function highArrIds(accounts: Account[], role: CsmRole = 'Strategic Enterprise', config = DEFAULT_CONFIG): string[] {
  const index = buildIndex(tables({ csms: [person({ role })], accounts }));
  return accounts.filter((a) => computeAccountFacts(a, index, T, config).highArr).map((a) => a.id);
}

describe('highArr', () => {
  it("highArr: a Strategic CSM's 4 book accounts of highest ARR; a tie at the edge goes to the lower Account ID", () => {
    const accounts = book([['A1', 100], ['A2', 500], ['A3', 400], ['A5', 400], ['A4', 400], ['A6', null], ['A7', 600]]);
    expect(highArrIds(accounts)).toEqual(['A2', 'A3', 'A4', 'A7']);
  });
  it('highArr: accounts without ARR never qualify, even in a book smaller than 4', () => {
    expect(highArrIds(book([['A1', 10], ['A2', null]]))).toEqual(['A1']);
  });
  it('highArr: Growth and Scale accounts, churned accounts and accounts of no CSM never qualify', () => {
    expect(highArrIds(book([['A1', 100]]), 'Growth')).toEqual([]);
    expect(highArrIds(book([['A1', 100]]), 'Scale')).toEqual([]);
    expect(highArrIds([account({ id: 'A1', arr: 100, status: 'Churned' }), account({ id: 'A2', arr: 50 })])).toEqual(['A2']);
    expect(highArrIds([account({ id: 'A1', arr: 100, csmEmail: null })])).toEqual([]);
  });
  it('highArr: the number per CSM comes from highArrAccountsPerCsm', () => {
    const config = { ...DEFAULT_CONFIG, highArrAccountsPerCsm: 2 };
    expect(highArrIds(book([['A1', 1], ['A2', 2], ['A3', 3]]), 'Strategic Commercial', config)).toEqual(['A2', 'A3']);
  });
});

describe('highArrEbrCoverage', () => {
  const ebr = (accountId: string, iso: string) => activity({ accountId, type: 'EBR', date: day(iso) });
  it('highArrEbrCoverage: two EBRs in the trailing 12 months, the first exactly 12 months before T, cover a highArr account; one does not', () => {
    const t = tables({
      csms: [person()],
      accounts: book([['A1', 400], ['A2', 300], ['A3', 200], ['A4', 100], ['A5', 50]]),
      activities: [
        ebr('A1', '2025-11-20'), ebr('A1', '2026-05-20'),
        ebr('A2', '2025-11-19'), ebr('A2', '2026-05-20'), // the first is a day too early
        ebr('A3', '2026-10-01'),
        ebr('A5', '2026-01-01'), ebr('A5', '2026-02-01'), // not highArr
      ],
    });
    const h = scorecardOf(t, { csm: CSM_EMAIL }).highArrEbrCoverage;
    expect(h.denominator).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(h.numerator).toEqual(['A1']);
    expect(h.value).toBe(0.25);
    expect(h.target).toEqual({ min: 1, label: '≥ 100%' });
    expect(h.status).toBe('off-target');
  });
  it('highArrEbrCoverage: on target when every highArr account had 2 EBRs', () => {
    const t = tables({ csms: [person()], accounts: book([['A1', 400]]), activities: [ebr('A1', '2026-01-01'), ebr('A1', '2026-07-01')] });
    expect(scorecardOf(t, { csm: CSM_EMAIL }).highArrEbrCoverage).toMatchObject({ value: 1, status: 'on-target' });
  });
  it('highArrEbrCoverage: null with no target for a Growth CSM (no highArr accounts)', () => {
    const t = tables({ csms: [person({ role: 'Growth' })], accounts: book([['A1', 400]]) });
    expect(scorecardOf(t, { csm: CSM_EMAIL }).highArrEbrCoverage).toMatchObject({ value: null, target: null, status: 'no-data' });
  });
});
