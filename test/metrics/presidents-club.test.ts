import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Account, Person, Tables } from '../../src/ingest/tables.ts';
import { fiscalYearsCovered, positionPoints, presidentsClub, presidentsClubGaps, presidentsClubStanding, rankByPoints } from '../../src/metrics/presidents-club.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { AS_OF, account, activity, cta, day, opportunity, person, tables } from './build-tables.ts';

const LEAD = 'lead@example.com';
const lead = person({ email: LEAD, name: 'Lee Lead', role: 'Manager' });
const member = (email: string): Person => person({ email, name: email, managerEmail: LEAD });
const bookOf = (email: string, o: Partial<Account> = {}) => account({ csmEmail: email, ...o });

function run(p: Partial<Tables>, green: Record<string, number | null> = {}) {
  const index = buildIndex(tables(p));
  const club = presidentsClub(index, AS_OF, DEFAULT_CONFIG, (email) => green[email] ?? null);
  return { index, club };
}

describe('positionPoints(values, places) and rankByPoints(points)', () => {
  it("President's Club: CSMs tied at the top all get 50; a later position than 3 gets 0, whatever the number of distinct values above it", () => {
    const values = new Map<string, number | null>([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['d', 0.5],
      ['e', 0.25],
      ['f', 0.1],
      ['g', 0],
      ['h', null],
    ]);
    expect(Object.fromEntries(positionPoints(values, [50, 35, 15]))).toEqual({ a: 50, b: 50, c: 50, d: 0, e: 0, f: 0, g: 0, h: 0 });
  });

  it("President's Club: a tie for first puts the next value in position 3 (0.9, 0.9, 0.8, 0.7 give 50, 50, 15, 0)", () => {
    const values = new Map<string, number | null>([['a', 0.9], ['b', 0.9], ['c', 0.8], ['d', 0.7]]);
    expect(Object.fromEntries(positionPoints(values, [50, 35, 15]))).toEqual({ a: 50, b: 50, c: 15, d: 0 });
  });

  it("President's Club: a tie for second shares 35 and the next value is in position 4 (0 points)", () => {
    const values = new Map<string, number | null>([['a', 3], ['b', 2], ['c', 2], ['d', 1]]);
    expect(Object.fromEntries(positionPoints(values, [50, 35, 15]))).toEqual({ a: 50, b: 35, c: 35, d: 0 });
  });

  it("President's Club: a value of 0 or null gets 0 even in position 1", () => {
    const values = new Map<string, number | null>([['a', 0], ['b', null], ['c', 0]]);
    expect(Object.fromEntries(positionPoints(values, [50, 35, 15]))).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('ranks by points with shared ranks for ties (1, 1, 3)', () => {
    const ranks = rankByPoints(new Map([['a', 100], ['b', 100], ['c', 50], ['d', 0]]));
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 1, c: 3, d: 4 });
  });
});

describe('presidentsClub(index, asOf, config, greenSuccessPlanRateOf)', () => {
  it('sums the points of the categories within a team and ranks the team', () => {
    const emails = ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com', 'e@x.com', 'f@x.com'];
    const [a, b, c, d1, d2, e] = [bookOf('a@x.com'), bookOf('b@x.com'), bookOf('c@x.com'), bookOf('d@x.com'), bookOf('d@x.com'), bookOf('e@x.com')];
    const inFy = day('2026-06-01');
    const activities = [a, b, c, d1].map((x) => activity({ accountId: x!.id, type: 'EBR', date: inFy }));
    const { club } = run(
      { csms: [lead, ...emails.map(member)], accounts: [a!, b!, c!, d1!, d2!, e!], activities },
      { 'a@x.com': 0.8, 'd@x.com': 0.8, 'b@x.com': 0.5, 'c@x.com': 0.2, 'e@x.com': 0.1 },
    );
    const pick = (email: string) => {
      const r = club.get(email)!;
      return [r.ebrCompletion, r.greenSuccessPlans, r.points, r.rank];
    };
    // ebrCompletion: a, b, c at 100% share position 1 (50 each); d at 50% is in position 4 (0); e at 0 and f (empty book, null) get 0.
    // greenSuccessPlans: a and d share position 1 (50), b is in position 3 (15), c in position 4 (0), f (null) 0.
    expect(emails.map(pick)).toEqual([
      [1, 0.8, 100, 1],
      [1, 0.5, 65, 2],
      [1, 0.2, 50, 3],
      [0.5, 0.8, 50, 3],
      [0, 0.1, 0, 5],
      [null, null, 0, 5],
    ]);
    expect(club.get('a@x.com')!.fiscalYear).toBe('FY2027');
    expect(club.get('b@x.com')!.categoryPoints).toEqual({ netArrContribution: 0, ebrCompletion: 50, greenSuccessPlans: 15, adoptionPlaysWon: 0, workshops: 0 });
    expect(club.get('d@x.com')!.counted.ebrCompletion).toEqual([d1!.id]);
    // No opportunities or CTAs supplied: those categories are null.
    expect(club.get('a@x.com')!.netArrContribution).toBeNull();
    expect(club.get('a@x.com')!.adoptionPlaysWon).toBeNull();
  });

  it("netArrContribution credits the opportunity's CSM column, else the account's CSM; a name not in the roster counts for no one", () => {
    const a1 = bookOf('a@x.com', { arr: 100 });
    const a2 = bookOf('a@x.com');
    const b1 = bookOf('b@x.com', { arr: 200 });
    const opportunities = [
      opportunity({ accountId: a1.id, netArr: 100, closeDate: AS_OF }), // a, by the account
      opportunity({ accountId: a1.id, netArr: 50, csmEmail: 'b@x.com' }), // b, by the CSM column
      opportunity({ accountId: a1.id, netArr: 1000, csmEmail: null }), // names nobody in the roster
      opportunity({ accountId: 'not-an-account', netArr: 20, csmEmail: 'a@x.com' }), // a, by the CSM column
      opportunity({ accountId: b1.id, netArr: 10, closeDate: day('2026-02-01') }), // first day of FY2027
      opportunity({ accountId: b1.id, netArr: 400, closeDate: day('2026-01-31') }), // FY2026
      opportunity({ accountId: a1.id, netArr: 500, closeDate: AS_OF + 1 }), // after T
      opportunity({ accountId: a1.id, netArr: 700, stage: 'Closed Lost' }),
    ];
    const { club } = run({ csms: [lead, member('a@x.com'), member('b@x.com'), person({ email: 'z@x.com' })], accounts: [a1, a2, b1], opportunities });
    expect(club.get('a@x.com')!.netArrContribution).toBe(1.2);
    expect(club.get('a@x.com')!.counted.netArrContribution).toHaveLength(2);
    expect(club.get('b@x.com')!.netArrContribution).toBe(0.3);
    // z has no book ARR: null, and ranked alone.
    expect(club.get('z@x.com')).toMatchObject({ netArrContribution: null, points: 0, rank: 1 });
    expect(club.get('a@x.com')).toMatchObject({ points: 50, rank: 1 });
    expect(club.get('b@x.com')).toMatchObject({ points: 35, rank: 2 });
  });

  it('adoptionPlaysWon: a play won exactly 12 months before E (2025-11-20) counts, one a day earlier does not', () => {
    const [w1, w2, x1, x2, x3] = [bookOf('a@x.com'), bookOf('a@x.com'), bookOf('a@x.com'), bookOf('a@x.com'), bookOf('a@x.com')];
    const ctas = [
      cta({ accountId: w1!.id, type: 'Expansion', status: 'Closed Won', createdDate: AS_OF - 400, closedDate: day('2025-11-20') }),
      cta({ accountId: w2!.id, type: 'Enablement', status: 'Completed', createdDate: AS_OF - 10, closedDate: AS_OF }),
      cta({ accountId: x1!.id, type: 'Enablement', status: 'Closed Won', createdDate: AS_OF - 400, closedDate: day('2025-11-19') }), // outside
      cta({ accountId: x2!.id, type: 'Expansion', status: 'Closed Lost', createdDate: AS_OF - 10, closedDate: AS_OF - 5 }),
      cta({ accountId: x3!.id, type: 'Risk', status: 'Closed Won', createdDate: AS_OF - 10, closedDate: AS_OF - 5 }),
      cta({ accountId: x3!.id, type: 'Expansion', status: 'Closed Won', createdDate: AS_OF - 10, closedDate: AS_OF + 1 }), // after T
    ];
    const { club } = run({ csms: [member('a@x.com'), lead], accounts: [w1!, w2!, x1!, x2!, x3!], ctas });
    expect(club.get('a@x.com')!.adoptionPlaysWon).toBe(0.4);
    expect(club.get('a@x.com')!.counted.adoptionPlaysWon.sort()).toEqual([w1!.id, w2!.id].sort());
  });

  it('workshops: distinct workshops the CSM presented with a date in the fiscal year up to T', () => {
    const [a1, a2] = [bookOf('a@x.com'), bookOf('a@x.com')];
    const ws = (accountId: string, date: number, subject: string) => activity({ accountId, type: 'Workshop', date, subject });
    const activities = [
      ws(a1!.id, day('2026-03-03'), 'CI Basics'),
      ws(a2!.id, day('2026-03-03'), ' ci basics '), // the same workshop logged for a second customer
      ws(a1!.id, day('2026-02-01'), 'Security'),
      ws(a1!.id, day('2026-01-31'), 'Security'), // FY2026
      ws(a1!.id, AS_OF + 1, 'Security'), // after T
    ];
    const { club } = run({ csms: [member('a@x.com'), lead], accounts: [a1!, a2!], activities });
    expect(club.get('a@x.com')!.workshops).toBe(2);
    expect(club.get('a@x.com')!.counted.workshops).toEqual(['2026-02-01 · a@x.com · security', '2026-03-03 · a@x.com · ci basics']);
  });
});

describe("President's Club by presenter and by fiscal year", () => {
  it("workshops count for the presenter: a workshop a presents on b's account counts for a, not b", () => {
    const [a1, b1] = [bookOf('a@x.com'), bookOf('b@x.com')];
    const activities = [
      activity({ accountId: b1.id, type: 'Workshop', date: day('2026-05-05'), subject: 'Pipelines', author: 'a@x.com' }),
      activity({ accountId: a1.id, type: 'Workshop', date: day('2026-05-06'), subject: 'Security' }), // no author: a1's CSM, a
    ];
    const { club } = run({ csms: [lead, member('a@x.com'), member('b@x.com')], accounts: [a1, b1], activities });
    expect(club.get('a@x.com')!.workshops).toBe(2);
    expect(club.get('b@x.com')!.workshops).toBe(0);
  });

  it('an earlier fiscal year is counted up to its last day (2026-01-31); later events do not count', () => {
    const a1 = bookOf('a@x.com');
    const activities = [
      activity({ accountId: a1.id, type: 'EBR', date: day('2026-01-31') }),
      activity({ accountId: a1.id, type: 'Workshop', date: day('2025-02-01'), subject: 'First day' }),
      activity({ accountId: a1.id, type: 'Workshop', date: day('2026-02-01'), subject: 'Next year' }),
    ];
    const index = buildIndex(tables({ csms: [lead, member('a@x.com')], accounts: [a1], activities }));
    const fy2026 = presidentsClubStanding(index, 'FY2026', AS_OF, DEFAULT_CONFIG, () => 0.5).get('a@x.com')!;
    expect(fy2026).toMatchObject({ fiscalYear: 'FY2026', ebrCompletion: 1, workshops: 1, greenSuccessPlans: 0.5 });
    const fy2027 = presidentsClubStanding(index, 'FY2027', AS_OF, DEFAULT_CONFIG, () => null).get('a@x.com')!;
    expect(fy2027).toMatchObject({ ebrCompletion: 0, workshops: 1 });
    expect(() => presidentsClubStanding(index, 'FY2028', AS_OF, DEFAULT_CONFIG, () => null)).toThrow(/starts after/);
  });

  it('fiscalYearsCovered: from the year of the earliest activity, won opportunity or snapshot to the year of T', () => {
    const a1 = bookOf('a@x.com');
    const index = buildIndex(tables({ csms: [member('a@x.com')], accounts: [a1], activities: [activity({ accountId: a1.id, type: 'Email', date: day('2025-01-31') })] }));
    expect(fiscalYearsCovered(index, AS_OF, DEFAULT_CONFIG, [])).toEqual(['FY2025', 'FY2026', 'FY2027']);
    expect(fiscalYearsCovered(index, AS_OF, DEFAULT_CONFIG, ['2024-02-01'])).toEqual(['FY2025', 'FY2026', 'FY2027']);
    expect(fiscalYearsCovered(index, AS_OF, DEFAULT_CONFIG, ['2024-01-31'])).toEqual(['FY2024', 'FY2025', 'FY2026', 'FY2027']);
  });
});

describe('presidentsClubGaps(club, index)', () => {
  it('gives the gap to the next better distinct value in the team; null at the top or for a null value', () => {
    const [a, b, c] = [bookOf('a@x.com'), bookOf('b@x.com'), bookOf('c@x.com')];
    const { index, club } = run(
      { csms: [lead, member('a@x.com'), member('b@x.com'), member('c@x.com')], accounts: [a!, b!, c!], activities: [activity({ accountId: a!.id, type: 'EBR', date: AS_OF })] },
      { 'a@x.com': 0.75, 'b@x.com': 0.25, 'c@x.com': null },
    );
    const gaps = presidentsClubGaps(club, index);
    expect(gaps.get('a@x.com')).toMatchObject({ ebrCompletion: null, greenSuccessPlans: null });
    expect(gaps.get('b@x.com')).toMatchObject({ ebrCompletion: 1, greenSuccessPlans: 0.5 });
    expect(gaps.get('c@x.com')).toMatchObject({ ebrCompletion: 1, greenSuccessPlans: null });
  });
});
