/**
 * President's Club (METRICS.md): five categories per CSM for a fiscal year F and its cut-off day E
 * (T for the year that contains T, the year's last day for an earlier one), points by position
 * within each team, and the rank by points. Events are counted from the start of F up to E.
 */
import type { Config } from '../config.ts';
import { dayFromIso, isoFromDay, type Day } from '../dates.ts';
import { fiscalYearOf, fiscalYearRange } from './fiscal.ts';
import { ratio } from './status.ts';
import { countInWindow, creditedCsm, datesOf, workshopsPresentedInWindow, type Csm, type TableIndex } from './table-index.ts';
import { PRESIDENTS_CLUB_CATEGORIES, type PresidentsClubCategory, type PresidentsClubScore } from './types.ts';
import { monthsBefore } from './windows.ts';

export { PRESIDENTS_CLUB_CATEGORIES, type PresidentsClubCategory } from './types.ts';

/** One CSM's entry, with what each value counted (opportunity IDs, account IDs, or workshops). */
export type PresidentsClubResult = PresidentsClubScore & { counted: Record<PresidentsClubCategory, string[]> };

type Values = Record<PresidentsClubCategory, number | null>;

/** A workshop key (author, day, subject) as a reader sees it: `2026-11-20 · author · subject`. */
function describeWorkshop(key: string): string {
  const [author = '', dayText = '', subject = ''] = key.split('\u0000');
  return `${isoFromDay(Number(dayText))} · ${author} · ${subject}`;
}

/** The five category values of one CSM for a fiscal year starting on fyStart, cut off at E (`cutOff`), and what each counted. */
function valuesOf(
  csm: Csm,
  index: TableIndex,
  fyStart: Day,
  cutOff: Day,
  config: Config,
  netArrByCsm: Map<string, { sum: number; ids: string[] }>,
  greenRate: number | null,
): { values: Values; counted: Record<PresidentsClubCategory, string[]> } {
  const book = index.bookByCsm.get(csm.email) ?? [];
  const bookArr = book.reduce((s, a) => s + (a.arr ?? 0), 0);
  const net = netArrByCsm.get(csm.email) ?? { sum: 0, ids: [] };

  // countInWindow is exclusive at its lower end; fyStart − 1 makes the window [fyStart, E].
  const withEbr = book.filter((a) => countInWindow(datesOf(index, a.id, 'EBR'), fyStart - 1, cutOff) > 0).map((a) => a.id);

  // The 12 months up to E, E − 12 months ≤ d ≤ E.
  const playsFrom = monthsBefore(cutOff, config.windows.adoptionPlaysMonths);
  const withPlayWon = book
    .filter((a) =>
      (index.ctasByAccount.get(a.id) ?? []).some(
        (c) =>
          (c.type === 'Expansion' || c.type === 'Enablement') &&
          c.outcome === 'won' &&
          c.closedDate !== null &&
          playsFrom <= c.closedDate &&
          c.closedDate <= cutOff,
      ),
    )
    .map((a) => a.id);

  // Workshops the CSM presented (the author resolves to the CSM), on any account.
  const workshops = workshopsPresentedInWindow(index, csm.email, fyStart - 1, cutOff).map((w) => w.key);

  return {
    values: {
      netArrContribution: index.has.opportunities ? ratio(net.sum, bookArr) : null,
      ebrCompletion: ratio(withEbr.length, book.length),
      greenSuccessPlans: greenRate,
      adoptionPlaysWon: index.has.ctas ? ratio(withPlayWon.length, book.length) : null,
      workshops: workshops.length,
    },
    counted: {
      netArrContribution: net.ids,
      ebrCompletion: withEbr,
      greenSuccessPlans: [],
      adoptionPlaysWon: withPlayWon,
      workshops: workshops.map(describeWorkshop).sort(),
    },
  };
}

/** Net ARR of opportunities closed won in [fyStart, E], per credited CSM. */
function netArrByCsm(index: TableIndex, fyStart: Day, cutOff: Day): Map<string, { sum: number; ids: string[] }> {
  const out = new Map<string, { sum: number; ids: string[] }>();
  for (const o of index.opportunities) {
    if (o.stage.trim().toLowerCase() !== 'closed won' || o.closeDate < fyStart || o.closeDate > cutOff) continue;
    const csm = creditedCsm(o, index.accounts);
    if (csm === null) continue;
    const slot = out.get(csm) ?? { sum: 0, ids: [] };
    slot.sum += o.netArr ?? 0;
    slot.ids.push(o.id);
    out.set(csm, slot);
  }
  return out;
}

/**
 * Points per CSM for one category within a group, by position: a CSM's position is 1 + the number
 * of CSMs of the group with a strictly higher value; positions 1, 2, 3 get `points[0..2]`, later
 * positions 0, and a value of 0 or less, or null, gets 0 whatever its position. So CSMs tied at the
 * top all get the first points, and after a tie for first the next value is in position 3.
 */
export function positionPoints(values: ReadonlyMap<string, number | null>, points: readonly number[]): Map<string, number> {
  const all = [...values.values()].filter((v): v is number => v !== null);
  const out = new Map<string, number>();
  for (const [email, v] of values) {
    if (v === null || v <= 0) {
      out.set(email, 0);
      continue;
    }
    const position = 1 + all.filter((w) => w > v).length;
    out.set(email, points[position - 1] ?? 0);
  }
  return out;
}

/** Ranks by points, highest first; ties share a rank and the next rank skips (1, 1, 3). */
export function rankByPoints(points: ReadonlyMap<string, number>): Map<string, number> {
  const all = [...points.values()];
  return new Map([...points].map(([email, p]) => [email, 1 + all.filter((q) => q > p).length]));
}

/** The groups CSMs are ranked in: each team, and every CSM with no leader alone. */
function rankingGroups(index: TableIndex): Csm[][] {
  const inTeam = new Set<string>();
  const groups = index.teams.map((t) => {
    for (const c of t.csms) inTeam.add(c.email);
    return t.csms;
  });
  for (const c of index.csms) if (!inTeam.has(c.email)) groups.push([c]);
  return groups;
}

/**
 * President's Club standings of fiscal year `fiscalYear` (`FY2027`) as of T: the cut-off E is T for
 * the year that contains T, the year's last day for an earlier one. Per CSM email: the category
 * values, the points of each category, their sum, the rank within the team, and what each value
 * counted. `greenSuccessPlanRateOf` gives a CSM's `greenSuccessPlanRate` as of E (for an earlier
 * year, from the latest history snapshot dated in it; null when there is none).
 */
export function presidentsClubStanding(
  index: TableIndex,
  fiscalYear: string,
  asOf: Day,
  config: Config,
  greenSuccessPlanRateOf: (csmEmail: string) => number | null,
): Map<string, PresidentsClubResult> {
  const range = fiscalYearRange(fiscalYear, config.fiscalYearStartMonth);
  if (range.start > asOf) throw new Error(`${fiscalYear} starts after the as-of date ${isoFromDay(asOf)}`);
  const cutOff = Math.min(range.end, asOf);
  const net = netArrByCsm(index, range.start, cutOff);
  const out = new Map<string, PresidentsClubResult>();

  for (const group of rankingGroups(index)) {
    const computed = new Map(group.map((c) => [c.email, valuesOf(c, index, range.start, cutOff, config, net, greenSuccessPlanRateOf(c.email))]));
    const categoryPoints = new Map(group.map((c) => [c.email, {} as Record<PresidentsClubCategory, number>]));
    for (const category of PRESIDENTS_CLUB_CATEGORIES) {
      const values = new Map([...computed].map(([email, v]) => [email, v.values[category]]));
      for (const [email, p] of positionPoints(values, config.presidentsClubPoints)) categoryPoints.get(email)![category] = p;
    }
    const points = new Map([...categoryPoints].map(([email, cp]) => [email, PRESIDENTS_CLUB_CATEGORIES.reduce((sum, k) => sum + cp[k], 0)]));
    const ranks = rankByPoints(points);
    for (const [email, { values, counted }] of computed) {
      out.set(email, { fiscalYear, ...values, categoryPoints: categoryPoints.get(email)!, points: points.get(email)!, rank: ranks.get(email)!, counted });
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** President's Club for the fiscal year containing T, counted up to T. */
export function presidentsClub(
  index: TableIndex,
  asOf: Day,
  config: Config,
  greenSuccessPlanRateOf: (csmEmail: string) => number | null,
): Map<string, PresidentsClubResult> {
  return presidentsClubStanding(index, fiscalYearOf(asOf, config.fiscalYearStartMonth), asOf, config, greenSuccessPlanRateOf);
}

/**
 * The fiscal years the data covers, oldest first: from the year of the earliest activity,
 * closed-won opportunity or history snapshot (on or before T) up to the year containing T.
 */
export function fiscalYearsCovered(index: TableIndex, asOf: Day, config: Config, snapshotDates: readonly string[]): string[] {
  let earliest = asOf;
  for (const perType of index.activityDates.values()) {
    for (const dates of Object.values(perType)) if (dates.length > 0) earliest = Math.min(earliest, dates[0]!);
  }
  for (const o of index.opportunities) if (o.stage.trim().toLowerCase() === 'closed won') earliest = Math.min(earliest, o.closeDate);
  for (const iso of snapshotDates) earliest = Math.min(earliest, dayFromIso(iso));
  const startMonth = config.fiscalYearStartMonth;
  const years: string[] = [];
  for (let y = Number(fiscalYearOf(earliest, startMonth).slice(2)); y <= Number(fiscalYearOf(asOf, startMonth).slice(2)); y++) years.push(`FY${y}`);
  return years;
}

/**
 * What would move each CSM up, per category: the next better value in the CSM's group
 * minus the CSM's own value; null when the CSM holds the best value or the own value is null.
 */
export function presidentsClubGaps(
  club: ReadonlyMap<string, PresidentsClubScore>,
  index: TableIndex,
): Map<string, Record<PresidentsClubCategory, number | null>> {
  const out = new Map<string, Record<PresidentsClubCategory, number | null>>();
  for (const group of rankingGroups(index)) {
    const members = group.map((c) => c.email).filter((e) => club.has(e));
    for (const email of members) {
      const own = club.get(email)!;
      const gaps = {} as Record<PresidentsClubCategory, number | null>;
      for (const category of PRESIDENTS_CLUB_CATEGORIES) {
        const v = own[category];
        let next: number | null = null;
        for (const other of members) {
          const w = club.get(other)![category];
          if (v !== null && w !== null && w > v && (next === null || w < next)) next = w;
        }
        gaps[category] = v === null || next === null ? null : next - v;
      }
      out.set(email, gaps);
    }
  }
  return out;
}
