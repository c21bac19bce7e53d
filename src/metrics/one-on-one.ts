/**
 * Manager 1:1 agenda weeks (METRICS.md): week 1 of a month starts on its first Monday, weeks run
 * Monday to Sunday, the days before the first Monday belong to the previous month's last week, and
 * a 5th week uses week 4's agenda.
 */
import { dayOf, isoWeekday, partsOfDay, type Day } from '../dates.ts';

/** The first Monday of a calendar month (month 1-12). */
function firstMonday(year: number, month: number): Day {
  const first = dayOf(year, month, 1);
  return first + ((8 - isoWeekday(first)) % 7);
}

const monthId = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The agenda month (`YYYY-MM`), the week of that month (1-5) and the agenda week (1-4) a day falls in. */
export function weekOfMonth(day: Day): { month: string; week: 1 | 2 | 3 | 4 | 5; agendaWeek: 1 | 2 | 3 | 4 } {
  let { year, month } = partsOfDay(day);
  let monday = firstMonday(year, month);
  if (day < monday) {
    // Before this month's first Monday: the last week of the previous month.
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
    monday = firstMonday(year, month);
  }
  // A month holds 4 or 5 Mondays, so the week is 1-5.
  const week = (Math.floor((day - monday) / 7) + 1) as 1 | 2 | 3 | 4 | 5;
  return { month: monthId(year, month), week, agendaWeek: Math.min(week, 4) as 1 | 2 | 3 | 4 };
}
