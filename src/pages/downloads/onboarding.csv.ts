/** `/downloads/onboarding.csv`: the onboarding page's cohort table, as a download. */
import { loadReport } from '../../report/load.ts';
import { csvResponse } from '../../views/csv.ts';
import { cohortCsv, cohortRows } from '../../views/onboarding.ts';

export function GET(): Response {
  return csvResponse(cohortCsv(cohortRows(loadReport())));
}
