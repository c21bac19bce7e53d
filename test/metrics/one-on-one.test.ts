import { describe, expect, it } from 'vitest';
import { weekOfMonth } from '../../src/metrics/one-on-one.ts';
import { day } from './build-tables.ts';

const week = (iso: string) => weekOfMonth(day(iso));

describe('weekOfMonth(day)', () => {
  it('a month that starts on a Monday: week 1 starts on the 1st, weeks run Monday to Sunday', () => {
    expect(week('2026-06-01')).toEqual({ month: '2026-06', week: 1, agendaWeek: 1 });
    expect(week('2026-06-07')).toEqual({ month: '2026-06', week: 1, agendaWeek: 1 });
    expect(week('2026-06-08')).toEqual({ month: '2026-06', week: 2, agendaWeek: 2 });
    expect(week('2026-06-28')).toEqual({ month: '2026-06', week: 4, agendaWeek: 4 });
  });

  it("a 5th week uses week 4's agenda", () => {
    expect(week('2026-06-29')).toEqual({ month: '2026-06', week: 5, agendaWeek: 4 });
  });

  it("days before the first Monday belong to the previous month's last week", () => {
    // July 2026 starts on a Wednesday; its first Monday is the 6th.
    expect(week('2026-07-01')).toEqual({ month: '2026-06', week: 5, agendaWeek: 4 });
    expect(week('2026-07-05')).toEqual({ month: '2026-06', week: 5, agendaWeek: 4 });
    expect(week('2026-07-06')).toEqual({ month: '2026-07', week: 1, agendaWeek: 1 });
    // November 2026 starts on a Sunday: it is the 4th week of October (first Monday 2026-10-05).
    expect(week('2026-11-01')).toEqual({ month: '2026-10', week: 4, agendaWeek: 4 });
    expect(week('2026-11-20')).toEqual({ month: '2026-11', week: 3, agendaWeek: 3 });
  });

  it('the days before the first Monday of January belong to the previous December', () => {
    expect(week('2027-01-03')).toEqual({ month: '2026-12', week: 4, agendaWeek: 4 });
    expect(week('2027-01-04')).toEqual({ month: '2027-01', week: 1, agendaWeek: 1 });
  });
});
