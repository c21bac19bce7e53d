/** `/csm/<slug>/book.csv`: a CSM's book as on their page, as a download (books of 20 accounts or more). */
import { loadReport } from '../../../report/load.ts';
import type { CsmReport } from '../../../report/model.ts';
import { csvResponse } from '../../../views/csv.ts';
import { bookCsv, bookOf, bookTools } from '../../../views/csm.ts';

export function getStaticPaths() {
  const model = loadReport();
  return model.csms.filter((csm) => bookTools(csm, bookOf(model, csm)) !== null).map((csm) => ({ params: { slug: csm.slug }, props: { csm } }));
}

export function GET({ props }: { props: { csm: CsmReport } }): Response {
  const model = loadReport();
  return csvResponse(bookCsv(bookOf(model, props.csm), model.asOf));
}
