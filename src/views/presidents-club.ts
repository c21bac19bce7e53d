/** The President's Club page: standings per team, each category with what it counted. */
import type { CsmReport, PresidentsClubEntry, ReportModel, TeamReport } from '../report/model.ts';
import { formatNumber, formatPercent } from './format.ts';
import { accountRefs, byName, reportIndex, type AccountRef } from './lookup.ts';

type PcCategory = keyof PresidentsClubEntry['counted'];

/** The five categories in page order, how each value reads, and what each one counts. */
export const PC_CATEGORIES: readonly { key: PcCategory; label: string; unit: 'percent' | 'count'; counts: 'opportunities' | 'accounts' | 'workshops' }[] = [
  { key: 'netArrContribution', label: 'Net ARR contribution', unit: 'percent', counts: 'opportunities' },
  { key: 'ebrCompletion', label: 'EBR completion', unit: 'percent', counts: 'accounts' },
  { key: 'greenSuccessPlans', label: 'Green success plans', unit: 'percent', counts: 'accounts' },
  { key: 'adoptionPlaysWon', label: 'Adoption plays won', unit: 'percent', counts: 'accounts' },
  { key: 'workshops', label: 'Workshops delivered', unit: 'count', counts: 'workshops' },
];

/** One category of a CSM: value, what it counted (accounts as links, the rest as text) and the gap to the next place. */
export interface PcCell {
  key: PcCategory;
  label: string;
  value: string;
  /** The anchor of the counted list on the President's Club page. */
  anchor: string;
  counts: 'opportunities' | 'accounts' | 'workshops';
  accounts: AccountRef[];
  texts: string[];
  gap: string;
}

/** A CSM's row of the President's Club page. */
export interface PcRow {
  csm: CsmReport;
  points: number;
  rank: number;
  cells: PcCell[];
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

function pcRow(model: ReportModel, csm: CsmReport): PcRow {
  const pc = csm.presidentsClub;
  const cells = PC_CATEGORIES.map(({ key, label, unit, counts }): PcCell => {
    const value = pc[key];
    const counted = pc.counted[key];
    return {
      key,
      label,
      value: unit === 'percent' ? formatPercent(value) : formatNumber(value),
      anchor: `pc-${csm.slug}-${key}`,
      counts,
      accounts: counts === 'accounts' ? accountRefs(model, counted) : [],
      texts: counts === 'accounts' ? [] : counted,
      gap: formatPcGap(unit, value, pc.gaps[key]),
    };
  });
  return { csm, points: pc.points, rank: pc.rank, cells };
}

/** The President's Club standings: per team (in model order) its CSMs by rank then name; CSMs with no team last, each ranked alone. */
export function presidentsClubStandings(model: ReportModel): { team: TeamReport | null; title: string; rows: PcRow[] }[] {
  const ix = reportIndex(model);
  const byRank = (a: PcRow, b: PcRow) => a.rank - b.rank || byName({ name: a.csm.name, id: a.csm.email }, { name: b.csm.name, id: b.csm.email });
  const groups: { team: TeamReport | null; title: string; rows: PcRow[] }[] = model.teams.map((team) => ({
    team,
    title: `Team ${team.name}`,
    rows: team.csms.flatMap((e) => {
      const c = ix.csmByEmail.get(e);
      return c ? [pcRow(model, c)] : [];
    }).sort(byRank),
  }));
  const alone = model.csms.filter((c) => !ix.teamOfCsm.has(c.email)).map((c) => pcRow(model, c)).sort(byRank);
  if (alone.length > 0) groups.push({ team: null, title: 'CSMs with no team (each ranked alone)', rows: alone });
  return groups;
}
