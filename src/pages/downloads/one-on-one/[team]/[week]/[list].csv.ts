/** `/downloads/one-on-one/<team>/week-<n>/<list>.csv`: a long account list of a team's 1:1 agenda, as a download. */
import type { APIContext } from 'astro';
import { loadReport } from '../../../../../report/load.ts';
import type { ReportModel, TeamReport } from '../../../../../report/model.ts';
import { agendaFor, type AgendaWeek } from '../../../../../report/one-on-one.ts';
import { csvResponse } from '../../../../../views/csv.ts';
import { agendaCsv, agendaSections } from '../../../../../views/one-on-one.ts';

const sectionsOf = (model: ReportModel, team: TeamReport, week: AgendaWeek) => agendaSections(model, team.slug, agendaFor(model, team.manager, week));

// Astro holds every page's props for the whole build: a download's props name its list only, and
// its table is made when the file is written.
export function getStaticPaths() {
  const WEEKS: AgendaWeek[] = [1, 2, 3, 4];
  const model = loadReport();
  return model.teams.flatMap((team) =>
    WEEKS.flatMap((week) =>
      sectionsOf(model, team, week)
        .filter((s) => s.tools !== null)
        .map((section) => ({ params: { team: team.slug, week: `week-${week}`, list: section.id }, props: { team, week, list: section.id } })),
    ),
  );
}

export function GET({ props }: APIContext<{ team: TeamReport; week: AgendaWeek; list: string }>): Response {
  const section = sectionsOf(loadReport(), props.team, props.week).find((s) => s.id === props.list)!;
  return csvResponse(agendaCsv(section));
}
