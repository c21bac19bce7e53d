import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { isoFromDay, type Day } from '../../src/dates.ts';
import type { Account, Activity, Person, SuccessPlan, Tables } from '../../src/ingest/tables.ts';
import { lastDayWithin, type ActionRule, type WeekAction } from '../../src/report/actions.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { actionChangesSince, snapshotOf, type Snapshot } from '../../src/report/history.ts';
import type { ReportModel } from '../../src/report/model.ts';
import { account, activity, AS_OF, cta, day, person, plan, tables } from '../metrics/build-tables.ts';

// T = 2026-11-20; "this week" runs to T + 7 = 2026-11-27.
const T = AS_OF;
const iso = (d: Day) => isoFromDay(d);

interface Book {
  csm?: Partial<Person>;
  accounts: Account[];
  activities?: Activity[];
  plans?: SuccessPlan[];
  ctas?: Tables['ctas'];
}

function build(b: Book, history: Snapshot[] = [], asOf: Day = T): ReportModel {
  const t = tables({
    csms: [person(b.csm)],
    accounts: b.accounts,
    activities: b.activities ?? [],
    successPlans: b.plans ?? null,
    ctas: b.ctas ?? null,
  });
  return buildReport({ tables: t, config: DEFAULT_CONFIG, asOf, history, quality: { files: {}, issues: [] }, rejectedFiles: {}, frozenQbrs: null });
}

const actionsOf = (b: Book): WeekAction[] => build(b).csms[0]!.actions;
const one = (b: Book, rule: ActionRule): WeekAction | undefined => actionsOf(b).find((a) => a.rule === rule);
const brief = (a: WeekAction | undefined) => (a ? { when: a.when, due: a.due } : undefined);

/** A Strategic account that needs nothing: fresh health, a call yesterday, an EBR this year. */
function fine(o: Partial<Account> = {}): Account {
  return account({ priority: 'P2', health: 'Green', healthUpdated: T, ...o });
}
const callsOn = (id: string): Activity[] => [activity({ accountId: id, type: 'Cadence Call', date: T - 1 }), activity({ accountId: id, type: 'EBR', date: T - 10 })];

describe('this week: cadence calls', () => {
  const withCall = (priority: 'P1' | 'P2', daysAgo: number) => {
    const a = fine({ priority });
    return { accounts: [a], activities: [activity({ accountId: a.id, date: T - daysAgo }), activity({ accountId: a.id, type: 'EBR', date: T - 10 })] };
  };

  it('cadence: a P1 account last called 14 days before T is due today, not overdue', () => {
    const a = one(withCall('P1', 14), 'cadence');
    expect(brief(a)).toEqual({ when: 'today', due: '2026-11-20' });
    expect(a!.reason).toBe('last cadence call 2026-11-06, P1: every 14 days');
  });

  it('cadence: a P1 account last called 15 days before T is overdue since the day after its due date', () => {
    expect(brief(one(withCall('P1', 15), 'cadence'))).toEqual({ when: 'overdue', due: '2026-11-19' });
  });

  it('cadence: a call due on T + 7 is due this week; one due on T + 8 is not listed', () => {
    expect(brief(one(withCall('P1', 7), 'cadence'))).toEqual({ when: 'this week', due: '2026-11-27' });
    expect(one(withCall('P1', 6), 'cadence')).toBeUndefined();
    // P2: every 31 days.
    expect(brief(one(withCall('P2', 24), 'cadence'))).toEqual({ when: 'this week', due: '2026-11-27' });
  });

  it('cadence: never called, overdue from the onboarding start + interval; due today the day before', () => {
    const due = (start: Day) => one({ accounts: [fine({ priority: 'P1', onboardingStart: start })] }, 'cadence');
    expect(brief(due(T - 13))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(due(T - 14))).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(due(T - 14)!.reason).toBe('no cadence call since the onboarding start 2026-11-06, P1: every 14 days');
  });

  it('cadence: a long-standing account never called is overdue with no date; no priority reads as P2', () => {
    const a = one({ accounts: [fine({ priority: null })] }, 'cadence');
    expect(brief(a)).toEqual({ when: 'overdue', due: null });
    expect(a!.reason).toBe('no cadence call on record, no priority (read as P2): every 31 days');
  });

  it('cadence: a Scale CSM has no cadence interval, so no cadence action', () => {
    expect(one({ csm: { role: 'Scale' }, accounts: [fine({ priority: 'P1' })] }, 'cadence')).toBeUndefined();
  });
});

describe('this week: renewals', () => {
  const renewing = (renewalDate: Day, o: Partial<Account> = {}, activities: Activity[] = []) => {
    const a = fine({ renewalDate, ...o });
    return { accounts: [a], activities: [...callsOn(a.id), ...activities.map((x) => ({ ...x, accountId: a.id }))] };
  };

  it('renewal question: on the first day of the window it is to ask now, by the window end (listed ahead of the week)', () => {
    const a = one(renewing(day('2027-03-20')), 'renewal-question');
    expect(brief(a)).toEqual({ when: 'later', due: '2026-12-20' });
    expect(a!.reason).toBe('renews 2027-03-20; the window to ask is 2026-11-20 to 2026-12-20');
  });

  it('renewal question: on the window end it is due today; the day after, it is missed (overdue)', () => {
    expect(brief(one(renewing(day('2027-02-20')), 'renewal-question'))).toEqual({ when: 'today', due: '2026-11-20' });
    const missed = one(renewing(day('2027-02-19')), 'renewal-question');
    expect(brief(missed)).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(missed!.reason).toBe('renews 2027-02-19; the window to ask closed 2026-11-19 with no renewal call');
  });

  it('renewal question: a window opening on T + 7 is listed this week; one opening on T + 8 is not', () => {
    const a = one(renewing(day('2027-03-27')), 'renewal-question');
    expect(brief(a)).toEqual({ when: 'this week', due: '2026-11-27' });
    expect(a!.reason).toBe('renews 2027-03-27; the window to ask opens 2026-11-27 and closes 2026-12-27');
    expect(one(renewing(day('2027-03-28')), 'renewal-question')).toBeUndefined();
  });

  it('renewal question: a renewal call in the window means it was asked: no action', () => {
    expect(one(renewing(day('2027-02-20'), {}, [activity({ type: 'Renewal Call', date: day('2026-10-25') })]), 'renewal-question')).toBeUndefined();
  });

  it('at-risk renewal: a Red account renewing on T + 90 is listed (due on the renewal); on T + 91 it is not', () => {
    const a = one(renewing(T + 90, { health: 'Red' }), 'at-risk-renewal');
    expect(brief(a)).toEqual({ when: 'later', due: iso(T + 90) });
    expect(a!.reason).toBe(`renews ${iso(T + 90)}; at risk: health Red`);
    expect(one(renewing(T + 91, { health: 'Red' }), 'at-risk-renewal')).toBeUndefined();
    expect(brief(one(renewing(T + 3, { health: 'Red' }), 'at-risk-renewal'))).toEqual({ when: 'this week', due: iso(T + 3) });
  });

  it('at-risk renewal: an open Risk CTA makes a Green account at risk; without it there is no action', () => {
    const book = renewing(T + 30);
    const id = book.accounts[0]!.id;
    expect(one({ ...book, ctas: [cta({ accountId: id, type: 'Risk' })] }, 'at-risk-renewal')!.reason).toBe(`renews ${iso(T + 30)}; at risk: an open Risk CTA`);
    expect(one({ ...book, ctas: [] }, 'at-risk-renewal')).toBeUndefined();
  });
});

describe('this week: EBRs', () => {
  const withEbrs = (dates: Day[], o: Partial<Account> = {}, role: Person['role'] = 'Strategic Enterprise') => {
    const a = fine(o);
    return { csm: { role }, accounts: [a], activities: [activity({ accountId: a.id, date: T - 1 }), ...dates.map((date) => activity({ accountId: a.id, type: 'EBR', date }))] };
  };

  it('EBR: an EBR exactly 12 months before T keeps the account on time until today; one a day earlier is overdue', () => {
    const a = one(withEbrs([day('2025-11-20')]), 'ebr');
    expect(brief(a)).toEqual({ when: 'today', due: '2026-11-20' });
    expect(a!.reason).toBe('last EBR 2025-11-20; Strategic accounts: one EBR every 12 months');
    expect(brief(one(withEbrs([day('2025-11-19')]), 'ebr'))).toEqual({ when: 'overdue', due: '2026-11-19' });
  });

  it('EBR: Growth accounts are never EBR-overdue', () => {
    expect(one(withEbrs([day('2025-01-01')], {}, 'Growth'), 'ebr')).toBeUndefined();
  });

  it('EBR: a highest-ARR account with one EBR is due its second six months later: today, overdue, or later', () => {
    expect(brief(one(withEbrs([day('2026-05-20')], { arr: 100 }), 'ebr-high-arr'))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(one(withEbrs([day('2026-05-19')], { arr: 100 }), 'ebr-high-arr'))).toEqual({ when: 'overdue', due: '2026-11-19' });
    const later = one(withEbrs([day('2026-08-01')], { arr: 100 }), 'ebr-high-arr');
    expect(brief(later)).toEqual({ when: 'later', due: '2027-02-01' });
    expect(later!.reason).toBe('a highest-ARR account with 1 EBR in the last 12 months (2026-08-01); these need 2 a year');
  });

  it('EBR: a highest-ARR account with two EBRs in 12 months, or no ARR, is not short', () => {
    expect(one(withEbrs([day('2026-02-01'), day('2026-08-01')], { arr: 100 }), 'ebr-high-arr')).toBeUndefined();
    expect(one(withEbrs([day('2026-08-01')], { arr: null }), 'ebr-high-arr')).toBeUndefined();
  });
});

describe('this week: health, success plans, workshops', () => {
  it('health: updated exactly one month before T is due today; a day earlier is stale (overdue)', () => {
    const health = (updated: Day) => one({ accounts: [fine({ healthUpdated: updated })] }, 'health');
    expect(brief(health(day('2026-10-20')))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(health(day('2026-10-20'))!.reason).toBe('health last updated 2026-10-20; update it at least monthly');
    expect(brief(health(day('2026-10-19')))).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(brief(health(day('2026-10-27')))).toEqual({ when: 'this week', due: '2026-11-27' });
    expect(health(day('2026-10-28'))).toBeUndefined();
    expect(brief(one({ accounts: [fine({ healthUpdated: null })] }, 'health'))).toEqual({ when: 'overdue', due: null });
  });

  it('success plan missing: expected from more than 30 days after the onboarding start', () => {
    const missing = (start: Day) => one({ accounts: [fine({ onboardingStart: start })], plans: [] }, 'success-plan-missing');
    expect(brief(missing(T - 30))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(missing(T - 31))).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(missing(T - 31)!.reason).toBe('no active success plan; expected from 30 days after the onboarding start 2026-10-20');
    expect(missing(T - 22)).toBeUndefined();
  });

  it('success plan: a Yellow active plan is to bring to green; a Green one is not', () => {
    const a = fine();
    const withPlan = (planHealth: SuccessPlan['planHealth']) =>
      one({ accounts: [a], plans: [plan({ accountId: a.id, name: 'Roll out CI', planHealth, lastUpdated: T })] }, 'success-plan-not-green');
    expect(withPlan('Yellow')!.reason).toBe('success plan "Roll out CI" is Yellow');
    expect(withPlan('Green')).toBeUndefined();
  });

  it('success plan stale: updated exactly 3 months before T is due today; a day earlier is overdue', () => {
    const a = fine();
    const stale = (lastUpdated: Day) => one({ accounts: [a], plans: [plan({ accountId: a.id, lastUpdated })] }, 'success-plan-stale');
    expect(brief(stale(day('2026-08-20')))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(stale(day('2026-08-19')))).toEqual({ when: 'overdue', due: '2026-11-19' });
  });

  it('success plans: no action for a Growth CSM (no success plan target) or when success_plans.csv is absent', () => {
    expect(one({ csm: { role: 'Growth' }, accounts: [fine()], plans: [] }, 'success-plan-missing')).toBeUndefined();
    expect(one({ accounts: [fine()] }, 'success-plan-missing')).toBeUndefined();
  });

  it('workshop: a P1 account whose last workshop was exactly 3 months before T is due today; a day earlier is overdue', () => {
    const workshop = (date: Day | null, priority: 'P1' | 'P2' = 'P1') => {
      const a = fine({ priority });
      return one({ accounts: [a], activities: date === null ? [] : [activity({ accountId: a.id, type: 'Workshop', date })] }, 'workshop');
    };
    expect(brief(workshop(day('2026-08-20')))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(workshop(day('2026-08-19')))).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(workshop(day('2026-08-19'))!.reason).toBe('last workshop 2026-08-19; P1 accounts: one every 3 months');
    expect(brief(workshop(null))).toEqual({ when: 'overdue', due: null });
    expect(workshop(day('2026-01-01'), 'P2')).toBeUndefined();
  });
});

describe('this week: onboarding, engagement, priority', () => {
  it('onboarding: first engagement is due on day 14 of the onboarding; on day 15 it is late', () => {
    const onboarding = (start: Day, rule: ActionRule) => one({ accounts: [fine({ onboardingStart: start })] }, rule);
    expect(brief(onboarding(T - 14, 'onboarding-first-engage'))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(onboarding(T - 15, 'onboarding-first-engage'))).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(onboarding(T - 15, 'onboarding-first-engage')!.reason).toBe('onboarding started 2026-11-05; first engagement is due within 14 days');
    // Day 40: first value (30) is late, onboarded (45) is due this week.
    expect(brief(onboarding(T - 40, 'onboarding-first-value'))).toEqual({ when: 'overdue', due: '2026-11-10' });
    expect(brief(onboarding(T - 40, 'onboarding-onboarded'))).toEqual({ when: 'this week', due: '2026-11-25' });
  });

  it('onboarding: a milestone reached is no action', () => {
    const a = fine({ onboardingStart: T - 15 });
    expect(one({ accounts: [a], activities: [activity({ accountId: a.id, type: 'Meeting', date: T - 10 })] }, 'onboarding-first-engage')).toBeUndefined();
  });

  it('non-engaged: a customer call exactly 2 months before T keeps the account engaged until today; a day earlier it is non-engaged', () => {
    const engaged = (date: Day) => {
      const a = fine();
      return one({ accounts: [a], activities: [activity({ accountId: a.id, type: 'Meeting', date })] }, 'non-engaged');
    };
    expect(brief(engaged(day('2026-09-20')))).toEqual({ when: 'today', due: '2026-11-20' });
    expect(brief(engaged(day('2026-09-19')))).toEqual({ when: 'overdue', due: '2026-11-19' });
    expect(engaged(day('2026-09-19'))!.reason).toBe('last customer call 2026-09-19; no customer should go more than 2 months without a call');
    expect(engaged(day('2026-10-01'))).toBeUndefined();
  });

  it('misprioritised and unprioritised: a Red account with no priority is both, this week, with the reasons', () => {
    const a = fine({ priority: null, health: 'Red' });
    const actions = actionsOf({ accounts: [a], activities: callsOn(a.id) });
    expect(actions.find((x) => x.rule === 'misprioritized')).toMatchObject({ when: 'this week', due: null, reason: 'no priority (read as P2) with P1 reasons: red health' });
    expect(actions.find((x) => x.rule === 'unprioritized')).toMatchObject({ when: 'this week', reason: 'no priority set; every rule reads it as P2' });
  });
});

describe('this week: the list', () => {
  it('an account that needs nothing gives an empty list', () => {
    const a = fine();
    expect(actionsOf({ accounts: [a], activities: callsOn(a.id), plans: [plan({ accountId: a.id, lastUpdated: T })] })).toEqual([]);
  });

  it('orders overdue before today before this week before later, then by rule, P1 first, then the earliest due', () => {
    const p2Late = fine({ name: 'Bravo', priority: 'P2' });
    const p1Late = fine({ name: 'Zulu', priority: 'P1' });
    const stale = fine({ name: 'Alpha', healthUpdated: day('2026-10-01') });
    const renewing = fine({ name: 'Delta', renewalDate: day('2027-03-20') });
    const soon = fine({ name: 'Echo', healthUpdated: day('2026-10-25') });
    const acts = [
      activity({ accountId: p2Late.id, date: T - 40 }),
      activity({ accountId: p1Late.id, date: T - 20 }),
      activity({ accountId: p1Late.id, type: 'Workshop', date: T - 5 }),
      ...[p2Late, p1Late, stale, renewing, soon].map((a) => activity({ accountId: a.id, type: 'EBR', date: T - 10 })),
      ...[stale, renewing, soon].map((a) => activity({ accountId: a.id, date: T - 1 })),
    ];
    const keys = actionsOf({ accounts: [p2Late, p1Late, stale, renewing, soon], activities: acts }).map((a) => `${a.when} ${a.rule} ${a.accountName}`);
    expect(keys).toEqual([
      'overdue cadence Zulu',
      'overdue cadence Bravo',
      'overdue health Alpha',
      'this week health Echo',
      'later renewal-question Delta',
    ]);
  });

  it('lastDayWithin: the last day a date stays within the trailing months, clamped at month ends', () => {
    expect(iso(lastDayWithin(day('2026-10-20'), 1))).toBe('2026-11-20');
    // 2027-03-31 − 1 month = 2027-02-28: a date on 02-28 is within the month until 03-31.
    expect(iso(lastDayWithin(day('2027-02-28'), 1))).toBe('2027-03-31');
    expect(iso(lastDayWithin(day('2026-12-31'), 2))).toBe('2027-02-28');
  });
});

describe('new and cleared actions since the previous build', () => {
  const a = fine({ name: 'Acme', healthUpdated: null });

  it('the snapshot keeps each CSM\u2019s action keys; the next build lists what is new and what cleared', () => {
    const first = build({ accounts: [a], activities: callsOn(a.id) }, [], T - 1);
    const snap = snapshotOf(first, DEFAULT_CONFIG.windows.atRiskRenewalDays);
    expect(snap.actions).toEqual({ 'csm@example.com': [`${a.id}:health`] });
    // The next day the health is updated and a workshop-less P1 account arrives.
    const b = fine({ name: 'Bolt', priority: 'P1' });
    const next = build({ accounts: [{ ...a, healthUpdated: T }, b], activities: [...callsOn(a.id), ...callsOn(b.id)] }, [snap]);
    expect(next.csms[0]!.actionChanges).toEqual({ previousAsOf: '2026-11-19', added: [`${b.id}:workshop`], cleared: [`${a.id}:health`] });
  });

  it('with no earlier list of actions (an older snapshot), every action is new', () => {
    const current = snapshotOf(build({ accounts: [a], activities: callsOn(a.id) }), 90);
    const older: Snapshot = { asOf: '2026-11-19', fiscalQuarter: 'FY27-Q4', scopes: {}, accounts: {} };
    expect(actionChangesSince(older, current, 'csm@example.com')).toEqual({ previousAsOf: null, added: [`${a.id}:health`], cleared: [] });
  });
});
