/**
 * President's Club (METRICS.md): five categories per CSM for the fiscal year F containing T, points
 * by place within each team, and the rank by points. Events are counted from the start of F up to T.
 */
import type { Config } from '../config.ts';
import { isoFromDay, type Day } from '../dates.ts';
import type { PresidentsClubScore } from '../report/model.ts';
import { fiscalYearOf, fiscalYearRange } from './fiscal.ts';

import { ratio } from './status.ts';
import { countInWindow, creditedCsm, datesOf, workshopsInWindow, type Csm, type TableIndex } from './table-index.ts';

/** The categories of President's Club, in the order pages show them. */
export const PRESIDENTS_CLUB_CATEGORIES = ['netArrContribution', 'ebrCompletion', 'greenSuccessPlans', 'adoptionPlaysWon', 'workshops'] as const;
/** One category of President's Club. */
export type PresidentsClubCategory = (typeof PRESIDENTS_CLUB_CATEGORIES)[number];

/** One CSM's entry, with what each value counted (opportunity IDs, account IDs, or workshops). */
export type PresidentsClubResult = PresidentsClubScore & { counted: Record<PresidentsClubCategory, string[]> };

type Values = Record<PresidentsClubCategory, number | null>;

/** A workshop key (author, day, subject) as a reader sees it: `2026-11-20 · author · subject`. */
function describeWorkshop(key: string): string {
  const [author = '', dayText = '', subject = ''] = key.split('\u0000');
  return `${isoFromDay(Number(dayText))} · ${author} · ${subject}`;
}

/** The five category values of one CSM, and what each counted. */
function valuesOf(
  csm: Csm,
  index: TableIndex,
  fyStart: Day,
  asOf: Day,
  config: Config,
  netArrByCsm: Map<string, { sum: number; ids: string[] }>,
  greenRate: number | null,
): { values: Values; counted: Record<PresidentsClubCategory, string[]> } {
  const book = index.bookByCsm.get(csm.email) ?? [];
  const bookArr = book.reduce((s, a) => s + (a.arr ?? 0), 0);
  const net = netArrByCsm.get(csm.email) ?? { sum: 0, ids: [] };

  const withEbr = book.filter((a) => countInWindow(datesOf(index, a.id, 'EBR'), fyStart - 1, asOf) > 0).map((a) => a.id);

  const playsFrom = asOf - config.windows.adoptionPlaysDays;
  const withPlayWon = book
    .filter((a) =>
      (index.ctasByAccount.get(a.id) ?? []).some(
        (c) =>
          (c.type === 'Expansion' || c.type === 'Enablement') &&
          c.outcome === 'won' &&
          c.closedDate !== null &&
          playsFrom < c.closedDate &&
          c.closedDate <= asOf,
      ),
    )
    .map((a) => a.id);

  const workshops = new Set<string>();
  for (const a of book) {
    for (const w of workshopsInWindow(index, a.id, fyStart - 1, asOf)) workshops.add(w.key);
  }

  return {
    values: {
      netArrContribution: index.has.opportunities ? ratio(net.sum, bookArr) : null,
      ebrCompletion: ratio(withEbr.length, book.length),
      greenSuccessPlans: greenRate,
      adoptionPlaysWon: index.has.ctas ? ratio(withPlayWon.length, book.length) : null,
      workshops: workshops.size,
    },
    counted: {
      netArrContribution: net.ids,
      ebrCompletion: withEbr,
      greenSuccessPlans: [],
      adoptionPlaysWon: withPlayWon,
      workshops: [...workshops].map(describeWorkshop).sort(),
    },
  };
}

/** Net ARR of opportunities closed won in [fyStart, T], per credited CSM. */
function netArrByCsm(index: TableIndex, fyStart: Day, asOf: Day): Map<string, { sum: number; ids: string[] }> {
  const out = new Map<string, { sum: number; ids: string[] }>();
  for (const o of index.opportunities) {
    if (o.stage.trim().toLowerCase() !== 'closed won' || o.closeDate < fyStart || o.closeDate > asOf) continue;
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
 * Points per CSM for one category within a group: the distinct values above 0, highest first, give
 * the CSMs at the first, second and third of them `places[0..2]` points; everyone else gets 0.
 */
export function placePoints(values: ReadonlyMap<string, number | null>, places: readonly number[]): Map<string, number> {
  const distinct = [...new Set([...values.values()].filter((v): v is number => v !== null && v > 0))].sort((a, b) => b - a);
  const out = new Map<string, number>();
  for (const [email, v] of values) {
    const place = v !== null && v > 0 ? distinct.indexOf(v) : -1;
    out.set(email, place >= 0 && place < places.length ? places[place]! : 0);
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
 * President's Club for the fiscal year containing T: per CSM email, the category values, points,
 * rank within the team, and what each value counted. `greenSuccessPlanRateOf` gives the scorecard's
 * `greenSuccessPlanRate` of a CSM as of T.
 */
export function presidentsClub(
  index: TableIndex,
  asOf: Day,
  config: Config,
  greenSuccessPlanRateOf: (csmEmail: string) => number | null,
): Map<string, PresidentsClubResult> {
  const fiscalYear = fiscalYearOf(asOf, config.fiscalYearStartMonth);
  const fyStart = fiscalYearRange(fiscalYear, config.fiscalYearStartMonth).start;
  const net = netArrByCsm(index, fyStart, asOf);
  const out = new Map<string, PresidentsClubResult>();

  for (const group of rankingGroups(index)) {
    const computed = new Map(group.map((c) => [c.email, valuesOf(c, index, fyStart, asOf, config, net, greenSuccessPlanRateOf(c.email))]));
    const points = new Map(group.map((c) => [c.email, 0]));
    for (const category of PRESIDENTS_CLUB_CATEGORIES) {
      const values = new Map([...computed].map(([email, v]) => [email, v.values[category]]));
      for (const [email, p] of placePoints(values, config.presidentsClubPoints)) points.set(email, points.get(email)! + p);
    }
    const ranks = rankByPoints(points);
    for (const [email, { values, counted }] of computed) {
      out.set(email, { fiscalYear, ...values, points: points.get(email)!, rank: ranks.get(email)!, counted });
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What would move each CSM up, per category: the next better distinct value in the CSM's group
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
