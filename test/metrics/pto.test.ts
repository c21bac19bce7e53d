import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { isoFromDay } from '../../src/dates.ts';
import type { TimeOff } from '../../src/ingest/tables.ts';
import { ptoCoverage } from '../../src/metrics/pto.ts';
import { buildIndex } from '../../src/metrics/table-index.ts';
import { AS_OF, CSM_EMAIL, account, person, tables, timeOff } from './build-tables.ts';

const T = AS_OF;
const BUDDY = 'buddy@example.com';
const SOLO = 'solo@example.com';
const LEAD = 'lead@example.com';
const roster = [
  person({ backupEmail: BUDDY }),
  person({ email: BUDDY, name: 'Bo Buddy' }),
  person({ email: SOLO, name: 'Sol Solo' }),
  person({ email: LEAD, name: 'Lee Lead', role: 'Manager' }),
];

function run(pto: TimeOff[], atRisk: ReadonlySet<string> = new Set(), accounts = [account()]) {
  const index = buildIndex(tables({ csms: roster, accounts, pto }));
  return ptoCoverage(index, T, DEFAULT_CONFIG, (id) => ({ atRisk: atRisk.has(id) }));
}

describe('ptoCoverage(index, asOf, config, factsOf)', () => {
  it('lists CSM time off overlapping T < d ≤ T + 30 only', () => {
    const r = run([
      timeOff({ email: SOLO, start: T - 5, end: T }), // over by T
      timeOff({ email: SOLO, start: T - 5, end: T + 1 }),
      timeOff({ email: SOLO, start: T + 30, end: T + 40 }),
      timeOff({ email: SOLO, start: T + 31, end: T + 40 }), // beyond the window
      timeOff({ email: LEAD, start: T + 1, end: T + 3 }), // not a CSM: no book to cover
    ]);
    expect(r.map((e) => [e.csmEmail, e.start, e.end])).toEqual([
      [SOLO, isoFromDay(T - 5), isoFromDay(T + 1)],
      [SOLO, isoFromDay(T + 30), isoFromDay(T + 40)],
    ]);
  });

  it("takes the row's backup, else the roster's, and flags a missing one", () => {
    const r = run([timeOff({ start: T + 1, end: T + 2 }), timeOff({ email: SOLO, start: T + 3, end: T + 4 }), timeOff({ email: SOLO, start: T + 5, end: T + 6, backupEmail: BUDDY })]);
    expect(r.map((e) => [e.csmEmail, e.backupEmail, e.noBackup])).toEqual([
      [CSM_EMAIL, BUDDY, false],
      [SOLO, null, true],
      [SOLO, BUDDY, false],
    ]);
  });

  it('PTO: a backup also off on any day of the whole time off is flagged, even past the 30-day window', () => {
    const r = run([
      timeOff({ start: T + 1, end: T + 7 }),
      timeOff({ email: BUDDY, start: T + 7, end: T + 10, backupEmail: SOLO }), // overlaps the CSM's last day
      timeOff({ email: SOLO, start: T + 20, end: T + 40, backupEmail: CSM_EMAIL }),
      timeOff({ email: CSM_EMAIL, start: T + 31, end: T + 33, backupEmail: BUDDY }), // after the window, but inside SOLO's time off
    ]);
    expect(r.map((e) => [e.csmEmail, e.backupAlsoOff])).toEqual([
      [CSM_EMAIL, true],
      [BUDDY, false],
      [SOLO, true],
    ]);
    // The backup off only on the day after the time off ends: no clash.
    const after = run([timeOff({ start: T + 1, end: T + 7 }), timeOff({ email: BUDDY, start: T + 8, end: T + 9 })]);
    expect(after.find((e) => e.csmEmail === CSM_EMAIL)!.backupAlsoOff).toBe(false);
  });

  it("lists the CSM's P1 accounts, renewals that fall in the time off, and at-risk accounts", () => {
    const p1 = account({ priority: 'P1' });
    const renewsFirstDay = account({ renewalDate: T + 1 });
    const renewsLastDay = account({ renewalDate: T + 7, priority: 'P2' });
    const renewsAfter = account({ renewalDate: T + 8 });
    const risky = account();
    const othersP1 = account({ priority: 'P1', csmEmail: SOLO });
    const [entry] = run([timeOff({ start: T + 1, end: T + 7 })], new Set([risky.id, othersP1.id]), [p1, renewsFirstDay, renewsLastDay, renewsAfter, risky, othersP1]);
    expect(entry).toMatchObject({
      p1Accounts: [p1.id],
      renewals: [renewsFirstDay.id, renewsLastDay.id],
      atRiskAccounts: [risky.id],
    });
  });
});
