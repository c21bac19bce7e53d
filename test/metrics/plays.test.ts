import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import type { Tables } from '../../src/ingest/tables.ts';
import { playsByQuarter } from '../../src/metrics/plays.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { AS_OF, CSM_EMAIL, account, activity, cta, day, opportunity, person, tables } from './build-tables.ts';

const OTHER = 'other@example.com';
const QUARTERS = ['FY27-Q3', 'FY27-Q4']; // 2026-08-01..2026-10-31 and 2026-11-01..2027-01-31; T = 2026-11-20

function run(p: Partial<Tables>) {
  const index = buildIndex(tables({ csms: [person(), person({ email: OTHER, name: 'Olive Other' })], ...p }));
  return playsByQuarter(index.bookByCsm.get(CSM_EMAIL)!, new Set([CSM_EMAIL]), index, QUARTERS, AS_OF, DEFAULT_CONFIG);
}

describe('playsByQuarter(book, csmEmails, index, quarters, asOf, config)', () => {
  it('plays: completed = won, closed = won + lost, invalid counted apart; win rate over won + lost, mean days to close of won or lost; nothing after T', () => {
    const a = account();
    const notInBook = account({ csmEmail: OTHER });
    const ctas = [
      cta({ accountId: a.id, status: 'Closed Won', createdDate: day('2026-08-10'), closedDate: day('2026-08-20') }), // Q3, 10 days
      cta({ accountId: a.id, status: 'Closed Lost', createdDate: day('2026-07-01'), closedDate: day('2026-10-31') }), // opened Q2, closed Q3, 122 days
      cta({ accountId: a.id, status: 'Open', createdDate: day('2026-10-31') }), // opened Q3
      cta({ accountId: a.id, status: 'Closed Invalid', createdDate: day('2026-11-01'), closedDate: day('2026-11-05') }), // Q4, 4 days
      cta({ accountId: a.id, status: 'Closed Won', createdDate: day('2026-11-02'), closedDate: AS_OF + 1 }), // opened Q4, still open at T
      cta({ accountId: a.id, status: 'Open', createdDate: AS_OF + 1 }), // does not exist yet
      cta({ accountId: notInBook.id, status: 'Closed Won', createdDate: day('2026-08-10'), closedDate: day('2026-08-11') }),
      cta({ accountId: a.id, type: 'Enablement', status: 'Completed', createdDate: day('2026-09-01'), closedDate: day('2026-09-03') }),
    ];
    const [q3, q4] = run({ accounts: [a, notInBook], ctas });
    expect(q3).toMatchObject({ quarter: 'FY27-Q3', expansionOpened: 2, expansionCompleted: 1, expansionClosed: 2, expansionInvalid: 0, expansionWinRate: 0.5, expansionDaysToClose: 66 });
    // The invalid CTA closed in Q4 is neither completed nor closed, and adds no days to close.
    expect(q4).toMatchObject({ quarter: 'FY27-Q4', expansionOpened: 2, expansionCompleted: 0, expansionClosed: 0, expansionInvalid: 1, expansionWinRate: null, expansionDaysToClose: null });
    expect(q3).toMatchObject({ enablementOpened: 1, enablementCompleted: 1, enablementClosed: 1, enablementInvalid: 0, enablementWinRate: 1, enablementDaysToClose: 2 });
    expect(q4).toMatchObject({ enablementOpened: 0, enablementCompleted: 0, enablementClosed: 0, enablementWinRate: null, enablementDaysToClose: null });
  });

  it('plays: a Cancelled CTA counts as invalid, not as closed', () => {
    const a = account();
    const ctas = [cta({ accountId: a.id, type: 'Enablement', status: 'Cancelled', createdDate: day('2026-08-10'), closedDate: day('2026-08-12') })];
    const [q3] = run({ accounts: [a], ctas });
    expect(q3).toMatchObject({ enablementCompleted: 0, enablementClosed: 0, enablementInvalid: 1, enablementDaysToClose: null });
  });

  it("renewalRate: the scope's Renewal opportunities closed won / closed won or lost in the quarter", () => {
    const a = account();
    const q3 = day('2026-09-15');
    const opportunities = [
      opportunity({ accountId: a.id, orderType: 'Renewal', stage: 'Closed Won', closeDate: q3 }), // account's CSM
      opportunity({ accountId: 'not-an-account', orderType: 'Renewal', stage: 'Closed Lost', closeDate: q3, csmEmail: CSM_EMAIL }), // CSM column
      opportunity({ accountId: a.id, orderType: 'Renewal', stage: 'Closed Lost', closeDate: q3, csmEmail: OTHER }), // another CSM's
      opportunity({ accountId: a.id, orderType: 'Renewal', stage: 'Closed Lost', closeDate: q3, csmEmail: null }), // names nobody
      opportunity({ accountId: a.id, orderType: 'Growth', stage: 'Closed Lost', closeDate: q3 }), // not a renewal
      opportunity({ accountId: a.id, orderType: 'Renewal', stage: 'Negotiation', closeDate: q3 }), // not decided
      opportunity({ accountId: a.id, orderType: 'Renewal', stage: 'Closed Won', closeDate: AS_OF + 1 }), // after T
    ];
    const [r3, r4] = run({ accounts: [a], opportunities });
    expect(r3!.renewalRate).toBe(0.5);
    expect(r4!.renewalRate).toBeNull();
  });

  it('roundtableCoverage: industries of the book with a Roundtable in the quarter / industries of the book', () => {
    const fin1 = account({ industry: 'Finance' });
    const fin2 = account({ industry: 'Finance' });
    const retail = account({ industry: 'Retail' });
    const health = account({ industry: 'Health' });
    const noIndustry = account();
    const otherHealth = account({ industry: 'Health', csmEmail: OTHER });
    const activities = [
      activity({ accountId: fin2.id, type: 'Roundtable', date: day('2026-08-01') }),
      activity({ accountId: retail.id, type: 'Roundtable', date: day('2026-10-31') }),
      activity({ accountId: noIndustry.id, type: 'Roundtable', date: day('2026-09-01') }),
      activity({ accountId: otherHealth.id, type: 'Roundtable', date: day('2026-09-01') }), // not the scope's account
      activity({ accountId: health.id, type: 'Cadence Call', date: day('2026-09-01') }),
      activity({ accountId: health.id, type: 'Roundtable', date: AS_OF + 1 }), // after T
    ];
    const [q3, q4] = run({ accounts: [fin1, fin2, retail, health, noIndustry, otherHealth], activities });
    expect(q3!.roundtableCoverage).toBeCloseTo(2 / 3, 12);
    expect(q4!.roundtableCoverage).toBe(0);
  });

  it('a book with no industries and no plays gives null rates and zero counts', () => {
    const [q3] = run({ accounts: [account()] });
    expect(q3).toEqual({
      quarter: 'FY27-Q3',
      expansionOpened: 0,
      expansionCompleted: 0,
      expansionClosed: 0,
      expansionInvalid: 0,
      expansionWinRate: null,
      expansionDaysToClose: null,
      enablementOpened: 0,
      enablementCompleted: 0,
      enablementClosed: 0,
      enablementInvalid: 0,
      enablementWinRate: null,
      enablementDaysToClose: null,
      renewalRate: null,
      roundtableCoverage: null,
    });
  });
});
