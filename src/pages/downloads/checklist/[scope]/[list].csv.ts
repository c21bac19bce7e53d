/** `/downloads/checklist/<scope>/<list>.csv`: a long list of a review checklist (the org's or a team's), as a download. */
import type { APIContext } from 'astro';
import { loadReport } from '../../../../report/load.ts';
import { checklistOf, orgScope, teamScope } from '../../../../views/checklist.ts';
import { checklistTables, listCsv, scopeKey, type ListTable } from '../../../../views/checklist-tables.ts';
import { csvResponse } from '../../../../views/csv.ts';

export function getStaticPaths() {
  const model = loadReport();
  const scopes = [orgScope(model), ...model.teams.map((t) => teamScope(model, t))];
  return scopes.flatMap((scope) => {
    const checklist = checklistOf(model, scope);
    return Object.values(checklistTables(checklist))
      .filter((t) => t.tools !== null)
      .map((table) => ({ params: { scope: scopeKey(checklist), list: table.id }, props: { table } }));
  });
}

export function GET({ props }: APIContext<{ table: ListTable }>): Response {
  return csvResponse(listCsv(props.table));
}
