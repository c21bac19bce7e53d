import { describe, expect, it } from 'vitest';
import { ConfigSchema, DEFAULT_CONFIG } from '../../src/config.ts';
import type { Account } from '../../src/ingest/tables.ts';
import { upcomingRenewals } from '../../src/metrics/renewals.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { AS_OF, account, day, person, tables } from './build-tables.ts';

function run(accounts: Account[], config = DEFAULT_CONFIG) {
  const index = buildIndex(tables({ csms: [person()], accounts }));
  return upcomingRenewals(index.bookByCsm.get('csm@example.com')!, index, AS_OF, config);
}

describe('upcomingRenewals(book, index, asOf, config)', () => {
  it('spans the current fiscal quarter and the next three, even when empty', () => {
    expect(run([]).map((q) => [q.quarter, q.count, q.arr])).toEqual([
      ['FY27-Q4', 0, 0],
      ['FY28-Q1', 0, 0],
      ['FY28-Q2', 0, 0],
      ['FY28-Q3', 0, 0],
    ]);
  });

  it('groups by the fiscal quarter of R at the quarter edges; R = T is not upcoming', () => {
    const onT = account({ renewalDate: AS_OF, arr: 1 });
    const nextDay = account({ renewalDate: AS_OF + 1, arr: 100 });
    const q4End = account({ renewalDate: day('2027-01-31'), arr: 200 });
    const q1Start = account({ renewalDate: day('2027-02-01'), arr: 400 });
    const q3End = account({ renewalDate: day('2027-10-31'), arr: 800 });
    const tooFar = account({ renewalDate: day('2027-11-01'), arr: 1600 });
    const past = account({ renewalDate: AS_OF - 30, arr: 3200 });
    const r = run([onT, nextDay, q4End, q1Start, q3End, tooFar, past, account()]);
    expect(r.map((q) => [q.quarter, q.accounts, q.arr])).toEqual([
      ['FY27-Q4', [nextDay.id, q4End.id], 300],
      ['FY28-Q1', [q1Start.id], 400],
      ['FY28-Q2', [], 0],
      ['FY28-Q3', [q3End.id], 800],
    ]);
  });

  it('splits each quarter by health; an empty ARR adds 0 and an empty health is None', () => {
    const r = run([
      account({ renewalDate: AS_OF + 10, arr: 100, health: 'Red' }),
      account({ renewalDate: AS_OF + 20, arr: 50, health: 'Red' }),
      account({ renewalDate: AS_OF + 30, arr: null, health: 'Green' }),
      account({ renewalDate: AS_OF + 40, arr: 7, health: null }),
    ]);
    expect(r[0]).toMatchObject({
      count: 4,
      arr: 157,
      byHealth: { Red: { count: 2, arr: 150 }, Green: { count: 1, arr: 0 }, Yellow: { count: 0, arr: 0 }, None: { count: 1, arr: 7 } },
    });
  });

  it('follows the configured fiscal year start', () => {
    const calendar = ConfigSchema.parse({ fiscalYearStartMonth: 1 });
    const dec31 = account({ renewalDate: day('2026-12-31') });
    const jan1 = account({ renewalDate: day('2027-01-01') });
    const r = run([dec31, jan1], calendar);
    expect(r.map((q) => [q.quarter, q.accounts])).toEqual([
      ['FY26-Q4', [dec31.id]],
      ['FY27-Q1', [jan1.id]],
      ['FY27-Q2', []],
      ['FY27-Q3', []],
    ]);
  });
});
