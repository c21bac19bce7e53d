/** The people index: every team with its CSMs, and the CSMs with no team, so no one needs search to be found. */
import type { CsmReport, ReportModel, TeamReport } from '../report/model.ts';
import { byName, reportIndex } from './lookup.ts';

/** A team of the index with its CSMs by name. */
export interface PeopleGroup {
  team: TeamReport | null;
  title: string;
  csms: CsmReport[];
}

const byCsmName = (a: CsmReport, b: CsmReport): number => byName({ name: a.name, id: a.email }, { name: b.name, id: b.email });

/** The teams in model order, each with its CSMs by name; then the CSMs with no team, if any. */
export function peopleGroups(model: ReportModel): PeopleGroup[] {
  const ix = reportIndex(model);
  const groups: PeopleGroup[] = model.teams.map((team) => ({
    team,
    title: `Team ${team.name}`,
    csms: team.csms.flatMap((e) => ix.csmByEmail.get(e) ?? []).sort(byCsmName),
  }));
  const alone = model.csms.filter((c) => !ix.teamOfCsm.has(c.email)).sort(byCsmName);
  if (alone.length > 0) groups.push({ team: null, title: 'CSMs with no team', csms: alone });
  return groups;
}
