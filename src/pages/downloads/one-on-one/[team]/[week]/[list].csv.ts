/** `/downloads/one-on-one/<team>/week-<n>/<list>.csv`: a long account list of a team's 1:1 agenda, as a download. */
import type { APIContext } from 'astro';
import { loadReport } from '../../../../../report/load.ts';
import { agendaFor, type AgendaWeek } from '../../../../../report/one-on-one.ts';
import { csvResponse } from '../../../../../views/csv.ts';
import { agendaCsv, agendaSections, type AgendaSectionView } from '../../../../../views/one-on-one.ts';

export function getStaticPaths() {
  const WEEKS: AgendaWeek[] = [1, 2, 3, 4];
  const model = loadReport();
  return model.teams.flatMap((team) =>
    WEEKS.flatMap((week) =>
      agendaSections(model, team.slug, agendaFor(model, team.manager, week))
        .filter((s) => s.tools !== null)
        .map((section) => ({ params: { team: team.slug, week: `week-${week}`, list: section.id }, props: { section } })),
    ),
  );
}

export function GET({ props }: APIContext<{ section: AgendaSectionView }>): Response {
  return csvResponse(agendaCsv(props.section));
}
