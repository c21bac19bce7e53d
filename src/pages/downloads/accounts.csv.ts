/** `/downloads/accounts.csv`: every account of the accounts index, as a download. */
import { loadReport } from '../../report/load.ts';
import { accountIndexRows, accountsCsv } from '../../views/accounts.ts';
import { csvResponse } from '../../views/csv.ts';

export function GET(): Response {
  return csvResponse(accountsCsv(accountIndexRows(loadReport())));
}
