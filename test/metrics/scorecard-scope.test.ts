import { describe, expect, it } from 'vitest';
import { SCORECARD_KEYS, type MetricResult, type Status } from '../../src/metrics/types.ts';
import { targetSegmentOf } from '../../src/metrics/scorecard.ts';
import { rollUpStatus } from '../../src/metrics/status.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { account, AS_OF, person, tables } from './build-tables.ts';
import { accounts, scopeOf, scorecardOf } from './scorecard-fixture.ts';

const lead = person({ email: 'lead@example.com', name: 'Lee Lead', role: 'Manager' });
const member = (email: string, role: 'Strategic Enterprise' | 'Strategic Commercial' | 'Growth' | 'Scale') => person({ email, role, managerEmail: lead.email });
const withStatus = (status: Status): MetricResult => ({ value: 1, target: null, status, numerator: [], denominator: [] });

describe('targetSegmentOf', () => {
  it('a CSM takes its own segment; a team or the org takes none (its status is rolled up)', () => {
    const index = buildIndex(tables({ csms: [lead, member('a@example.com', 'Strategic Commercial')] }));
    expect(targetSegmentOf(scopeOf(index, { csm: 'a@example.com' }))).toBe('Strategic');
    expect(targetSegmentOf(scopeOf(index, { team: lead.email }))).toBeNull();
    expect(targetSegmentOf(scopeOf(index, 'org'))).toBeNull();
  });
});

describe('team and org roll-up: k of n CSMs on target', () => {
  it('roll-up: k = n is on-target', () => {
    expect(rollUpStatus(5, ['on-target', 'on-target', 'on-target'].map((s) => withStatus(s as Status)))).toEqual({ status: 'on-target', rollUp: { onTarget: 3, of: 3 } });
  });
  it('roll-up: k ≥ n / 2 is watch (exactly half included)', () => {
    expect(rollUpStatus(5, ['on-target', 'on-target', 'off-target', 'watch'].map((s) => withStatus(s as Status)))).toEqual({ status: 'watch', rollUp: { onTarget: 2, of: 4 } });
  });
  it('roll-up: k < n / 2 is off-target, and a CSM in watch counts as not on target', () => {
    expect(rollUpStatus(5, ['on-target', 'watch', 'watch'].map((s) => withStatus(s as Status)))).toEqual({ status: 'off-target', rollUp: { onTarget: 1, of: 3 } });
  });
  it('roll-up: n = 0 (no CSM with a target and a value) is no-target; CSMs without a target or a value are not counted', () => {
    expect(rollUpStatus(5, ['no-target', 'no-data'].map((s) => withStatus(s as Status)))).toEqual({ status: 'no-target', rollUp: { onTarget: 0, of: 0 } });
    expect(rollUpStatus(5, [])).toEqual({ status: 'no-target', rollUp: { onTarget: 0, of: 0 } });
    expect(rollUpStatus(5, ['on-target', 'no-data', 'no-target'].map((s) => withStatus(s as Status))).rollUp).toEqual({ onTarget: 1, of: 1 });
  });
  it('roll-up: a null value of the team itself is no-data', () => {
    expect(rollUpStatus(null, [withStatus('on-target')]).status).toBe('no-data');
  });

  it('bookSize: a team of Strategic books of 15, 15 and 25 is "2 of 3 CSMs on target" (watch), not its summed 55 against 12 to 20', () => {
    const t = tables({
      csms: [lead, member('a@example.com', 'Strategic Enterprise'), member('b@example.com', 'Strategic Enterprise'), member('c@example.com', 'Strategic Commercial')],
      accounts: [...accounts(15, 'A', { csmEmail: 'a@example.com' }), ...accounts(15, 'B', { csmEmail: 'b@example.com' }), ...accounts(25, 'C', { csmEmail: 'c@example.com' })],
    });
    const b = scorecardOf(t, { team: lead.email }).bookSize;
    expect([b.value, b.status, b.target, b.rollUp]).toEqual([55, 'watch', { label: '2 of 3 CSMs on target' }, { onTarget: 2, of: 3 }]);
  });

  it('bookSize: a team with every CSM inside 12 to 20 is on-target; a Growth-and-Scale team has no target (n = 0)', () => {
    const strategic = tables({
      csms: [lead, member('a@example.com', 'Strategic Enterprise'), member('b@example.com', 'Strategic Enterprise')],
      accounts: [...accounts(12, 'A', { csmEmail: 'a@example.com' }), ...accounts(20, 'B', { csmEmail: 'b@example.com' })],
    });
    expect(scorecardOf(strategic, { team: lead.email }).bookSize).toMatchObject({ value: 32, status: 'on-target', rollUp: { onTarget: 2, of: 2 } });
    const other = tables({ csms: [lead, member('g@example.com', 'Growth'), member('s@example.com', 'Scale')], accounts: accounts(40, 'G', { csmEmail: 'g@example.com' }) });
    expect(scorecardOf(other, { team: lead.email }).bookSize).toMatchObject({ value: 40, status: 'no-target', target: null, rollUp: { onTarget: 0, of: 0 } });
  });

  it('healthFreshness: 1 of 3 CSMs fully fresh is off-target for the team and the org', () => {
    const t = tables({
      csms: [lead, member('a@example.com', 'Growth'), member('b@example.com', 'Growth'), member('c@example.com', 'Scale')],
      accounts: [
        account({ id: 'A1', csmEmail: 'a@example.com', healthUpdated: null }),
        account({ id: 'B1', csmEmail: 'b@example.com', healthUpdated: null }),
        account({ id: 'C1', csmEmail: 'c@example.com', healthUpdated: AS_OF }),
      ],
    });
    expect(scorecardOf(t, { team: lead.email }).healthFreshness).toMatchObject({ status: 'off-target', target: { label: '1 of 3 CSMs on target' } });
    expect(scorecardOf(t, 'org').healthFreshness).toMatchObject({ status: 'off-target', rollUp: { onTarget: 1, of: 3 } });
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
  it('the org status rolls up from every CSM of the roster', () => {
    expect(scorecardOf(t, 'org').ebrsLast30Days).toMatchObject({ value: 0, status: 'off-target', rollUp: { onTarget: 0, of: 3 } });
  });
  it('returns every scorecard key in page order', () => {
    expect(Object.keys(scorecardOf(t, { csm: 'a@example.com' }))).toEqual([...SCORECARD_KEYS]);
  });
});
