/** `/downloads/renewals.csv`: the renewing accounts of the renewals page, as a download. */
import { loadReport } from '../../report/load.ts';
import { csvResponse } from '../../views/csv.ts';
import { renewalRows, renewalsCsv } from '../../views/renewals.ts';

export function GET(): Response {
  return csvResponse(renewalsCsv(renewalRows(loadReport())));
}
