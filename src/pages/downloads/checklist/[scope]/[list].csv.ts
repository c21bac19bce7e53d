/** `/downloads/checklist/<scope>/<list>.csv`: a long list of a review checklist (the org's or a team's), as a download. */
import type { APIContext } from 'astro';
import { loadReport } from '../../../../report/load.ts';
import type { ReportModel } from '../../../../report/model.ts';
import { checklistOf, orgScope, teamScope } from '../../../../views/checklist.ts';
import { checklistTables, listCsv, scopeKey } from '../../../../views/checklist-tables.ts';
import { csvResponse } from '../../../../views/csv.ts';

/** The checklist of the org (null) or of the team of a manager. */
function checklistFor(model: ReportModel, manager: string | null) {
  const team = manager === null ? undefined : model.teams.find((t) => t.manager === manager);
  return checklistOf(model, team ? teamScope(model, team) : orgScope(model));
}

// Astro holds every page's props for the whole build: a download's props name its list only, and
// its table is made when the file is written.
export function getStaticPaths() {
  const model = loadReport();
  return [null, ...model.teams.map((t) => t.manager)].flatMap((manager) => {
    const checklist = checklistFor(model, manager);
    return Object.values(checklistTables(checklist))
      .filter((t) => t.tools !== null)
      .map((table) => ({ params: { scope: scopeKey(checklist), list: table.id }, props: { manager, list: table.id } }));
  });
}

export function GET({ props }: APIContext<{ manager: string | null; list: string }>): Response {
  const tables = Object.values(checklistTables(checklistFor(loadReport(), props.manager)));
  return csvResponse(listCsv(tables.find((t) => t.id === props.list)!));
}
