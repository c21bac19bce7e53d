import { describe, expect, it } from 'vitest';
import { SCORECARD_KEYS } from '../../src/report/model.ts';
import { targetSegmentOf } from '../../src/metrics/scorecard.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { account, CSM_EMAIL, person, tables } from './build-tables.ts';
import { accounts, scopeOf, scorecardOf } from './scorecard-fixture.ts';

const lead = person({ email: 'lead@example.com', name: 'Lee Lead', role: 'Manager' });
const member = (email: string, role: 'Strategic Enterprise' | 'Strategic Commercial' | 'Growth' | 'Scale') => person({ email, role, managerEmail: lead.email });

describe('targetSegmentOf', () => {
  it('a CSM takes its own segment', () => {
    const index = buildIndex(tables({ csms: [person({ role: 'Strategic Commercial' })] }));
    expect(targetSegmentOf(scopeOf(index, { csm: CSM_EMAIL }))).toBe('Strategic');
  });
  it('a team takes the segment holding most book accounts, not most CSMs', () => {
    const t = tables({
      csms: [lead, member('g@example.com', 'Growth'), member('s1@example.com', 'Strategic Enterprise'), member('s2@example.com', 'Strategic Commercial')],
      accounts: [...accounts(3, 'G', { csmEmail: 'g@example.com' }), account({ id: 'S1', csmEmail: 's1@example.com' }), account({ id: 'S2', csmEmail: 's2@example.com' })],
    });
    const index = buildIndex(t);
    expect(targetSegmentOf(scopeOf(index, { team: lead.email }))).toBe('Growth');
    // The team's targets follow: Growth ebrCoverage is 20%, Growth has no book-size target.
    const card = scorecardOf(t, { team: lead.email });
    expect(card.ebrCoverage.target?.min).toBe(0.2);
    expect(card.bookSize.target).toBeNull();
  });
  it('a tie in accounts goes to the segment with more CSMs, then Strategic before Growth before Scale', () => {
    const tie = tables({
      csms: [lead, member('g@example.com', 'Growth'), member('s1@example.com', 'Scale'), member('s2@example.com', 'Scale')],
      accounts: [account({ id: 'G1', csmEmail: 'g@example.com' }), account({ id: 'S1', csmEmail: 's1@example.com' })],
    });
    expect(targetSegmentOf(scopeOf(buildIndex(tie), { team: lead.email }))).toBe('Scale');
    const even = tables({ csms: [lead, member('g@example.com', 'Growth'), member('s@example.com', 'Strategic Enterprise')] });
    expect(targetSegmentOf(scopeOf(buildIndex(even), { team: lead.email }))).toBe('Strategic');
    // Input order does not change the choice.
    const reversed = tables({ csms: [lead, member('s@example.com', 'Strategic Enterprise'), member('g@example.com', 'Growth')] });
    expect(targetSegmentOf(scopeOf(buildIndex(reversed), { team: lead.email }))).toBe('Strategic');
  });
});

describe('scopes', () => {
  const t = tables({
    csms: [lead, member('a@example.com', 'Strategic Enterprise'), member('b@example.com', 'Strategic Enterprise'), person({ email: 'solo@example.com' })],
    accounts: [
      account({ id: 'A1', csmEmail: 'a@example.com' }),
      account({ id: 'B1', csmEmail: 'b@example.com' }),
      account({ id: 'B2', csmEmail: 'b@example.com', status: 'Churned' }),
      account({ id: 'O1', csmEmail: 'solo@example.com' }),
      account({ id: 'U1', csmEmail: null }),
    ],
  });
  it('a team is the union of its CSMs’ books; the org every book account, never unassigned ones', () => {
    expect(scorecardOf(t, { team: lead.email }).bookSize.numerator).toEqual(['A1', 'B1']);
    expect(scorecardOf(t, 'org').bookSize.numerator).toEqual(['A1', 'B1', 'O1']);
  });
  it('the org ebrsLast30Days target scales with every CSM of the roster', () => {
    expect(scorecardOf(t, 'org').ebrsLast30Days.target).toMatchObject({ min: 3, max: 6 });
  });
  it('returns every scorecard key in page order', () => {
    expect(Object.keys(scorecardOf(t, { csm: 'a@example.com' }))).toEqual([...SCORECARD_KEYS]);
  });
});
