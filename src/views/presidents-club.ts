/**
 * The President's Club pages: one per fiscal year (the years already ended as stored, and the year
 * to date), standings per team with each category's value, points and what it counted, the total,
 * the rank and the gap to the next place.
 */
import {
  PRESIDENTS_CLUB_CATEGORIES,
  type PresidentsClubCategory,
  type PresidentsClubEntry,
  type PresidentsClubStanding,
  type ReportModel,
  type TeamReport,
} from '../report/model.ts';
import { formatNumber, formatPercent } from './format.ts';
import { presidentsClubHref, sourceHref } from './links.ts';
import { accountRefs, byName, reportIndex, type AccountRef } from './lookup.ts';

type PcCategory = PresidentsClubCategory;

/** The five categories in page order, how each value reads, and what each one counts. */
export const PC_CATEGORIES: readonly { key: PcCategory; label: string; unit: 'percent' | 'count'; counts: 'opportunities' | 'accounts' | 'workshops' }[] = [
  { key: 'netArrContribution', label: 'Net ARR contribution', unit: 'percent', counts: 'opportunities' },
  { key: 'ebrCompletion', label: 'EBR completion', unit: 'percent', counts: 'accounts' },
  { key: 'greenSuccessPlans', label: 'Green success plans', unit: 'percent', counts: 'accounts' },
  { key: 'adoptionPlaysWon', label: 'Adoption plays won', unit: 'percent', counts: 'accounts' },
  { key: 'workshops', label: 'Workshops delivered', unit: 'count', counts: 'workshops' },
];

/** The President's Club numbers the definitions page defines: the five categories, then points and rank. */
export const PRESIDENTS_CLUB_KEYS = [...PRESIDENTS_CLUB_CATEGORIES, 'categoryPoints', 'points', 'rank'] as const;
export type PresidentsClubKey = (typeof PRESIDENTS_CLUB_KEYS)[number];

/** A display name per President's Club key. */
export const PRESIDENTS_CLUB_LABELS: Record<PresidentsClubKey, string> = {
  ...(Object.fromEntries(PC_CATEGORIES.map((c) => [c.key, c.label])) as Record<PcCategory, string>),
  categoryPoints: 'Points per category',
  points: 'Points',
  rank: 'Rank',
};

/** One thing a value counted, as text (an opportunity's name, a workshop), linked to its source when configured. */
export interface CountedItem {
  text: string;
  href: string | null;
}

/** One category of a CSM: value, points, what it counted (accounts as links, the rest as items) and the gap to the next place. */
export interface PcCell {
  key: PcCategory;
  label: string;
  value: string;
  points: number;
  /** The anchor of the counted list on the page. */
  anchor: string;
  counts: 'opportunities' | 'accounts' | 'workshops';
  accounts: AccountRef[];
  items: CountedItem[];
  gap: string;
}

/** A CSM of a standing: a roster CSM has a page (slug); one who has left the roster since shows by email. */
export interface PcPerson {
  name: string;
  email: string;
  slug: string | null;
}

/** A CSM's row of a President's Club page. */
export interface PcRow {
  csm: PcPerson;
  /** The anchor of the CSM's counted lists (`pc-<slug>`; CSMs no longer on the roster by position). */
  anchor: string;
  points: number;
  rank: number;
  /** What reaching the next better rank of the group takes, in words. */
  pointsGap: string;
  cells: PcCell[];
}

export interface PcGroup {
  /** A team of today, the CSMs with no team (each ranked alone), or those no longer on the roster. */
  kind: 'team' | 'alone' | 'former';
  team: TeamReport | null;
  title: string;
  /** Why the group is ranked as it is, when it is not a team of today. */
  note: string | null;
  rows: PcRow[];
}

/** One fiscal year's page. */
export interface PcYear {
  fiscalYear: string;
  /** The cut-off day E: T for the year to date, the year's last day for an ended one. */
  asOf: string;
  closed: boolean;
  href: string;
  groups: PcGroup[];
}

/**
 * What reaching the next better value in the team takes: a percent category's gap in percentage
 * points (`+7.5 pp`), workshops counted (`+2 workshops`); `top of the team` when none is better.
 */
export function formatPcGap(unit: 'percent' | 'count', value: number | null, gap: number | null): string {
  if (value === null) return 'no value';
  if (gap === null) return 'top of the team';
  if (unit === 'count') return `+${formatNumber(gap)} ${gap === 1 ? 'workshop' : 'workshops'}`;
  return `+${formatNumber(Math.round(gap * 1000) / 10)} pp`;
}

/**
 * The points a CSM is behind the next better total of the group (`+15 points to rank 1`), or
 * `first place` for a CSM whom nobody of the group outscores (ties at the top included).
 */
export function formatPointsGap(points: number, rank: number, groupPoints: readonly number[]): string {
  const above = groupPoints.filter((p) => p > points);
  if (above.length === 0) return 'first place';
  const next = Math.min(...above);
  const nextRank = 1 + groupPoints.filter((p) => p > next).length;
  return `+${formatNumber(next - points)} ${next - points === 1 ? 'point' : 'points'} to rank ${nextRank}`;
}

function pcCells(model: ReportModel, entry: PresidentsClubEntry, anchor: string): PcCell[] {
  const links = model.config.links;
  return PC_CATEGORIES.map(({ key, label, unit, counts }): PcCell => {
    const value = entry[key];
    const counted = entry.counted[key];
    return {
      key,
      label,
      value: unit === 'percent' ? formatPercent(value) : formatNumber(value),
      points: entry.categoryPoints?.[key] ?? 0,
      anchor: `${anchor}-${key}`,
      counts,
      accounts: counts === 'accounts' ? accountRefs(model, counted) : [],
      items:
        counts === 'opportunities'
          ? counted.map((id) => ({ text: model.opportunityNames?.[id] ?? id, href: sourceHref(links, 'opportunity', id) }))
          : counts === 'workshops'
            ? counted.map((text) => ({ text, href: null }))
            : [],
      gap: formatPcGap(unit, value, entry.gaps?.[key] ?? null),
    };
  });
}

/** The groups of one standing: each team of today, then CSMs with no team, then CSMs no longer on the roster. */
function pcGroups(model: ReportModel, standing: PresidentsClubStanding): PcGroup[] {
  const ix = reportIndex(model);
  const emails = Object.keys(standing.entries).sort();
  const row = (email: string, anchor: string): Omit<PcRow, 'pointsGap'> => {
    const entry = standing.entries[email]!;
    const c = ix.csmByEmail.get(email);
    const csm: PcPerson = c ? { name: c.name, email, slug: c.slug } : { name: email, email, slug: null };
    return { csm, anchor, points: entry.points, rank: entry.rank, cells: pcCells(model, entry, anchor) };
  };
  const byRank = (a: Omit<PcRow, 'pointsGap'>, b: Omit<PcRow, 'pointsGap'>) =>
    a.rank - b.rank || byName({ name: a.csm.name, id: a.csm.email }, { name: b.csm.name, id: b.csm.email });
  const group = (kind: PcGroup['kind'], team: TeamReport | null, title: string, note: string | null, rows: Omit<PcRow, 'pointsGap'>[]): PcGroup => ({
    kind,
    team,
    title,
    note,
    rows: rows.sort(byRank).map((r) => ({ ...r, pointsGap: kind === 'former' && r.rank > 1 ? 'n/a' : formatPointsGap(r.points, r.rank, kind === 'alone' ? [r.points] : rows.map((o) => o.points)) })),
  });
  const groups: PcGroup[] = model.teams.map((team) =>
    group('team', team, `Team ${team.name}`, null, team.csms.filter((e) => standing.entries[e]).map((e) => row(e, `pc-${ix.csmByEmail.get(e)!.slug}`))),
  );
  const noTeam = emails.filter((e) => ix.csmByEmail.has(e) && !ix.teamOfCsm.has(e));
  groups.push(group('alone', null, 'CSMs with no team', 'Each ranked alone.', noTeam.map((e) => row(e, `pc-${ix.csmByEmail.get(e)!.slug}`))));
  const gone = emails.filter((e) => !ix.csmByEmail.has(e));
  groups.push(group('former', null, 'No longer on the roster', 'Each was ranked within their team of the time, which the stored standings do not name: no gap to the next place is shown.', gone.map((e, i) => row(e, `pc-former-${i + 1}`))));
  return groups.filter((g) => g.rows.length > 0);
}

/**
 * The standings of every fiscal year, oldest first, the year to date last. The year to date comes
 * from `model.presidentsClub`, or, when the model has no standing for it, from each CSM's entry.
 */
export function presidentsClubYears(model: ReportModel): PcYear[] {
  const standings = [...(model.presidentsClub ?? [])];
  if (!standings.some((s) => s.fiscalYear === model.fiscalYear)) {
    standings.push({ fiscalYear: model.fiscalYear, asOf: model.asOf, closed: false, entries: Object.fromEntries(model.csms.map((c) => [c.email, c.presidentsClub])) });
  }
  return standings
    .sort((a, b) => (a.fiscalYear < b.fiscalYear ? -1 : a.fiscalYear > b.fiscalYear ? 1 : 0))
    .map((s) => ({ fiscalYear: s.fiscalYear, asOf: s.asOf, closed: s.closed, href: presidentsClubHref(s.fiscalYear), groups: pcGroups(model, s) }));
}

/** The winners of a year: per team, the CSMs ranked first with points (ties share first place); a CSM ranked alone wins nothing. */
export function pcWinners(year: PcYear): { title: string; rows: PcRow[] }[] {
  return year.groups
    .filter((g) => g.kind !== 'alone')
    .map((g) => ({ title: g.title, rows: g.rows.filter((r) => r.rank === 1 && r.points > 0) }))
    .filter((g) => g.rows.length > 0);
}
